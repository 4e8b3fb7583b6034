package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.workflow.RunView;
import io.crosscast.workflow.Workflow;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowMappingTest {

    private static final String DOCUMENT = """
            {"name": "Gold", "activities": [{"id": "start", "type": "start"}, {"id": "end", "type": "end",
             "x": 10, "y": 20, "config": {"note": "kept"}}], "transitions": [{"from": "start", "to": "end"}]}""";

    @Test
    void aWorkflowShowsItsStoredDocumentAsAnObject() {
        Instant updated = Instant.parse("2026-11-29T10:15:30.123456Z");
        WorkflowDto dto = WorkflowDto.of(workflow(7L, "Gold", DOCUMENT, updated));
        assertEquals(7, dto.id());
        assertEquals("Gold", dto.name());
        assertEquals("2026-11-29T10:15:30.123456Z", dto.updatedAt());
        assertEquals(json(DOCUMENT), dto.document());
        assertEquals(
                20, dto.document().getJsonArray("activities").getJsonObject(1).getInt("y"));
    }

    @Test
    void anUnsavedWorkflowHasIdZeroAndNoTime() {
        WorkflowDto dto = WorkflowDto.of(workflow(null, "Gold", DOCUMENT, null));
        assertEquals(0, dto.id());
        assertNull(dto.updatedAt());
    }

    @Test
    void theNameIsTheDocumentsNameStripped() {
        assertEquals("Gold members", WorkflowDto.nameOf(json("{\"name\": \"  Gold members \"}")));
        assertEquals("x".repeat(200), WorkflowDto.nameOf(json("{\"name\": \"" + "x".repeat(200) + "\"}")));
    }

    @Test
    void aMissingBlankOrNonTextNameIsA400NamingTheField() {
        for (String body : List.of("{}", "{\"name\": \"  \"}", "{\"name\": 12}", "{\"name\": null}")) {
            ApiError error = assertThrows(ApiException.class, () -> WorkflowDto.nameOf(json(body)))
                    .error();
            assertEquals(400, error.status(), body);
            assertEquals("workflow.nameRequired", error.code(), body);
            assertEquals("name", error.field(), body);
        }
        ApiError tooLong = assertThrows(
                        ApiException.class, () -> WorkflowDto.nameOf(json("{\"name\": \"" + "x".repeat(201) + "\"}")))
                .error();
        assertEquals("workflow.nameTooLong", tooLong.code());
        assertEquals(400, tooLong.status());
    }

    @Test
    void validationIsValidExactlyWhenThereAreNoProblems() {
        assertEquals(new ValidationDto(true, List.of()), ValidationDto.of(List.of()));
        assertEquals(new ValidationDto(true, List.of()), ValidationDto.of(null));
        ValidationDto invalid = ValidationDto.of(List.of("mystery: unknown type 'teleport'", "dangling"));
        assertFalse(invalid.valid());
        assertEquals(
                List.of(
                        new ValidationDto.ProblemDto("mystery: unknown type 'teleport'"),
                        new ValidationDto.ProblemDto("dangling")),
                invalid.problems());
    }

    @Test
    void aRunKeepsItsActivitiesAndTransitionsInOrder() {
        Map<String, RunView.ActivityView> activities = new LinkedHashMap<>();
        activities.put("start", new RunView.ActivityView("DONE", null, null));
        activities.put("wait", new RunView.ActivityView("WAITING", "2026-11-29T10:00:00Z", null));
        activities.put("end", new RunView.ActivityView("FAILED", null, "boom"));
        Map<String, RunView.TransitionView> transitions = new LinkedHashMap<>();
        transitions.put("start.out>wait", new RunView.TransitionView(true, false, 23));
        transitions.put("wait.out>end", new RunView.TransitionView(false, true, 0));
        RunView view = new RunView(
                12,
                3,
                "STARTED",
                activities,
                transitions,
                List.of(
                        new RunView.LogLine("2026-11-29T09:00:00Z", null, "Run started"),
                        new RunView.LogLine("2026-11-29T09:00:01Z", "wait", "waiting")));

        RunDto dto = RunDto.of(view);
        assertEquals(12, dto.runId());
        assertEquals(3, dto.workflowId());
        assertEquals("STARTED", dto.status());
        assertEquals(
                List.of("start", "wait", "end"), List.copyOf(dto.activities().keySet()));
        assertEquals(
                new RunDto.ActivityDto("WAITING", "2026-11-29T10:00:00Z", null),
                dto.activities().get("wait"));
        assertEquals("boom", dto.activities().get("end").message());
        assertEquals(
                List.of("start.out>wait", "wait.out>end"),
                List.copyOf(dto.transitions().keySet()));
        assertEquals(
                new RunDto.TransitionDto(true, false, 23), dto.transitions().get("start.out>wait"));
        assertTrue(dto.transitions().get("wait.out>end").skipped());
        assertEquals(
                List.of(
                        new RunDto.LogLineDto("2026-11-29T09:00:00Z", null, "Run started"),
                        new RunDto.LogLineDto("2026-11-29T09:00:01Z", "wait", "waiting")),
                dto.log());
    }

    @Test
    void aRunWithoutStateIsEmptyNotNull() {
        RunDto dto = RunDto.of(new RunView(1, 2, "EDITED", null, null, null));
        assertTrue(dto.activities().isEmpty());
        assertTrue(dto.transitions().isEmpty());
        assertTrue(dto.log().isEmpty());
    }

    @Test
    void aRestartNeedsTheActivityToRunAgain() {
        assertEquals("flaky", RunResource.requiredActivity(" flaky "));
        for (String missing : new String[] {null, "", "  "}) {
            ApiError error = assertThrows(ApiException.class, () -> RunResource.requiredActivity(missing))
                    .error();
            assertEquals(400, error.status());
            assertEquals("from", error.field());
            assertEquals("request.fromRequired", error.code());
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** A workflow as loaded from the database (its constructor is the service's). */
    private static Workflow workflow(Long id, String name, String json, Instant updatedAt) {
        return new Workflow() {
            @Override
            public Long getId() {
                return id;
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public String getDefinitionJson() {
                return json;
            }

            @Override
            public Instant getUpdatedAt() {
                return updatedAt;
            }
        };
    }
}
