package io.crosscast.it.api;

import static io.crosscast.it.api.ApiClient.object;
import static io.crosscast.it.api.RecipientApiIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import io.crosscast.it.support.TestDocuments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workflows and runs through the REST API, as a script would use them: save a document, check one, start
 * a run, poll it, page through a transition's recipients, pause/resume/stop, purge. Each test names its
 * recipients with a fresh last-name token and queries by it, so the counts are exactly what it created.
 */
class WorkflowApiIT extends ApiTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 200;
    /** The recipients each test creates, by status: 3 GOLD, 2 SILVER, 1 BRONZE, 1 NONE. */
    private static final Map<String, Integer> CREATED = Map.of("GOLD", 3, "SILVER", 2, "BRONZE", 1, "NONE", 1);

    private static final int TOTAL = 7;
    private static final int GOLD = 3;

    WorkflowApiIT() {
        super("Wf");
    }

    @BeforeEach
    void recipients() {
        int i = 0;
        for (Map.Entry<String, Integer> status : CREATED.entrySet()) {
            for (int n = 0; n < status.getValue(); n++) {
                Reply created = api.post(
                        "recipients",
                        object().add("firstName", "R" + i++)
                                .add("lastName", token)
                                .add("status", status.getKey())
                                .build());
                assertEquals(201, created.status(), created::toString);
            }
        }
    }

    @Test
    void aWorkflowIsSavedExportedChangedRunAndPurged() {
        JsonObject document = json("""
                {"name": "Split %1$s", "activities": [
                  {"id": "start", "type": "start", "x": 40, "y": 40},
                  {"id": "query", "type": "query", "label": "Our recipients", "config": {"condition":
                     {"field": "lastName", "operator": "equals", "values": ["%1$s"]}}},
                  {"id": "split", "type": "split", "config": {
                     "subset.1.condition": {"field": "status", "operator": "equals", "values": ["GOLD"]},
                     "subset.1.label": "Gold", "complement": "true"}},
                  {"id": "gold", "type": "end"}, {"id": "others", "type": "end"}],
                 "transitions": [
                  {"from": "start", "to": "query"}, {"from": "query", "to": "split"},
                  {"from": "split", "output": "subset1", "to": "gold"},
                  {"from": "split", "output": "complement", "to": "others"}]}
                """.formatted(token));

        Reply created = api.post("workflows", document);
        assertEquals(201, created.status(), created::toString);
        JsonObject workflow = created.json();
        long workflowId = workflow.getJsonNumber("id").longValue();
        assertEquals(api.uri("workflows/" + workflowId).toString(), created.header("Location"));
        assertEquals("Split " + token, workflow.getString("name"));
        Instant.parse(workflow.getString("updatedAt"));
        assertEquals(document, workflow.getJsonObject("document"), "the document as stored");

        Reply exported = api.get("workflows/" + workflowId);
        assertEquals(200, exported.status(), exported::toString);
        assertEquals(document, exported.json().getJsonObject("document"), "an export is the document posted");

        JsonObject renamed = Json.createObjectBuilder(document)
                .add("name", "Renamed " + token)
                .build();
        Reply changed = api.put("workflows/" + workflowId, renamed);
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("Renamed " + token, changed.json().getString("name"));
        assertEquals(renamed, changed.json().getJsonObject("document"));

        Reply started = api.post("workflows/" + workflowId + "/runs", object().build());
        assertEquals(201, started.status(), started::toString);
        long runId = started.json().getJsonNumber("runId").longValue();
        assertEquals(api.uri("runs/" + runId).toString(), started.header("Location"));

        JsonObject run = awaitStatus(runId, "FINISHED");
        assertEquals(workflowId, run.getJsonNumber("workflowId").longValue());
        assertEquals(TOTAL, count(run, "query.out>split"));
        assertEquals(GOLD, count(run, "split.subset1>gold"));
        assertEquals(TOTAL - GOLD, count(run, "split.complement>others"));
        run.getJsonObject("activities")
                .forEach((id, activity) ->
                        assertEquals("DONE", activity.asJsonObject().getString("phase"), id));
        assertFalse(run.getJsonArray("log").isEmpty(), run::toString);

        String population = "runs/" + runId + "/transitions/split.subset1%3Egold/population";
        Reply firstPage = api.get(population + "?first=0&pageSize=2");
        assertEquals(200, firstPage.status(), firstPage::toString);
        assertEquals(GOLD, firstPage.json().getJsonNumber("total").longValue());
        assertEquals(0, firstPage.json().getInt("first"));
        assertEquals(2, firstPage.json().getInt("pageSize"));
        JsonArray items = firstPage.json().getJsonArray("items");
        assertEquals(2, items.size());
        Reply secondPage = api.get(population + "?first=2&pageSize=2");
        assertEquals(200, secondPage.status(), secondPage::toString);
        items = Json.createArrayBuilder(items)
                .addAll(Json.createArrayBuilder(secondPage.json().getJsonArray("items")))
                .build();
        assertEquals(GOLD, items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonObject recipient = items.getJsonObject(i);
            assertEquals(token, recipient.getString("lastName"));
            assertEquals("GOLD", recipient.getString("status"));
        }
        assertError(
                api.get("runs/" + runId + "/transitions/split.subset9%3Egold/population"),
                404,
                "workflow.notFound",
                null);
        assertError(api.get(population + "?pageSize=zero"), 400, "request.pageSizeInvalid", "pageSize");

        assertError(api.post("runs/" + runId + "/restart", object().build()), 400, "request.fromRequired", "from");
        assertError(
                api.post("runs/" + runId + "/restart?from=query", object().build()), 409, "workflow.conflict", null);

        Reply purged = api.delete("runs/" + runId);
        assertEquals(204, purged.status(), purged::toString);
        assertError(api.get("runs/" + runId), 404, "workflow.notFound", null);
        assertError(api.delete("runs/" + runId), 404, "workflow.notFound", null);
    }

    @Test
    void aBrokenDocumentIsReportedNotSaved() {
        JsonObject broken = json("""
                {"name": "Broken %s", "activities": [
                  {"id": "start", "type": "start"},
                  {"id": "mystery", "type": "teleport"}],
                 "transitions": [{"from": "start", "to": "mystery"}, {"from": "mystery", "to": "nowhere"}]}
                """.formatted(token));

        Reply checked = api.post("workflows/validate", broken);
        assertEquals(200, checked.status(), checked::toString);
        assertFalse(checked.json().getBoolean("valid"));
        String problems = messages(checked.json().getJsonArray("problems"));
        assertTrue(problems.contains("teleport"), problems);
        assertTrue(problems.contains("nowhere"), problems);

        Reply refused = api.post("workflows", broken);
        assertError(refused, 400, "workflow.invalid", null);
        String refusedProblems = messages(refused.json().getJsonArray("problems"));
        assertTrue(refusedProblems.contains("teleport") && refusedProblems.contains("nowhere"), refusedProblems);

        Reply valid = api.post("workflows/validate", json(waitDocument("valid", 60)));
        assertEquals(200, valid.status(), valid::toString);
        assertTrue(valid.json().getBoolean("valid"), valid::toString);
        assertTrue(valid.json().getJsonArray("problems").isEmpty());

        assertError(
                api.post(
                        "workflows",
                        object().add("activities", Json.createArrayBuilder()).build()),
                400,
                "workflow.nameRequired",
                "name");
        assertError(api.send("POST", "workflows", "application/json", "{\"name\": "), 400, "request.invalidJson", null);
    }

    @Test
    void aWaitingRunIsPausedResumedAndAStoppedOneCannotBeResumed() {
        long paused = start(waitDocument("Pause", 3));
        long stopped = start(waitDocument("Stop", 3));
        awaitWaiting(paused);
        awaitWaiting(stopped);

        Reply pause = api.post("runs/" + paused + "/pause", object().build());
        assertEquals(200, pause.status(), pause::toString);
        assertEquals("PAUSED", pause.json().getString("status"));
        Reply stop = api.post("runs/" + stopped + "/stop", object().build());
        assertEquals(200, stop.status(), stop::toString);
        assertEquals("STOPPED", stop.json().getString("status"));

        Reply resume = api.post("runs/" + paused + "/resume", object().build());
        assertEquals(200, resume.status(), resume::toString);
        assertEquals(TOTAL, count(awaitStatus(paused, "FINISHED"), "wait.out>end"));

        assertError(api.post("runs/" + stopped + "/resume", object().build()), 409, "workflow.conflict", null);
        assertEquals("STOPPED", view(stopped).getString("status"));
    }

    @Test
    void unknownWorkflowsAndRunsAre404s() {
        assertError(api.get("runs/999999999"), 404, "workflow.notFound", null);
        assertError(api.post("runs/999999999/pause", object().build()), 404, "workflow.notFound", null);
        assertError(api.get("workflows/999999999"), 404, "workflow.notFound", null);
        assertError(api.post("workflows/999999999/runs", object().build()), 404, "workflow.notFound", null);
        assertError(api.put("workflows/999999999", json(waitDocument("Nobody", 60))), 404, "workflow.notFound", null);
    }

    @Test
    void withoutCredentialsEverythingIsA401() {
        ApiClient anonymous = ApiClient.withAuthorization(base, null);
        for (Reply reply : List.of(
                anonymous.get("runs/1"),
                anonymous.post("workflows", json(waitDocument("Anon", 60))),
                anonymous.post("workflows/validate", json(waitDocument("Anon", 60))))) {
            assertError(reply, 401, "auth.required", null);
        }
    }

    // ---- helpers ----

    /** Start -> Query(our recipients) -> Wait(until now + seconds) -> End. */
    private String waitDocument(String name, int seconds) {
        return TestDocuments.waitWorkflow(
                name + " " + token, token, Instant.now().plusSeconds(seconds));
    }

    private long start(String document) {
        Reply created = api.post("workflows", json(document));
        assertEquals(201, created.status(), created::toString);
        Reply started =
                api.post("workflows/" + created.json().getJsonNumber("id").longValue() + "/runs", object().build());
        assertEquals(201, started.status(), started::toString);
        return started.json().getJsonNumber("runId").longValue();
    }

    private JsonObject view(long runId) {
        Reply reply = api.get("runs/" + runId);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonObject awaitStatus(long runId, String status) {
        return await(runId, run -> status.equals(run.getString("status")), "status " + status);
    }

    private void awaitWaiting(long runId) {
        await(
                runId,
                run -> {
                    JsonObject wait = run.getJsonObject("activities").getJsonObject("wait");
                    return wait != null && "WAITING".equals(wait.getString("phase"));
                },
                "the wait activity WAITING");
    }

    /** Polls GET /api/runs/{id} every 200 ms, for at most a minute, until {@code reached} holds. */
    private JsonObject await(long runId, java.util.function.Predicate<JsonObject> reached, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonObject run = view(runId);
        while (!reached.test(run)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " did not reach " + what + ": " + run);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            run = view(runId);
        }
        return run;
    }

    private static long count(JsonObject run, String transitionId) {
        JsonObject transition = run.getJsonObject("transitions").getJsonObject(transitionId);
        assertTrue(
                transition != null && transition.getBoolean("fired"),
                () -> "transition " + transitionId + " did not fire: " + run.getJsonObject("transitions"));
        return transition.getJsonNumber("count").longValue();
    }

    private static String messages(JsonArray problems) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            text.append(problems.getJsonObject(i).getString("message")).append(" | ");
        }
        return text.toString();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
