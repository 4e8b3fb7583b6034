package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.content.RenderedEmail;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryProofs;
import io.crosscast.delivery.DeliveryReports;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LinkClicks;
import io.crosscast.delivery.TimelineBuckets;
import io.crosscast.delivery.TimelinePoint;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.it.support.TestDocuments;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingRecorder;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A delivery's report figures from real tracking logs: sent to three recipients, then opens and clicks
 * written at known times (so the hour buckets are known), then the hourly timeline, the clicks per link
 * and the figures of several deliveries at once checked. Also previews and proofs: personalised,
 * untracked, received by the sandbox, outside the ledger.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryReportsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OFFER = "https://shop.example.com/offer";
    private static final String SHOP = "https://shop.example.com/";

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private DeliveryReports reports;

    @EJB
    private DeliveryProofs proofs;

    @EJB
    private RecipientService recipients;

    @EJB
    private OutboxService outbox;

    @EJB
    private TrackingRecorder tracking;

    private String token;
    private Recipient ana;
    private Recipient ben;
    private Recipient cid;

    @BeforeEach
    void recipients() {
        token = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ana = recipient("Ana");
        ben = recipient("Ben");
        cid = recipient("Cid");
    }

    private Recipient recipient(String firstName) {
        return SandboxMessages.createRecipient(recipients, token, firstName);
    }

    private Delivery offer() {
        return deliveries.create(
                Channel.EMAIL,
                new DeliveryContent(
                        "Report " + token,
                        "Crosscast Shop",
                        "shop@example.com",
                        null,
                        "Hello {{firstName}}",
                        "<p>Dear {{firstName}},</p><p><a href=\"" + OFFER + "\" data-label=\"offer\">See the offer</a>"
                                + " or <a href=\"" + SHOP + "\">the shop</a>.</p>",
                        null));
    }

    private String lastNameIsToken() {
        return TestDocuments.lastNameIs(token);
    }

    @Test
    void timelineAndClicksPerLinkCountDistinctRecipientsByHourAndByLink() throws Exception {
        Delivery delivery = offer();
        long id = delivery.getId();
        assertEquals(List.of(), reports.timeline(id), "a draft has no timeline");
        assertEquals(List.of(), reports.clicksPerLink(id), "a draft's links are not frozen yet");

        deliveries.sendToCondition(id, ConditionJson.fromJson(lastNameIsToken()));
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(id).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");
        Instant started = deliveries.get(id).getStartedAt();
        Instant first = started;
        Instant second = started.plusSeconds(3600);
        Instant third = started.plusSeconds(2 * 3600);

        // Hour 0: Ana opens twice and clicks the offer. Hour 1: Ben clicks the offer once and the shop twice,
        // without an open (images blocked). Hour 2: Cid opens.
        try (Connection connection = ((DataSource) new InitialContext().lookup(Datasources.NON_JTA)).getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO tracking_log"
                        + " (delivery_id, recipient_id, type, url, label, logged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(true);
            log(insert, id, ana, "OPEN", null, null, first);
            log(insert, id, ana, "OPEN", null, null, first);
            log(insert, id, ana, "CLICK", OFFER, "offer", first);
            log(insert, id, ben, "CLICK", OFFER, "offer", second);
            log(insert, id, ben, "CLICK", SHOP, null, second);
            log(insert, id, ben, "CLICK", SHOP, null, second);
            log(insert, id, cid, "OPEN", null, null, third);
            insert.executeBatch();
        }
        tracking.flush();

        long hour = TimelineBuckets.hourOf(started);
        List<TimelinePoint> timeline = reports.timeline(id);
        assertEquals(TimelineBuckets.hourOf(third) - hour + 1, timeline.size(), timeline.toString());
        assertEquals(TimelineBuckets.startOf(hour), timeline.get(0).hour());
        Map<Long, TimelinePoint> byHour = new java.util.HashMap<>();
        timeline.forEach(p -> byHour.put(TimelineBuckets.hourOf(p.hour()), p));
        assertEquals(1, byHour.get(TimelineBuckets.hourOf(first)).opens(), timeline.toString());
        assertEquals(1, byHour.get(TimelineBuckets.hourOf(first)).clicks(), timeline.toString());
        assertEquals(1, byHour.get(TimelineBuckets.hourOf(second)).opens(), "a click counts as an open");
        assertEquals(1, byHour.get(TimelineBuckets.hourOf(second)).clicks());
        assertEquals(1, byHour.get(TimelineBuckets.hourOf(third)).opens());
        assertEquals(0, byHour.get(TimelineBuckets.hourOf(third)).clicks());
        assertEquals(3, timeline.stream().mapToLong(TimelinePoint::opens).sum());

        List<LinkClicks> links = reports.clicksPerLink(id);
        assertEquals(2, links.size(), links.toString());
        assertEquals(new LinkClicks(0, OFFER, "offer", 2, 2), links.get(0));
        assertEquals(new LinkClicks(1, SHOP, null, 2, 1), links.get(1));
        assertEquals("offer", links.get(0).name());
        assertEquals(SHOP, links.get(1).name());

        DeliveryStats one = deliveries.stats(id);
        assertEquals(3, one.opened());
        assertEquals(2, one.clicked());
        Delivery other = offer();
        Map<Long, DeliveryStats> many = reports.stats(List.of(id, other.getId()));
        assertEquals(one, many.get(id));
        assertEquals(new DeliveryStats(0, 0, 0, 0, 0, 0, 0, 0), many.get(other.getId()));
    }

    @Test
    void previewsAndProofsArePersonalisedUntrackedAndOutsideTheLedger() {
        Delivery delivery = offer();
        long id = delivery.getId();

        RenderedEmail preview = proofs.preview(id, ana.getId());
        assertEquals("Hello Ana", preview.subject());
        assertTrue(preview.html().contains("Dear Ana,"), preview.html());
        assertTrue(preview.html().contains(OFFER), "links lead straight to their URL: " + preview.html());
        assertFalse(preview.html().contains("/t/c/") || preview.html().contains("/t/o/"), preview.html());
        assertTrue(preview.text().contains("Dear Ana"), preview.text());
        assertEquals("Hello", proofs.preview(id, 0).subject(), "without a recipient the fields are empty");

        String tester = "proof." + token + "@example.com";
        assertEquals(1, proofs.proof(id, ana.getId(), List.of(tester)));
        assertTrue(Polling.eventually(PATIENCE, () -> find(tester) != null), "the proof reaches the sandbox");
        MessageContent received = outbox.read(find(tester).id()).orElseThrow();
        assertEquals("[Proof] Hello Ana", received.message().subject());
        assertTrue(received.html().contains("Dear Ana,"), received.html());
        assertFalse(received.html().contains("/t/c/") || received.html().contains("/t/o/"), received.html());
        assertEquals(0, deliveries.ledgerCount(id, null), "a proof is not in the ledger");
        assertEquals(DeliveryStatus.DRAFT, deliveries.get(id).getStatus());

        DeliveryException bad = assertThrows(
                DeliveryException.class, () -> proofs.proof(id, ana.getId(), List.of(tester, "not-an-address")));
        assertEquals(DeliveryException.Kind.INVALID, bad.kind());
        assertTrue(bad.getMessage().contains("not-an-address"), bad.getMessage());

        DeliveryException missing = assertThrows(DeliveryException.class, () -> proofs.preview(Long.MAX_VALUE, 0));
        assertEquals(DeliveryException.Kind.NOT_FOUND, missing.kind());
        DeliveryException nobody = assertThrows(DeliveryException.class, () -> proofs.preview(id, Long.MAX_VALUE));
        assertEquals(DeliveryException.Kind.NOT_FOUND, nobody.kind());
    }

    private static void log(
            PreparedStatement insert,
            long deliveryId,
            Recipient recipient,
            String type,
            String url,
            String label,
            Instant at)
            throws java.sql.SQLException {
        insert.setLong(1, deliveryId);
        insert.setLong(2, recipient.getId());
        insert.setString(3, type);
        insert.setString(4, url);
        insert.setString(5, label);
        insert.setObject(6, SqlValues.timestamp(at));
        insert.addBatch();
    }

    private OutboxMessage find(String to) {
        for (OutboxMessage m : outbox.list(0, 500)) {
            if (m.to() != null && m.to().contains(to)) {
                return m;
            }
        }
        return null;
    }
}
