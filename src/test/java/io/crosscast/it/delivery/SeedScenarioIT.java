package io.crosscast.it.delivery;

import static io.crosscast.it.support.SandboxMessages.first;
import static io.crosscast.it.support.SandboxMessages.receivedWithSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.LocalApi;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.sandbox.SmsOutboxService;
import io.crosscast.tracking.TrackingRecorder;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed scenario end to end, built and run through the REST API: Query (Gold, with email and mobile) ->
 * Email delivery (the offer) -> Wait -> Split (neither opened nor clicked / did not click / clicked the offer)
 * -> Email reminder / SMS / List update -> End. Opens and clicks are real hits on the tracking URLs of the
 * received messages; every count is checked against SQL written by hand on the ledger and the logs.
 */
@ExtendWith(ArquillianExtension.class)
class SeedScenarioIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern OFFER = Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"[^>]*>See the offer");
    private static final Pattern PIXEL = Pattern.compile("<img[^>]+src=\"([^\"]+/t/o/[^\"]+)\"");

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private OutboxService mails;

    @EJB
    private SmsOutboxService texts;

    @EJB
    private TrackingRecorder tracking;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    private final LocalApi api = LocalApi.asMarketer();

    @Test
    void theSeedWorkflowRunsEndToEnd() throws Exception {
        String token = "Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String phones = "+3367" + (100 + ThreadLocalRandom.current().nextInt(899));
        for (int i = 0; i < 10; i++) {
            // 8 Gold with both channels, then a Gold without a mobile phone and a Silver: not targeted.
            String status = i == 9 ? "SILVER" : "GOLD";
            var body = Json.createObjectBuilder()
                    .add("firstName", "G" + i)
                    .add("lastName", token)
                    .add("email", "g" + i + "." + token + "@example.com")
                    .add("status", status);
            if (i != 8) {
                body.add("mobilePhone", phones + String.format("%04d", 1001 + i));
            }
            api.create("recipients", body.build().toString());
        }
        long offer = api.create(
                "deliveries",
                delivery(
                        "Offer " + token,
                        "Your Gold offer, {{firstName}}",
                        "<p>Hello {{firstName}}</p><p><a href=\\\"https://shop.example.com/offer\\\" data-label=\\\"offer\\\">See the offer</a></p>"
                                + "<p><a href=\\\"https://shop.example.com/stores\\\">Our stores</a></p>"));
        long reminder = api.create(
                "deliveries",
                delivery(
                        "Reminder " + token,
                        "Don't miss your offer, {{firstName}}",
                        "<p>{{firstName}}, your offer ends soon: <a href=\\\"https://shop.example.com/offer\\\">see it</a></p>"));
        long sms = api.create(
                "deliveries",
                "{\"label\": \"SMS " + token + "\", \"channel\": \"SMS\","
                        + " \"senderName\": \"Crosscast\", \"textBody\": \"{{firstName}}, votre offre Gold vous attend !\"}");

        String until = Instant.now().plusSeconds(35).toString();
        String workflow = """
                {"name": "Seed %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition": {"logic": "and", "children": [
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]},
                     {"field": "status", "operator": "equals", "values": ["GOLD"]},
                     {"field": "email", "operator": "is_not_empty", "values": []},
                     {"field": "mobilePhone", "operator": "is_not_empty", "values": []}]}}},
                  {"id": "offer", "type": "emailDelivery", "config": {"delivery": "%2$d", "outbound": "true"}},
                  {"id": "wait", "type": "wait", "config": {"until": "%5$s"}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.label": "Neither opened nor clicked",
                     "subset.1.condition": {"field": "delivery", "operator": "neither_opened_nor_clicked"},
                     "subset.2.label": "Did not click",
                     "subset.2.condition": {"field": "delivery", "operator": "did_not_click"},
                     "subset.3.label": "Clicked the offer",
                     "subset.3.condition": {"trackingLog": {"type": "click", "label": "offer", "delivery": "incoming"}}}},
                  {"id": "reminder", "type": "emailDelivery", "config": {"delivery": "%3$d"}},
                  {"id": "sms", "type": "smsDelivery", "config": {"delivery": "%4$d"}},
                  {"id": "list", "type": "listUpdate", "config": {"list": "Offer clickers %1$s", "outbound": "true"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "offer"},
                  {"from": "offer", "output": "out", "to": "wait"}, {"from": "wait", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "reminder"},
                  {"from": "split", "output": "subset2", "to": "sms"},
                  {"from": "split", "output": "subset3", "to": "list"},
                  {"from": "list", "output": "out", "to": "end"}]}
                """.formatted(token, offer, reminder, sms, until);
        long runId = api.startWorkflow(workflow);

        // The offer goes to the 8 targeted: 2 open it, 3 click the offer (one with images blocked: no open
        // logged), 1 clicks another link only, 2 do nothing.
        List<MessageContent> offers = receivedWithSubject(mails, "Your Gold offer", token, 8, PATIENCE);
        for (int i = 0; i < 8; i++) {
            String html = offers.get(i).html();
            if (i < 2 || i == 3 || i == 4) {
                api.hit(first(PIXEL, html));
            }
            if (i >= 3 && i <= 5) {
                api.hit(first(OFFER, html));
            }
            if (i == 6) {
                api.hit(first(Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"[^>]*>Our stores"), html));
            }
        }
        tracking.flush();

        JsonObject transitions = api.awaitRun(runId, "FINISHED", PATIENCE).getJsonObject("transitions");
        long targeted = sql(
                "SELECT COUNT(*) FROM recipient WHERE last_name = ? AND status = 'GOLD'"
                        + " AND email IS NOT NULL AND mobile_phone IS NOT NULL",
                token);
        assertEquals(8, targeted);
        assertEquals(targeted, LocalApi.count(transitions, "query.out>offer"));
        long neither = sql(
                "SELECT COUNT(*) FROM delivery_message m WHERE m.delivery_id = ? AND m.status = 'SENT'"
                        + " AND NOT EXISTS (SELECT 1 FROM tracking_log t WHERE t.delivery_id = m.delivery_id"
                        + " AND t.recipient_id = m.recipient_id)",
                offerSent(token));
        long clickedOffer = sql(
                "SELECT COUNT(DISTINCT recipient_id) FROM tracking_log WHERE delivery_id = ?"
                        + " AND type = 'CLICK' AND label = 'offer'",
                offerSent(token));
        assertEquals(2, neither, "the two who did nothing");
        assertEquals(neither, LocalApi.count(transitions, "split.subset1>reminder"));
        // Opened without clicking: the two openers. The one who clicked another link is in no subset.
        assertEquals(2, LocalApi.count(transitions, "split.subset2>sms"));
        assertEquals(clickedOffer, LocalApi.count(transitions, "split.subset3>list"));
        assertEquals(3, clickedOffer);

        assertEquals(
                2,
                receivedWithSubject(mails, "Don't miss your offer", token, 2, PATIENCE)
                        .size(),
                "the reminder went to the neither");
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> texts.list(0, 10_000).stream()
                                        .filter(m -> m.to() != null && m.to().startsWith(phones))
                                        .count()
                                == 2),
                "2 SMS");
        assertEquals(
                3,
                sql(
                        "SELECT COUNT(*) FROM list_member m JOIN recipient_list l ON l.id = m.list_id"
                                + " WHERE l.name = ?",
                        "Offer clickers " + token));
    }

    private long offerSent(String token) {
        return sql("SELECT MAX(id) FROM delivery WHERE label = ?", "Offer " + token);
    }

    private static String delivery(String label, String subject, String html) {
        return "{\"label\": \"" + label + "\", \"senderAddress\": \"shop@example.com\", \"subject\": \""
                + subject.replace("'", "\\u0027") + "\", \"htmlBody\": \"" + html + "\"}";
    }

    private long sql(String query, Object parameter) {
        return Sql.number(dataSource, query, parameter);
    }
}
