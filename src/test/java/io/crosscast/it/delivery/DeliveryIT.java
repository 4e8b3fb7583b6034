package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LedgerEntry;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.it.support.TestDocuments;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingRecorder;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An email delivery for real: the ledger filled from a condition with its exclusions, every message
 * received by the sandbox SMTP server checked (headers, personalisation, rewritten links), then the
 * tracking URLs of the messages hit over HTTP: opens, clicks, a tampered token, an unsubscription; behaviour
 * filters and tracking-log conditions then select exactly the right recipients.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern IMG = Pattern.compile("<img[^>]+src=\"([^\"]+/t/o/[^\"]+)\"");

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    @EJB
    private OutboxService outbox;

    @EJB
    private TrackingRecorder tracking;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String token;
    private Map<String, Recipient> people;

    @BeforeEach
    void recipients() {
        token = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        people = new java.util.HashMap<>();
        people.put("Ana", recipient("Ana", "ana." + token + "@example.com", false));
        people.put("Ben", recipient("Ben", "ben." + token + "@example.com", false));
        people.put("Cid", recipient("Cid", null, false));
        people.put("Dee", recipient("Dee", "dee." + token + "@example.com", true));
    }

    private Recipient recipient(String firstName, String email, boolean optedOut) {
        RecipientForm form = new RecipientForm();
        form.setFirstName(firstName);
        form.setLastName(token);
        form.setEmail(email);
        form.setEmailOptOut(optedOut);
        return recipients.create(form);
    }

    private Delivery offer() {
        return deliveries.create(
                Channel.EMAIL,
                new DeliveryContent(
                        "Offer " + token,
                        "Crosscast Shop",
                        "shop@example.com",
                        "help@example.com",
                        "Hello {{firstName}}, été offer",
                        "<html><body><p>Dear {{firstName}} &amp; co,</p>"
                                + "<p><a href=\"https://shop.example.com/offer?x=1&amp;y=2\" data-label=\"offer\">See the offer</a>"
                                + " or <a href=\"https://shop.example.com/\">the shop</a> or <a href=\"#top\">top</a>.</p>"
                                + "</body></html>",
                        "Dear {{firstName}}, see https://shop.example.com/offer"));
    }

    private String lastNameIsToken() {
        return TestDocuments.lastNameIs(token);
    }

    @Test
    void sendsPersonalisedTrackedMessagesThenRecordsOpensClicksAndAnUnsubscription() throws Exception {
        Delivery delivery = offer();
        long id = delivery.getId();
        DeliveryStats started = deliveries.sendToCondition(id, ConditionJson.fromJson(lastNameIsToken()));
        assertEquals(4, started.targeted());
        assertEquals(2, started.excluded(), "no address, opted out");

        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(id).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");
        DeliveryStats sent = deliveries.stats(id);
        assertEquals(2, sent.sent());
        assertEquals(0, sent.pending());
        assertEquals(0, sent.failed());

        Map<String, LedgerEntry> ledger = deliveries.ledger(id, null, 0, 10).stream()
                .collect(Collectors.toMap(LedgerEntry::firstName, Function.identity()));
        assertEquals(MessageStatus.EXCLUDED, ledger.get("Cid").status());
        assertEquals("NO_ADDRESS", ledger.get("Cid").reason());
        assertEquals(MessageStatus.EXCLUDED, ledger.get("Dee").status());
        assertEquals("OPTED_OUT", ledger.get("Dee").reason());
        assertEquals(MessageStatus.SENT, ledger.get("Ana").status());
        assertNotNull(ledger.get("Ana").sentAt());

        MessageContent ana = SandboxMessages.received(outbox, "ana." + token + "@example.com");
        MessageContent ben = SandboxMessages.received(outbox, "ben." + token + "@example.com");
        assertEquals("Hello Ana, été offer", ana.message().subject());
        assertTrue(
                ana.header("From").contains("Crosscast Shop")
                        && ana.header("From").contains("shop@example.com"),
                ana.header("From"));
        assertTrue(ana.header("Reply-To").contains("help@example.com"));
        assertEquals(ledger.get("Ana").messageId(), ana.header("Message-ID").strip());
        assertTrue(ana.header("List-Unsubscribe").contains("/t/u/"), ana.header("List-Unsubscribe"));
        // One-click (RFC 8058) is announced only for an https unsubscribe URL; the test server is http.
        assertEquals(null, ana.header("List-Unsubscribe-Post"));
        assertTrue(ana.html().contains("Dear Ana &amp; co"), ana.html());
        assertTrue(ana.text().contains("Dear Ana"), ana.text());

        List<String> links = SandboxMessages.links(ana.html());
        assertFalse(ana.html().contains("https://shop.example.com"), "every http link is rewritten: " + ana.html());
        assertTrue(links.contains("#top"), "anchors stay");
        List<String> tracked = links.stream().filter(l -> l.contains("/t/c/")).toList();
        assertEquals(2, tracked.size(), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.contains("/t/u/")), "an unsubscribe link is added");
        assertTrue(IMG.matcher(ana.html()).find(), "an open pixel is added");
        assertFalse(ana.html().contains("data-label"));

        // Ana clicks the offer (no open logged: images blocked), Ben only opens.
        HttpResponse<String> click = get(tracked.get(0));
        assertEquals(302, click.statusCode());
        assertEquals(
                "https://shop.example.com/offer?x=1&y=2",
                click.headers().firstValue("Location").orElseThrow());
        assertTrue(click.headers().firstValue("Cache-Control").orElse("").contains("no-store"));

        Matcher pixel = IMG.matcher(ben.html());
        assertTrue(pixel.find());
        HttpResponse<String> open = get(pixel.group(1).replace("&amp;", "&"));
        assertEquals(200, open.statusCode());
        assertEquals("image/gif", open.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(open.headers().firstValue("Cache-Control").orElse("").contains("no-store"));

        // Tampered: one character of the token changed; made up; empty.
        String good = tracked.get(0);
        int last = good.length() - 3;
        String tampered = good.substring(0, last) + (good.charAt(last) == 'A' ? 'B' : 'A') + good.substring(last + 1);
        HttpResponse<String> refused = get(tampered);
        assertEquals(404, refused.statusCode());
        assertTrue(refused.headers().firstValue("Location").isEmpty(), "never a redirect");
        assertEquals(
                404,
                get(good.substring(0, good.indexOf("/t/c/") + 5) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                        .statusCode());

        tracking.flush();
        DeliveryStats tracked2 = deliveries.stats(id);
        assertEquals(2, tracked2.opened(), "a click counts as an open");
        assertEquals(1, tracked2.clicked());

        // Behaviour filters on this delivery, among the four recipients: exactly who did what.
        assertEquals(List.of("Ana", "Ben"), who(id, "sent"));
        assertEquals(List.of(), who(id, "failed"));
        assertEquals(List.of("Ana", "Ben"), who(id, "opened"));
        assertEquals(List.of("Ana"), who(id, "clicked"));
        assertEquals(List.of("Ana", "Ben"), who(id, "opened_or_clicked"));
        assertEquals(List.of(), who(id, "neither_opened_nor_clicked"));
        assertEquals(List.of("Ben"), who(id, "did_not_click"));
        assertEquals(
                List.of("Ana"),
                names("{\"trackingLog\": {\"type\": \"click\", \"label\": \"offer\", \"delivery\": " + id + "}}"));
        assertEquals(
                List.of("Ben", "Cid", "Dee"),
                names("{\"trackingLog\": {\"type\": \"click\", \"delivery\": " + id + ", \"none\": true}}"));

        // Ben unsubscribes: the page asks first, then a one-click POST (RFC 8058) opts him out.
        String unsubscribe = ben.header("List-Unsubscribe").replaceAll("^\\s*<|>\\s*$", "");
        HttpResponse<String> page = get(unsubscribe);
        assertEquals(200, page.statusCode());
        assertTrue(
                page.body().contains("ben." + token + "@example.com")
                        && page.body().contains("<form"),
                page.body());
        assertFalse(recipients.find(people.get("Ben").getId()).orElseThrow().isEmailOptOut(), "a GET changes nothing");
        HttpResponse<String> done = http.send(
                HttpRequest.newBuilder(URI.create(unsubscribe))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode());
        assertTrue(recipients.find(people.get("Ben").getId()).orElseThrow().isEmailOptOut());
        assertEquals(1, deliveries.stats(id).unsubscribed());
    }

    @Test
    void aSentDeliveryCannotChangeAndBadContentIsRefusedWithEveryProblem() {
        DeliveryException invalid = org.junit.jupiter.api.Assertions.assertThrows(
                DeliveryException.class,
                () -> deliveries.create(
                        Channel.EMAIL,
                        new DeliveryContent(
                                " ", null, "not-an-address", null, "Hi {{nickname}}", "<p>{{firstName}}</p>", null)));
        assertEquals(DeliveryException.Kind.INVALID, invalid.kind());
        String all = String.join("\n", invalid.problems());
        assertTrue(all.contains("label") || all.contains("Label"), all);
        assertTrue(all.contains("not-an-address"), all);
        assertTrue(all.contains("nickname"), all);

        Delivery delivery = offer();
        deliveries.sendToCondition(delivery.getId(), ConditionJson.fromJson(lastNameIsToken()));
        DeliveryException conflict = org.junit.jupiter.api.Assertions.assertThrows(
                DeliveryException.class, () -> deliveries.update(delivery.getId(), delivery.content()));
        assertEquals(DeliveryException.Kind.CONFLICT, conflict.kind());
    }

    /** First names of the test's recipients who match a behaviour rule on the delivery. */
    private List<String> who(long deliveryId, String operator) {
        return names(
                "{\"field\": \"delivery\", \"operator\": \"" + operator + "\", \"values\": [\"" + deliveryId + "\"]}");
    }

    private List<String> names(String conditionJson) {
        String both = "{\"logic\": \"and\", \"children\": [" + lastNameIsToken() + ", " + conditionJson + "]}";
        return recipients.page(ConditionJson.fromJson(both), "firstName", true, 0, 10).stream()
                .map(Recipient::getFirstName)
                .toList();
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
