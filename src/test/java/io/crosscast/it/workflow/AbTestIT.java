package io.crosscast.it.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.LocalApi;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.sandbox.MessageContent;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.tracking.TrackingRecorder;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random samples and the A/B test with a winner, through the REST API and the sandbox: a Query limited to the
 * first N by a field or to a random N %, and an A/B test of two subjects whose winner, chosen by people's clicks
 * on the offer link, goes to the rest.
 */
@ExtendWith(ArquillianExtension.class)
class AbTestIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern OFFER = Pattern.compile("href=\"([^\"]+/t/c/[^\"]+)\"[^>]*>See the offer");
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

    @EJB
    private WorkflowService workflows;

    private final LocalApi local = LocalApi.asMarketer();

    @Test
    void queryLimitsKeepTheFirstByAFieldOrARandomShareWithItsSeedInTheLog() throws Exception {
        String token = newToken();
        recipients(token, 10);
        String byLastName = "{\"field\": \"lastName\", \"operator\": \"equals\", \"values\": [\"" + token + "\"]}";
        String workflow = """
                {"name": "Samples %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "fork", "type": "fork"},
                  {"id": "newest", "type": "query", "config": {"condition": %2$s, "limit": "3",
                     "limitOrder": "firstName desc"}},
                  {"id": "share", "type": "query", "config": {"condition": %2$s, "limit": "40%%"}},
                  {"id": "end1", "type": "end"}, {"id": "end2", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "fork"},
                  {"from": "fork", "output": "out1", "to": "newest"}, {"from": "fork", "output": "out2", "to": "share"},
                  {"from": "newest", "to": "end1"}, {"from": "share", "to": "end2"}]}
                """.formatted(token, byLastName);
        long runId = start(workflow);
        assertTrue(Polling.eventually(PATIENCE, () -> "FINISHED".equals(status(runId))), () -> run(runId));
        JsonObject run = json(run(runId));
        assertEquals(3, count(run, "newest.out>end1"));
        assertEquals(4, count(run, "share.out>end2"));
        // first names G0..G9: the last three in descending order
        assertEquals(List.of("G7", "G8", "G9"), firstNames(runId, "newest.out>end1"));
        String log = logLines(run);
        assertTrue(log.contains("4 of 10 recipient(s) kept at random (seed "), log);
        assertTrue(log.contains("the first 3 of 10 recipient(s) kept by firstName desc"), log);
    }

    @Test
    void anAbTestSendsTheVariantsToExclusiveSamplesAndTheWinnerByPeoplesClicksToTheRest() throws Exception {
        String token = newToken();
        recipients(token, 20);
        long subjectA = delivery("A " + token, "Variant A for {{firstName}}");
        long subjectB = delivery("B " + token, "Variant B for {{firstName}}");
        String workflow = """
                {"name": "AB %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "ab", "type": "abTest", "config": {"deliveries": "%2$d,%3$d", "samplePercent": "20",
                     "wait": "PT25S", "winner": "linkClicks", "link": "https://shop.example.com/offer"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "ab"},
                  {"from": "ab", "output": "variant1", "to": "end"},
                  {"from": "ab", "output": "variant2", "to": "end"},
                  {"from": "ab", "output": "rest", "to": "end"}]}
                """.formatted(token, subjectA, subjectB);
        long runId = start(workflow);

        // 20% of 20 = 4 recipients per variant, exclusive
        List<MessageContent> a = received("Variant A", token, 4);
        List<MessageContent> b = received("Variant B", token, 4);
        assertEquals(
                0,
                a.stream()
                        .map(m -> m.message().to())
                        .filter(to -> b.stream().anyMatch(o -> o.message().to().equals(to)))
                        .count());
        // A person is no faster than the classifier's thresholds (a click 10 s after the send is a scanner's).
        Thread.sleep(12_000);
        // Variant A: one person clicks, and a security gateway checks the link in two more messages: 3 clicks
        // in all, 1 by a person. Variant B: two people click. People only, B wins (counting everything, A would).
        hit(first(OFFER, a.get(0).html()), CHROME);
        hit(first(OFFER, a.get(1).html()), "Mozilla/5.0 (compatible; Barracuda Sentinel)");
        hit(first(OFFER, a.get(2).html()), "Mozilla/5.0 (compatible; Barracuda Sentinel)");
        hit(first(OFFER, b.get(0).html()), CHROME);
        hit(first(OFFER, b.get(1).html()), CHROME);
        tracking.flush();

        assertTrue(Polling.eventually(PATIENCE, () -> "FINISHED".equals(status(runId))), () -> run(runId));
        JsonObject run = json(run(runId));
        assertEquals(4, count(run, "ab.variant1>end"));
        assertEquals(4, count(run, "ab.variant2>end"));
        assertEquals(12, count(run, "ab.rest>end"));
        // the winner, B, went to the 12 others: 16 messages of B, still 4 of A, nobody got two
        List<MessageContent> allB = received("Variant B", token, 16);
        assertEquals(16, allB.size());
        assertEquals(4, SandboxMessages.withSubject(mails, "Variant A", token).size());
        assertEquals(
                20,
                java.util.stream.Stream.concat(a.stream(), allB.stream())
                        .map(m -> m.message().to())
                        .collect(Collectors.toSet())
                        .size());
        String log = logLines(run);
        assertTrue(log.contains("A/B test: variant 2 (delivery "), log);
        assertTrue(log.contains("wins by clicks on https://shop.example.com/offer (people only)"), log);
        assertTrue(log.contains("variant 1 (delivery "), log);
        assertTrue(log.contains("): 1; variant 2 (delivery "), log);
        assertTrue(log.contains("sent to the rest: 12 recipient(s)"), log);
        // what the report of each delivery the test sent shows: the test's lines, in order
        assertEquals(
                List.of(
                        "abTest.log.samples",
                        "abTest.log.variant",
                        "abTest.log.variant",
                        "abTest.log.waiting",
                        "abTest.log.winner",
                        "abTest.log.rest"),
                workflows.activityLog(runId, "ab", "abTest.log.").stream()
                        .map(t -> t.key())
                        .toList());
    }

    @Test
    void onConfirmationNothingGoesToTheRestUntilAMarketerConfirmsAndTheirVariantGoes() throws Exception {
        String token = newToken();
        recipients(token, 10);
        long subjectA = delivery("A " + token, "Confirm A for {{firstName}}");
        long subjectB = delivery("B " + token, "Confirm B for {{firstName}}");
        String workflow = """
                {"name": "AB confirm %1$s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "query", "type": "query", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "ab", "type": "abTest", "config": {"deliveries": "%2$d,%3$d", "samplePercent": "20",
                     "wait": "PT15S", "winner": "clicks", "winnerSending": "confirmation"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "ab"},
                  {"from": "ab", "output": "variant1", "to": "end"},
                  {"from": "ab", "output": "variant2", "to": "end"},
                  {"from": "ab", "output": "rest", "to": "end"}]}
                """.formatted(token, subjectA, subjectB);
        long runId = start(workflow);
        assertTrue(Polling.eventually(PATIENCE, () -> "WAITING".equals(phase(runId, "ab"))), () -> run(runId));
        // during the test: nothing to confirm yet; a variant the test does not have, or an unknown test, never
        assertEquals(409, confirm(runId, "ab", 1).statusCode());
        HttpResponse<String> noSuchVariant = confirm(runId, "ab", 3);
        assertEquals(400, noSuchVariant.statusCode(), noSuchVariant.body());
        assertTrue(noSuchVariant.body().contains("variants 1 to 2, not 3"), noSuchVariant.body());
        assertEquals(
                400,
                call("POST", "runs/" + runId + "/abtests/ab/winner", "{\"variant\": \"two\"}")
                        .statusCode());
        assertEquals(404, confirm(runId, "query", 1).statusCode());

        // the test ends: nobody clicked, the rule proposes variant 1 (a tie goes to the first) and waits
        List<MessageContent> a = received("Confirm A", token, 2);
        received("Confirm B", token, 2);
        assertTrue(
                Polling.eventually(PATIENCE, () -> run(runId).contains("the rule proposes variant 1")),
                () -> run(runId));
        JsonObject waiting = json(run(runId));
        assertEquals("STARTED", waiting.getString("status"));
        assertEquals("WAITING", phase(runId, "ab"));
        JsonObject rest = waiting.getJsonObject("transitions").getJsonObject("ab.rest>end");
        assertTrue(rest == null || !rest.getBoolean("fired"), "the rest waits: " + run(runId));
        assertEquals(2, SandboxMessages.withSubject(mails, "Confirm A", token).size(), "nothing went to the rest");
        assertEquals(2, SandboxMessages.withSubject(mails, "Confirm B", token).size(), "nothing went to the rest");

        // the marketer picks variant 2 instead
        HttpResponse<String> confirmed = confirm(runId, "ab", 2);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        JsonObject c = json(confirmed.body());
        assertEquals(2, c.getInt("variant"));
        assertEquals(1, c.getInt("proposed"));
        assertTrue(c.getBoolean("overridden"));
        assertEquals("marketer", c.getString("confirmedBy"));
        HttpResponse<String> twice = confirm(runId, "ab", 1);
        assertEquals(409, twice.statusCode(), twice.body());

        assertTrue(Polling.eventually(PATIENCE, () -> "FINISHED".equals(status(runId))), () -> run(runId));
        JsonObject run = json(run(runId));
        assertEquals(2, count(run, "ab.variant1>end"));
        assertEquals(2, count(run, "ab.variant2>end"));
        assertEquals(6, count(run, "ab.rest>end"));
        assertEquals(8, received("Confirm B", token, 8).size(), "variant 2 went to the 6 others");
        assertEquals(
                a.size(), SandboxMessages.withSubject(mails, "Confirm A", token).size());
        String log = logLines(run);
        assertTrue(log.contains("A/B test: variant 2 chosen by marketer, overriding the rule's variant 1"), log);
        assertTrue(log.contains("sent to the rest: 6 recipient(s)"), log);
        assertEquals(409, confirm(runId, "ab", 2).statusCode(), "the run has ended");
    }

    private HttpResponse<String> confirm(long runId, String activity, int variant)
            throws IOException, InterruptedException {
        return call("POST", "runs/" + runId + "/abtests/" + activity + "/winner", "{\"variant\": " + variant + "}");
    }

    private String phase(long runId, String activity) {
        JsonObject a = json(run(runId)).getJsonObject("activities").getJsonObject(activity);
        return a == null ? null : a.getString("phase");
    }

    private String newToken() {
        return "Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private void recipients(String token, int n) throws IOException, InterruptedException {
        for (int i = 0; i < n; i++) {
            var body = Json.createObjectBuilder()
                    .add("firstName", "G" + i)
                    .add("lastName", token)
                    .add("email", "g" + i + "." + token + "@example.com");
            HttpResponse<String> created =
                    call("POST", "recipients", body.build().toString());
            assertEquals(201, created.statusCode(), created.body());
        }
    }

    private long delivery(String label, String subject) throws IOException, InterruptedException {
        String html = "<p>Hello {{firstName}}</p><p><a href=\\\"https://shop.example.com/offer\\\""
                + " data-label=\\\"offer\\\">See the offer</a></p>";
        return id(call(
                "POST",
                "deliveries",
                "{\"label\": \"" + label + "\", \"senderAddress\": \"shop@example.com\", \"subject\": \"" + subject
                        + "\", \"htmlBody\": \"" + html + "\"}"));
    }

    private long start(String workflow) throws IOException, InterruptedException {
        HttpResponse<String> created = call("POST", "workflows", workflow);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> started = call("POST", "workflows/" + id(created) + "/runs", "{}");
        assertEquals(201, started.statusCode(), started.body());
        return json(started.body()).getJsonNumber("runId").longValue();
    }

    /** The first names of the recipients a transition carried, sorted. */
    private List<String> firstNames(long runId, String transition) throws IOException, InterruptedException {
        HttpResponse<String> page =
                call("GET", "runs/" + runId + "/transitions/" + transition.replace(">", "%3E") + "/population", null);
        assertEquals(200, page.statusCode(), page.body());
        return json(page.body()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("firstName"))
                .sorted()
                .toList();
    }

    private List<MessageContent> received(String subject, String token, int count) {
        return SandboxMessages.receivedWithSubject(mails, subject, token, count, PATIENCE);
    }

    private static String first(Pattern pattern, String html) {
        return SandboxMessages.first(pattern, html);
    }

    private void hit(String url, String userAgent) {
        local.hit("GET", url, userAgent);
    }

    private String status(long runId) {
        return json(run(runId)).getString("status");
    }

    private String run(long runId) {
        try {
            return call("GET", "runs/" + runId, null).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String logLines(JsonObject run) {
        return run.getJsonArray("log").getValuesAs(JsonObject.class).stream()
                .map(line -> line.get("message") == JsonValue.NULL ? "" : line.getString("message"))
                .collect(Collectors.joining("\n"));
    }

    private HttpResponse<String> call(String method, String path, String body)
            throws IOException, InterruptedException {
        return local.call(method, path, body);
    }

    private static long id(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response.body()).getJsonNumber("id").longValue();
    }

    private static JsonObject json(String text) {
        return LocalApi.json(text);
    }

    private static long count(JsonObject run, String id) {
        JsonObject t = run.getJsonObject("transitions").getJsonObject(id);
        return t == null || t.isNull("count") ? -1 : t.getJsonNumber("count").longValue();
    }
}
