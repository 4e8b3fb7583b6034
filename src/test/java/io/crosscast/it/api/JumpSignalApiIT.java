package io.crosscast.it.api;

import static io.crosscast.it.api.ApiClient.object;
import static io.crosscast.it.api.RecipientApiIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jump and External signal through the REST API (issue 17): a jump loop around a Wait that its guard ends; a signal
 * that comes (with parameters, counted once) and one that never comes (timeout). Each test queries the recipients
 * it created by a fresh last name.
 */
class JumpSignalApiIT extends ApiTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int RECIPIENTS = 3;

    JumpSignalApiIT() {
        super("Js");
    }

    @BeforeEach
    void recipients() {
        for (int i = 0; i < RECIPIENTS; i++) {
            Reply created = api.post(
                    "recipients",
                    object().add("firstName", "R" + i).add("lastName", token).build());
            assertEquals(201, created.status(), created::toString);
        }
    }

    private String query() {
        return """
                {"id": "query", "type": "query", "config": {"condition":
                   {"field": "lastName", "operator": "equals", "values": ["%s"]}}}""".formatted(token);
    }

    @Test
    void aJumpLoopAroundAWaitEndsByItsGuard() {
        Reply invalid = api.post("workflows/validate", json("""
                {"name": "No landing", "activities": [
                  {"id": "start", "type": "start"}, {"id": "jump", "type": "jumpFrom", "config": {"target": "nowhere"}}],
                 "transitions": [{"from": "start", "to": "jump"}]}
                """));
        assertEquals(200, invalid.status(), invalid::toString);
        assertTrue(invalid.body().contains("no Jump (to) has that name"), invalid::toString);

        long runId = start("""
                {"name": "Retry %1$s", "activities": [
                  {"id": "start", "type": "start"}, %2$s,
                  {"id": "land", "type": "jumpTo", "config": {"name": "retry"}},
                  {"id": "wait", "type": "wait", "config": {"minutes": "0"}},
                  {"id": "jump", "type": "jumpFrom", "config": {"target": "retry", "maxPasses": "3"}}],
                 "transitions": [{"from": "start", "to": "query"}, {"from": "query", "to": "land"},
                   {"from": "land", "to": "wait"}, {"from": "wait", "to": "jump"}]}
                """.formatted(token, query()));
        JsonObject run = await(runId, r -> "FAILED".equals(r.getString("status")), "FAILED");
        JsonObject jump = run.getJsonObject("activities").getJsonObject("jump");
        assertEquals("FAILED", jump.getString("phase"));
        assertEquals(
                "Jump 'jump' has made its 3 passes to 'retry' (maxPasses): an endless loop?",
                jump.getString("message"));
        assertEquals(RECIPIENTS, count(run, "jump.jump>land"), "the jump carried the population");
        assertEquals(RECIPIENTS, count(run, "land.out>wait"));
        assertTrue(log(run).contains("jump 3 of at most 3 to 'retry'"), run::toString);
    }

    private String signalDocument(String timeout) {
        return """
                {"name": "Signal %1$s", "activities": [
                  {"id": "start", "type": "start"}, %2$s,
                  {"id": "payment", "type": "externalSignal", "config": {"name": "paid"%3$s}},
                  {"id": "paid", "type": "end"}, {"id": "late", "type": "end"}],
                 "transitions": [{"from": "start", "to": "query"}, {"from": "query", "to": "payment"},
                   {"from": "payment", "output": "signal", "to": "paid"},
                   {"from": "payment", "output": "timeout", "to": "late"}]}
                """.formatted(token, query(), timeout);
    }

    @Test
    void aSignalThatComesLetsThePopulationGoWithItsParametersOnce() {
        long runId = start(signalDocument(", \"timeoutMinutes\": \"10\""));
        await(runId, r -> "WAITING".equals(phase(r, "payment")), "payment WAITING");

        assertError(signal(runId, "shipped", "{}", null), 409, "workflow.conflict", null);
        assertError(signal(runId, "paid", "{\"orderId\": {\"nested\": 1}}", null), 400, "workflow.invalid", null);

        Reply first = signal(runId, "paid", "{\"orderId\": \"A-42\", \"amount\": 12.5}", "order-A-42");
        assertEquals(200, first.status(), first::toString);
        assertFalse(first.json().getBoolean("duplicate"));
        assertEquals(
                Json.createArrayBuilder().add("payment").build(), first.json().getJsonArray("activities"));
        Reply again = signal(runId, "paid", "{\"orderId\": \"A-42\", \"amount\": 12.5}", "order-A-42");
        assertEquals(200, again.status(), again::toString);
        assertTrue(again.json().getBoolean("duplicate"), "the same key counts once");

        JsonObject run = await(runId, r -> "FINISHED".equals(r.getString("status")), "FINISHED");
        assertEquals(RECIPIENTS, count(run, "payment.signal>paid"));
        assertFalse(run.getJsonObject("transitions")
                .getJsonObject("payment.timeout>late")
                .getBoolean("fired"));
        assertTrue(
                log(run).contains("signal 'paid' arrived: {\"amount\":\"12.5\",\"orderId\":\"A-42\"}"), run::toString);

        Reply signals = api.get("runs/" + runId + "/signals");
        assertEquals(200, signals.status(), signals::toString);
        JsonArray items = signals.json().getJsonArray("items");
        assertEquals(1, items.size(), signals::toString);
        assertEquals(
                Json.createObjectBuilder()
                        .add("amount", "12.5")
                        .add("orderId", "A-42")
                        .build(),
                items.getJsonObject(0).getJsonObject("parameters"));
        assertError(signal(runId, "paid", "{}", null), 409, "workflow.conflict", null);
    }

    @Test
    void withoutASignalTheTimeoutOutputTakesThePopulation() {
        long runId = start(signalDocument(", \"timeoutSeconds\": \"2\""));
        JsonObject run = await(runId, r -> "FINISHED".equals(r.getString("status")), "FINISHED");
        assertEquals(RECIPIENTS, count(run, "payment.timeout>late"));
        assertTrue(log(run).contains("no signal 'paid' came: timeout"), run::toString);
    }

    // ---- helpers ----

    private Reply signal(long runId, String name, String body, String key) {
        return api.send(
                "POST",
                "runs/" + runId + "/signals/" + name,
                "application/json",
                body,
                null,
                null,
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private long start(String document) {
        Reply created = api.post("workflows", json(document));
        assertEquals(201, created.status(), created::toString);
        Reply started =
                api.post("workflows/" + created.json().getJsonNumber("id").longValue() + "/runs", object().build());
        assertEquals(201, started.status(), started::toString);
        return started.json().getJsonNumber("runId").longValue();
    }

    private static String phase(JsonObject run, String activity) {
        JsonObject a = run.getJsonObject("activities").getJsonObject(activity);
        return a == null ? null : a.getString("phase");
    }

    /** The messages of the run's latest log lines, one a line. */
    private static String log(JsonObject run) {
        StringBuilder lines = new StringBuilder();
        run.getJsonArray("log")
                .forEach(line ->
                        lines.append(line.asJsonObject().getString("message")).append('\n'));
        return lines.toString();
    }

    /** Polls GET /api/runs/{id} every 200 ms, for at most a minute, until {@code reached} holds. */
    private JsonObject await(long runId, Predicate<JsonObject> reached, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Reply reply = api.get("runs/" + runId);
            assertEquals(200, reply.status(), reply::toString);
            JsonObject run = reply.json();
            if (reached.test(run)) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " did not reach " + what + ": " + run);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static long count(JsonObject run, String transitionId) {
        JsonObject transition = run.getJsonObject("transitions").getJsonObject(transitionId);
        assertTrue(
                transition != null && transition.getBoolean("fired"),
                () -> "transition " + transitionId + " did not fire: " + run.getJsonObject("transitions"));
        return transition.getJsonNumber("count").longValue();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
