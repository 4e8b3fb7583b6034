package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityPhase;
import io.crosscast.engine.ActivityState;
import io.crosscast.engine.Execution;
import io.crosscast.engine.RunState;
import io.crosscast.engine.RunStatus;
import io.crosscast.engine.Text;
import io.crosscast.workflow.RunView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Texts are stored with a run as their English message and their key and arguments; what was stored before
 * (a message only) still reads, as its English message.
 */
class RunTextsStorageTest {

    private static final Text FAILURE = Text.of("condition.NO_INCOMING_DELIVERY", "delivery not_clicked");

    @Test
    void aTextIsItsKeyAndArgumentsInJson() {
        Text text = Execution.failedLine(Text.of("config.outOfRange", "branches", 2, 20, 50));
        String json = TextJson.write(text);
        assertEquals(
                "{\"key\":\"run.failed\",\"args\":[{\"key\":\"config.outOfRange\",\"args\":[\"branches\",\"2\",\"20\",\"50\"]}]}",
                json);
        assertEquals(Optional.of(text), TextJson.read(json));
    }

    @Test
    void whatIsNotAStoredTextIsNoText() {
        assertEquals(Optional.empty(), TextJson.read(null));
        assertEquals(Optional.empty(), TextJson.read(""));
        assertEquals(Optional.empty(), TextJson.read("not json"));
        assertEquals(Optional.empty(), TextJson.read("[1, 2]"));
        assertEquals(Optional.empty(), TextJson.read("{\"args\": []}"));
        assertEquals(
                Optional.of(Text.of("query.log.count", "12")),
                TextJson.read("{\"key\": \"query.log.count\", \"args\": [12]}"));
        assertEquals(Optional.of(Text.of("validator.noStart")), TextJson.read("{\"key\": \"validator.noStart\"}"));
    }

    @Test
    void aFailedActivityKeepsItsEnglishMessageAndItsText() {
        RunState state = new RunState(
                "7",
                RunStatus.FAILED,
                Map.of("q", new ActivityState(ActivityPhase.FAILED, null, FAILURE, Map.of("k", "v"))),
                Map.of());
        String json = RunStateJson.write(state);
        JsonObject stored = Json.createReader(new StringReader(json))
                .readObject()
                .getJsonObject("activities")
                .getJsonObject("q");
        assertEquals(FAILURE.english(), stored.getString("message"));
        assertEquals(
                "condition.NO_INCOMING_DELIVERY", stored.getJsonObject("text").getString("key"));

        ActivityState read = RunStateJson.read(json).activity("q");
        assertEquals(FAILURE, read.failure());
        assertEquals(FAILURE.english(), read.message());
        assertEquals(Map.of("k", "v"), read.stored());
    }

    @Test
    void aStateStoredBeforeTextsReadsAsItsEnglishMessage() {
        String old = """
                {"runId": "3", "status": "FAILED",
                 "activities": {"start": {"phase": "DONE", "stored": {}},
                                "q": {"phase": "FAILED", "message": "InvalidConditionException: 'delivery clicked' needs a delivery", "stored": {}}},
                 "transitions": {"start>q": {"fired": true, "count": 0, "consumed": true, "data": {}, "population": "11"}}}
                """;
        RunState state = RunStateJson.read(old);
        ActivityState q = state.activity("q");
        assertEquals("InvalidConditionException: 'delivery clicked' needs a delivery", q.message());
        assertTrue(q.failure().isVerbatim());
        assertEquals(q.message(), q.failure().in(Locale.FRENCH));
        assertNull(state.activity("start").failure());
        assertNull(state.activity("start").message());

        RunView view = RunViews.of(3, 1, state, List.of());
        assertEquals(q.message(), view.activities().get("q").message());
        assertEquals(q.failure(), view.activities().get("q").text());
        assertNull(view.activities().get("start").text());
    }

    @Test
    void aLogLineReadsItsTextOrElseItsMessage() {
        Text line = Text.of("query.log.count", "1234");
        RunView.LogLine current =
                RunViews.logLine(new Object[] {"2026-11-29 09:00:00+00", "q", line.english(), DbRunLog.textJson(line)});
        assertEquals(line, current.text());
        assertEquals("query: 1234 recipient(s)", current.message());

        RunView.LogLine old = RunViews.logLine(new Object[] {"2026-11-29 09:00:00+00", null, "Run started", null});
        assertEquals(Text.verbatim("Run started"), old.text());
        assertEquals("Run started", old.text().in(Locale.FRENCH));

        RunView.LogLine broken =
                RunViews.logLine(new Object[] {"2026-11-29 09:00:00+00", "q", "query: 3 recipient(s)", "{oops"});
        assertEquals("query: 3 recipient(s)", broken.text().in(Locale.FRENCH));
    }

    @Test
    void longArgumentsAreCutToFitTheLog() {
        Text failure = Execution.failedLine(Execution.failure(new IllegalStateException("x".repeat(5000))));
        String json = DbRunLog.textJson(failure);
        assertTrue(json.length() <= DbRunLog.MAX_TEXT_JSON, json);
        Text stored = TextJson.read(json).orElseThrow();
        assertTrue(stored.english().startsWith("failed: IllegalStateException: xxx"), stored.english());
        assertTrue(stored.english().endsWith("..."), stored.english());
        assertEquals(DbRunLog.MAX_MESSAGE, DbRunLog.english(failure).length());
    }
}
