package io.crosscast.it.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignContent;
import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignFigures;
import io.crosscast.campaign.CampaignProblem;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignStatus;
import io.crosscast.delivery.CampaignTimelinePoint;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryOverview;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.it.support.TestDocuments;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.sql.SqlValues;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * Campaigns in the server: create (owned by the caller unless named), update a draft only, every problem
 * reported, search by label and status with paging, deletion refused once started, the figures of its
 * deliveries, and its timeline summed over its deliveries.
 */
@ExtendWith(ArquillianExtension.class)
class CampaignServiceIT {

    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final LocalDate MAY_31 = LocalDate.of(2026, 5, 31);

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private CampaignService campaigns;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    private String token;

    @BeforeEach
    void token() {
        token = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private Campaign campaign(String label) {
        return campaigns.create(new CampaignContent(label + " " + token, "About " + label, MAY_1, MAY_31, "marketer"));
    }

    @Test
    void createsUpdatesAndValidates() {
        Campaign created = campaigns.create(new CampaignContent("  Spring " + token + "  ", " ", MAY_1, MAY_31, null));
        assertEquals("Spring " + token, created.getLabel());
        assertNull(created.getDescription());
        assertEquals(CampaignStatus.DRAFT, created.getStatus());
        assertTrue(created.getOwner() == null || !created.getOwner().isBlank(), "caller's name or none");

        Campaign updated =
                campaigns.update(created.getId(), new CampaignContent("Summer " + token, "Sun", MAY_1, MAY_1, "ana"));
        assertEquals("Summer " + token, updated.getLabel());
        assertEquals(MAY_1, campaigns.get(created.getId()).getEndDate());
        assertEquals("ana", campaigns.get(created.getId()).getOwner());

        CampaignException invalid = assertThrows(
                CampaignException.class,
                () -> campaigns.update(created.getId(), new CampaignContent(" ", null, MAY_31, MAY_1, null)));
        assertEquals(CampaignException.Kind.INVALID, invalid.kind());
        assertEquals(List.of(CampaignProblem.LABEL_REQUIRED, CampaignProblem.END_BEFORE_START), invalid.problems());
        assertEquals("Summer " + token, campaigns.get(created.getId()).getLabel());

        campaigns.changeStatus(created.getId(), CampaignStatus.RUNNING);
        CampaignException notDraft = assertThrows(
                CampaignException.class,
                () -> campaigns.update(
                        created.getId(), new CampaignContent("Autumn " + token, null, null, null, null)));
        assertEquals(CampaignException.Kind.CONFLICT, notDraft.kind());
        CampaignException backwards = assertThrows(
                CampaignException.class, () -> campaigns.changeStatus(created.getId(), CampaignStatus.DRAFT));
        assertEquals(List.of(CampaignProblem.STATUS_CHANGE), backwards.problems());

        CampaignException unknown = assertThrows(CampaignException.class, () -> campaigns.get(Long.MAX_VALUE));
        assertEquals(CampaignException.Kind.NOT_FOUND, unknown.kind());
    }

    @Test
    void searchesByLabelAndStatusWithPaging() {
        Campaign a = campaign("Alpha");
        Campaign b = campaign("Beta");
        Campaign c = campaign("alphabet");
        campaigns.changeStatus(c.getId(), CampaignStatus.RUNNING);

        assertEquals(3, campaigns.count(token, null));
        assertEquals(1, campaigns.count("ALPHA " + token.toLowerCase(), null), "any case");
        assertEquals(
                List.of(c.getId(), a.getId()),
                campaigns.page("alpha", null, 0, 500).stream()
                        .map(Campaign::getId)
                        .filter(id -> id.equals(a.getId()) || id.equals(c.getId()))
                        .toList());
        assertEquals(
                List.of(c.getId(), b.getId(), a.getId()),
                campaigns.page(token, null, 0, 10).stream().map(Campaign::getId).toList());
        assertEquals(
                List.of(b.getId()),
                campaigns.page(token, null, 1, 1).stream().map(Campaign::getId).toList());
        assertEquals(
                List.of(c.getId()),
                campaigns.page(token, CampaignStatus.RUNNING, 0, 10).stream()
                        .map(Campaign::getId)
                        .toList());
        assertEquals(2, campaigns.count(token, CampaignStatus.DRAFT));
        assertEquals(0, campaigns.count(token + "%", null), "a % in the search matches itself");
    }

    @Test
    void deletesOnlyDraftsAndKeepsTheirDeliveries() {
        Campaign draft = campaign("Draft");
        Delivery delivery = campaigns.createDelivery(draft.getId(), Channel.EMAIL, content("Kept"));
        campaigns.delete(draft.getId());
        assertTrue(campaigns.find(draft.getId()).isEmpty());
        assertNull(deliveries.get(delivery.getId()).getCampaignId());

        Campaign running = campaign("Running");
        campaigns.changeStatus(running.getId(), CampaignStatus.RUNNING);
        CampaignException refused = assertThrows(CampaignException.class, () -> campaigns.delete(running.getId()));
        assertEquals(List.of(CampaignProblem.NOT_DRAFT), refused.problems());
        assertTrue(campaigns.find(running.getId()).isPresent());

        campaigns.changeStatus(running.getId(), CampaignStatus.FINISHED);
        CampaignException closed = assertThrows(
                CampaignException.class,
                () -> campaigns.createDelivery(running.getId(), Channel.EMAIL, content("Late")));
        assertEquals(List.of(CampaignProblem.CLOSED), closed.problems());
    }

    @Test
    void listsItsDeliveriesNewestFirstWithTheirFigures() {
        for (String name : List.of("Ana", "Ben", "Cid")) {
            recipient(name);
        }
        Campaign campaign = campaign("Figures");
        Delivery first = campaigns.createDelivery(campaign.getId(), Channel.EMAIL, content("First"));
        Delivery other = deliveries.create(Channel.EMAIL, content("Attached"));
        campaigns.attachDelivery(campaign.getId(), other.getId());
        deliveries.sendToCondition(first.getId(), ConditionJson.fromJson(TestDocuments.lastNameIs(token)));

        List<DeliveryOverview> list = campaigns.deliveries(campaign.getId());
        assertEquals(
                List.of(other.getId(), first.getId()),
                list.stream().map(DeliveryOverview::id).toList());
        assertEquals(3, list.get(1).stats().targeted());
        assertEquals(0, list.get(0).stats().targeted());
        CampaignFigures figures = campaigns.figures(campaign.getId());
        assertEquals(2, figures.deliveries());
        assertEquals(3, figures.targeted());

        CampaignException unknownDelivery =
                assertThrows(CampaignException.class, () -> campaigns.attachDelivery(campaign.getId(), Long.MAX_VALUE));
        assertEquals(List.of(CampaignProblem.DELIVERY_NOT_FOUND), unknownDelivery.problems());
    }

    @Test
    void itsTimelineSumsSentOpenersAndClickersPerHourOverItsDeliveries() throws Exception {
        Recipient ana = recipient("Ana");
        Recipient ben = recipient("Ben");
        Recipient cid = recipient("Cid");
        Campaign campaign = campaign("Timeline");
        Delivery first = campaigns.createDelivery(campaign.getId(), Channel.EMAIL, content("First"));
        Delivery second = campaigns.createDelivery(campaign.getId(), Channel.EMAIL, content("Second"));
        Campaign otherCampaign = campaign("Elsewhere");
        Delivery elsewhere = campaigns.createDelivery(otherCampaign.getId(), Channel.EMAIL, content("Elsewhere"));
        assertEquals(List.of(), campaigns.timeline(campaign.getId()), "nothing sent yet");

        // Nothing is sent: the ledger rows and logs are written as a sending and the tracking would, at known
        // times. Hour 0: the first delivery leaves for Ana and Ben (not Cid: failed); Ana opens twice and
        // clicks. Hour 1: the second delivery leaves for Ana and Ben (Cid still pending); Ana opens the first
        // again, opens and clicks the second; Ben opens the second. Hour 2: Ben clicks the first without an
        // open. The other campaign's delivery sends and is opened in hour 0 and again in hours 3 and 4.
        Instant h0 = Instant.parse("2026-05-04T09:00:00Z");
        try (Connection connection = ((DataSource) new InitialContext().lookup(Datasources.NON_JTA)).getConnection();
                PreparedStatement ledger = connection.prepareStatement("INSERT INTO delivery_message"
                        + " (delivery_id, recipient_id, address, status, attempts, sent_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement log = connection.prepareStatement("INSERT INTO tracking_log"
                        + " (delivery_id, recipient_id, type, logged_at) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(true);
            ledger(ledger, first, ana, "SENT", at(h0, 0, 5));
            ledger(ledger, first, ben, "SENT", at(h0, 0, 20));
            ledger(ledger, first, cid, "FAILED", null);
            ledger(ledger, second, ana, "SENT", at(h0, 1, 10));
            ledger(ledger, second, ben, "SENT", at(h0, 1, 12));
            ledger(ledger, second, cid, "PENDING", null);
            ledger(ledger, elsewhere, ana, "SENT", at(h0, 0, 30));
            ledger(ledger, elsewhere, ben, "SENT", at(h0, 3, 30));
            ledger.executeBatch();
            log(log, first, ana, "OPEN", at(h0, 0, 30));
            log(log, first, ana, "OPEN", at(h0, 0, 40));
            log(log, first, ana, "CLICK", at(h0, 0, 45));
            log(log, first, ana, "OPEN", at(h0, 1, 15));
            log(log, second, ana, "OPEN", at(h0, 1, 30));
            log(log, second, ana, "CLICK", at(h0, 1, 35));
            log(log, second, ben, "OPEN", at(h0, 1, 40));
            log(log, first, ben, "CLICK", at(h0, 2, 5));
            log(log, elsewhere, ana, "OPEN", at(h0, 0, 50));
            log(log, elsewhere, cid, "CLICK", at(h0, 0, 55));
            log(log, elsewhere, ben, "OPEN", at(h0, 4, 0));
            log.executeBatch();
        }

        assertEquals(
                List.of(
                        new CampaignTimelinePoint(h0, 2, 1, 1),
                        new CampaignTimelinePoint(at(h0, 1, 0), 2, 3, 1),
                        new CampaignTimelinePoint(at(h0, 2, 0), 0, 1, 1)),
                campaigns.timeline(campaign.getId()),
                "hour 1: Ana counts once per delivery she opened; a click counts as an open; nothing of the"
                        + " other campaign");
        List<CampaignTimelinePoint> other = campaigns.timeline(otherCampaign.getId());
        assertEquals(5, other.size(), other.toString());
        assertEquals(new CampaignTimelinePoint(h0, 1, 2, 1), other.get(0));
        assertEquals(new CampaignTimelinePoint(at(h0, 3, 0), 1, 0, 0), other.get(3));
        assertEquals(new CampaignTimelinePoint(at(h0, 4, 0), 0, 1, 0), other.get(4));

        CampaignException unknown = assertThrows(CampaignException.class, () -> campaigns.timeline(Long.MAX_VALUE));
        assertEquals(CampaignException.Kind.NOT_FOUND, unknown.kind());
    }

    private Recipient recipient(String firstName) {
        return SandboxMessages.createRecipient(recipients, token, firstName);
    }

    private static Instant at(Instant hour0, int hours, int minutes) {
        return hour0.plusSeconds(hours * 3600L + minutes * 60L);
    }

    private static void ledger(
            PreparedStatement insert, Delivery delivery, Recipient recipient, String status, Instant sentAt)
            throws SQLException {
        insert.setLong(1, delivery.getId());
        insert.setLong(2, recipient.getId());
        insert.setString(3, recipient.getEmail());
        insert.setString(4, status);
        insert.setInt(5, "PENDING".equals(status) ? 0 : 1);
        insert.setObject(6, SqlValues.timestamp(sentAt));
        insert.setObject(7, SqlValues.timestamp(sentAt == null ? Instant.now() : sentAt));
        insert.addBatch();
    }

    private static void log(PreparedStatement insert, Delivery delivery, Recipient recipient, String type, Instant at)
            throws SQLException {
        insert.setLong(1, delivery.getId());
        insert.setLong(2, recipient.getId());
        insert.setString(3, type);
        insert.setObject(4, SqlValues.timestamp(at));
        insert.addBatch();
    }

    private DeliveryContent content(String label) {
        return new DeliveryContent(
                label + " " + token,
                "Crosscast Shop",
                "shop@example.com",
                null,
                "Hello {{firstName}}",
                "<html><body><p>Hello {{firstName}}</p></body></html>",
                "Hello {{firstName}}");
    }
}
