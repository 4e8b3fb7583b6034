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
import io.crosscast.tracking.TrackingRecorder;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People or machines, through the REST API and the public tracking URLs: a workflow sends an offer to five
 * recipients; Apple's privacy proxy opens one message, a security gateway naming itself clicks in another,
 * a scanner checks a link with HEAD, a scanner follows every link including the hidden honeypot, and one
 * person opens and clicks. The delivery's figures tell the person from the four machines, and the Split
 * that follows counts the person alone as "clicked (people only)", while a condition written before the
 * option (every click) still counts the machines' clicks.
 */
@ExtendWith(ArquillianExtension.class)
class PeopleOrMachinesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern OFFER = Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"[^>]*>See the offer");
    private static final Pattern STORES = Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"[^>]*>Our stores");
    private static final Pattern HONEYPOT = Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\" aria-hidden=\"true\"");
    private static final Pattern PIXEL = Pattern.compile("<img[^>]+src=\"([^\"]+/t/o/[^\"]+)\"");
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private OutboxService mails;

    @EJB
    private TrackingRecorder tracking;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    private final LocalApi api = LocalApi.asMarketer();

    @Test
    void machinesHitsNeverCountAsAPersons() throws Exception {
        String token = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < 5; i++) {
            var body = Json.createObjectBuilder()
                    .add("firstName", "P" + i)
                    .add("lastName", token)
                    .add("email", "p" + i + "." + token + "@example.com");
            api.create("recipients", body.build().toString());
        }
        long offer = api.create(
                "deliveries",
                "{\"label\": \"Offer " + token + "\", \"senderAddress\": \"shop@example.com\", \"subject\":"
                        + " \"Your offer, {{firstName}}\", \"htmlBody\": \"<p>Hello {{firstName}}</p>"
                        + "<p><a href=\\\"https://shop.example.com/offer\\\" data-label=\\\"offer\\\">See the offer</a></p>"
                        + "<p><a href=\\\"https://shop.example.com/stores\\\">Our stores</a></p>\"}");
        String workflow = """
                {"name": "People %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "offer", "type": "emailDelivery", "config": {"delivery": "%2$d", "outbound": "true"}},
                  {"id": "hits", "type": "externalSignal", "config": {"name": "classified"}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.label": "Clicked (people only)",
                     "subset.1.condition": {"field": "delivery", "operator": "clicked_people_only"},
                     "subset.2.label": "Clicked (every hit, as before)",
                     "subset.2.condition": {"trackingLog": {"type": "click", "delivery": "incoming"}},
                     "subset.3.label": "Opened by a machine",
                     "subset.3.condition": {"trackingLog": {"type": "open", "delivery": "incoming",
                        "actors": "machines"}}}},
                  {"id": "end", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "offer"},
                  {"from": "offer", "output": "out", "to": "hits"},
                  {"from": "hits", "output": "signal", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "end"},
                  {"from": "split", "output": "subset2", "to": "end"},
                  {"from": "split", "output": "subset3", "to": "end"}]}
                """.formatted(token, offer);
        long runId = api.startWorkflow(workflow);

        List<MessageContent> offers = receivedWithSubject(mails, "Your offer", token, 5, PATIENCE);
        // A person is no faster than the thresholds of the send (a click 10 s after it is a scanner's).
        Thread.sleep(12_000);
        api.hit("GET", first(PIXEL, offers.get(0).html()), "Mozilla/5.0"); // Apple Mail Privacy Protection
        api.hit("GET", first(OFFER, offers.get(1).html()), "Mozilla/5.0 (compatible; Barracuda Sentinel)");
        api.hit("HEAD", first(OFFER, offers.get(2).html()), CHROME); // a scanner checking the link
        String scanned = offers.get(3).html();
        api.hit("GET", first(HONEYPOT, scanned), CHROME); // no person can follow it
        api.hit("GET", first(OFFER, scanned), CHROME);
        api.hit("GET", first(STORES, scanned), CHROME);
        api.hit("GET", first(PIXEL, offers.get(4).html()), CHROME); // the person
        api.hit("GET", first(OFFER, offers.get(4).html()), CHROME);
        tracking.flush();

        long sent = sql("SELECT MAX(id) FROM delivery WHERE label = ?", "Offer " + token);
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> actors(sent).getJsonNumber("unclassified").longValue() == 0),
                () -> "the classifier's job classifies every hit: " + actors(sent));
        JsonObject figures = actors(sent);
        assertEquals(1, figures.getJsonNumber("peopleOpened").longValue(), figures.toString());
        assertEquals(1, figures.getJsonNumber("peopleClicked").longValue(), figures.toString());
        assertEquals(4, figures.getJsonNumber("machinesOpened").longValue(), figures.toString());
        assertEquals(3, figures.getJsonNumber("machinesClicked").longValue(), figures.toString());
        Set<String> reasons = new HashSet<>();
        for (JsonValue reason : figures.getJsonArray("reasons")) {
            JsonObject r = reason.asJsonObject();
            reasons.add(r.getString("actor") + "/" + r.getString("reason") + "/" + r.getString("type"));
        }
        assertEquals(
                Set.of(
                        "PRIVACY_PROXY/APPLE_MPP_AGENT/OPEN",
                        "SCANNER/SCANNER_AGENT/CLICK",
                        "SCANNER/HEAD_REQUEST/CLICK",
                        "SCANNER/HONEYPOT/CLICK",
                        "SCANNER/NEAR_HONEYPOT/CLICK",
                        "PERSON/NO_MACHINE_SIGN/OPEN",
                        "PERSON/NO_MACHINE_SIGN/CLICK"),
                reasons);
        assertEquals(
                3,
                sql(
                        "SELECT COUNT(*) FROM tracking_log WHERE delivery_id = ? AND request_method = 'HEAD'"
                                + " OR delivery_id = ? AND actor_reason = 'NEAR_HONEYPOT'",
                        sent,
                        sent),
                "the HEAD request is logged with its method; the scanner's two other clicks are near the honeypot");
        // The old figures count every hit: 5 openers, 4 clickers.
        JsonObject stats = api.get("deliveries/" + sent + "/stats");
        assertEquals(4, stats.getJsonNumber("clicked").longValue(), stats.toString());

        // The hits are in and classified: the Split may read them (a Wait did this before, 50 s long).
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> api.call("POST", "runs/" + runId + "/signals/classified", "{}")
                                        .statusCode()
                                == 200),
                () -> "the run takes the signal: " + api.run(runId));
        JsonObject transitions = api.awaitRun(runId, "FINISHED", PATIENCE).getJsonObject("transitions");
        assertEquals(1, LocalApi.count(transitions, "split.subset1>end"), "clicked, people only: the person");
        assertEquals(
                3, LocalApi.count(transitions, "split.subset2>end"), "every click: the three machines that clicked");
        assertEquals(1, LocalApi.count(transitions, "split.subset3>end"), "opened by a machine: Apple's proxy");
    }

    private JsonObject actors(long deliveryId) {
        return api.get("deliveries/" + deliveryId + "/actors");
    }

    private long sql(String query, Object... parameters) {
        return Sql.number(dataSource, query, parameters);
    }
}
