package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.Sql;
import io.crosscast.platform.Datasources;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingRecorder;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
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
        return Deployments.crosscast(PeopleOrMachinesIT.class);
    }

    @EJB
    private OutboxService mails;

    @EJB
    private TrackingRecorder tracking;

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String api = "http://localhost:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0))
            + "/crosscast/api/";

    @Test
    void machinesHitsNeverCountAsAPersons() throws Exception {
        String token = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (int i = 0; i < 5; i++) {
            var body = Json.createObjectBuilder()
                    .add("firstName", "P" + i)
                    .add("lastName", token)
                    .add("email", "p" + i + "." + token + "@example.com");
            assertEquals(
                    201, call("POST", "recipients", body.build().toString()).statusCode());
        }
        long offer = id(call(
                "POST",
                "deliveries",
                "{\"label\": \"Offer " + token + "\", \"senderAddress\": \"shop@example.com\", \"subject\":"
                        + " \"Your offer, {{firstName}}\", \"htmlBody\": \"<p>Hello {{firstName}}</p>"
                        + "<p><a href=\\\"https://shop.example.com/offer\\\" data-label=\\\"offer\\\">See the offer</a></p>"
                        + "<p><a href=\\\"https://shop.example.com/stores\\\">Our stores</a></p>\"}"));
        String until = Instant.now().plusSeconds(50).toString();
        String workflow = """
                {"name": "People %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "offer", "type": "emailDelivery", "config": {"delivery": "%2$d", "outbound": "true"}},
                  {"id": "wait", "type": "wait", "config": {"until": "%3$s"}},
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
                  {"from": "offer", "output": "out", "to": "wait"}, {"from": "wait", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "end"},
                  {"from": "split", "output": "subset2", "to": "end"},
                  {"from": "split", "output": "subset3", "to": "end"}]}
                """.formatted(token, offer, until);
        HttpResponse<String> created = call("POST", "workflows", workflow);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> started = call("POST", "workflows/" + id(created) + "/runs", "{}");
        assertEquals(201, started.statusCode(), started.body());
        long runId = json(started.body()).getJsonNumber("runId").longValue();

        List<MessageContent> offers = received("Your offer", token, 5);
        // A person is no faster than the thresholds of the send (a click 10 s after it is a scanner's).
        Thread.sleep(12_000);
        hit("GET", first(PIXEL, offers.get(0).html()), "Mozilla/5.0"); // Apple Mail Privacy Protection
        hit("GET", first(OFFER, offers.get(1).html()), "Mozilla/5.0 (compatible; Barracuda Sentinel)");
        hit("HEAD", first(OFFER, offers.get(2).html()), CHROME); // a scanner checking the link
        String scanned = offers.get(3).html();
        hit("GET", first(HONEYPOT, scanned), CHROME); // no person can follow it
        hit("GET", first(OFFER, scanned), CHROME);
        hit("GET", first(STORES, scanned), CHROME);
        hit("GET", first(PIXEL, offers.get(4).html()), CHROME); // the person
        hit("GET", first(OFFER, offers.get(4).html()), CHROME);
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
        JsonObject stats =
                json(call("GET", "deliveries/" + sent + "/stats", null).body());
        assertEquals(4, stats.getJsonNumber("clicked").longValue(), stats.toString());

        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> "FINISHED".equals(json(run(runId)).getString("status"))),
                () -> "finished: " + run(runId));
        JsonObject transitions = json(run(runId)).getJsonObject("transitions");
        assertEquals(1, count(transitions, "split.subset1>end"), "clicked, people only: the person");
        assertEquals(3, count(transitions, "split.subset2>end"), "every click: the three machines that clicked");
        assertEquals(1, count(transitions, "split.subset3>end"), "opened by a machine: Apple's proxy");
    }

    private JsonObject actors(long deliveryId) {
        try {
            HttpResponse<String> response = call("GET", "deliveries/" + deliveryId + "/actors", null);
            assertEquals(200, response.statusCode(), response.body());
            return json(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MessageContent> received(String subject, String token, int count) {
        assertTrue(
                Polling.eventually(PATIENCE, () -> matching(subject, token).size() >= count),
                () -> count + " messages '" + subject + "'");
        return matching(subject, token).stream()
                .map(m -> mails.read(m.id()).orElseThrow())
                .sorted(java.util.Comparator.comparing(c -> c.message().to()))
                .toList();
    }

    private List<OutboxMessage> matching(String subject, String token) {
        return mails.list(0, 10_000).stream()
                .filter(m -> m.to() != null
                        && m.to().contains(token)
                        && m.subject() != null
                        && m.subject().startsWith(subject))
                .toList();
    }

    private static String first(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertTrue(m.find(), pattern + " in " + html);
        return m.group(1).replace("&amp;", "&");
    }

    private void hit(String method, String url, String userAgent) throws IOException, InterruptedException {
        int status = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("User-Agent", userAgent)
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertTrue(status == 200 || status == 302, method + " " + url + " -> " + status);
    }

    private String run(long runId) {
        try {
            return call("GET", "runs/" + runId, null).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("marketer:marketer".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static long id(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body()).getJsonNumber("id").longValue();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static long count(JsonObject transitions, String id) {
        JsonObject t = transitions.getJsonObject(id);
        return t == null || t.isNull("count") ? -1 : t.getJsonNumber("count").longValue();
    }

    private long sql(String query, Object... parameters) {
        return Sql.number(dataSource, query, parameters);
    }
}
