package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.workflow.WorkflowException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowErrorsTest {

    @Test
    void eachKindHasItsCode() {
        assertEquals("workflow.invalid", WorkflowException.invalid(List.of("x")).code());
        assertEquals("workflow.invalid", new WorkflowException("x").code(), "the old constructors mean invalid");
        assertEquals("workflow.invalid", new WorkflowException(List.of("x", "y")).code());
        assertEquals("workflow.notFound", WorkflowException.notFound("x").code());
        assertEquals("workflow.conflict", WorkflowException.conflict("x").code());
    }

    @Test
    void anInvalidWorkflowIsA400ListingEachProblemByMessage() {
        WorkflowException e = WorkflowException.invalid(List.of(
                "mystery: unknown activity type 'teleport'",
                "Transition 'query.out>nowhere' leads to an unknown activity 'nowhere'"));
        ApiError error = ApiErrors.describe(e);
        assertEquals(400, error.status());
        assertEquals("workflow.invalid", error.code());
        assertTrue(error.message().startsWith("The workflow is not valid: "), error.message());
        assertTrue(error.message().contains("teleport"), error.message());

        JsonArray problems = error.toJson().getJsonArray("problems");
        assertEquals(2, problems.size());
        JsonObject first = problems.getJsonObject(0);
        assertEquals("mystery: unknown activity type 'teleport'", first.getString("message"));
        assertEquals(1, first.size(), "a workflow problem is only its message: " + first);
        assertTrue(problems.getJsonObject(1).getString("message").contains("nowhere"));
    }

    @Test
    void anUnknownWorkflowOrRunIsA404WithoutProblems() {
        ApiError error = ApiErrors.describe(WorkflowException.notFound("Run 9 does not exist."));
        assertEquals(404, error.status());
        assertEquals("Not Found", error.error());
        assertEquals("workflow.notFound", error.code());
        assertEquals("Run 9 does not exist.", error.message());
        assertFalse(error.toJson().containsKey("problems"));
    }

    @Test
    void aRefusedLifecycleMoveIsA409() {
        ApiError error =
                ApiErrors.describe(WorkflowException.conflict("Only a paused run can be resumed, this one is STOPPED"));
        assertEquals(409, error.status());
        assertEquals("workflow.conflict", error.code());
        assertFalse(error.toJson().containsKey("problems"));
    }

    @Test
    void theStatusIsChosenByKind() {
        assertEquals(400, ApiErrors.statusOf(WorkflowException.invalid(List.of("x"))));
        assertEquals(404, ApiErrors.statusOf(WorkflowException.notFound("x")));
        assertEquals(409, ApiErrors.statusOf(WorkflowException.conflict("x")));
    }

    @Test
    void aWrappedWorkflowExceptionIsStillAnsweredForItsKind() {
        ApiError error = ApiErrors.describe(new EJBException(WorkflowException.notFound("Workflow 4 does not exist.")));
        assertEquals(404, error.status());
        assertEquals("workflow.notFound", error.code());
    }

    @Test
    void theBodyIsTheApisErrorShape() {
        String body = ApiErrors.describe(WorkflowException.conflict("Run 3 is running: stop or pause it first."))
                .toJsonText();
        assertEquals(
                "{\"status\":409,\"error\":\"Conflict\",\"code\":\"workflow.conflict\","
                        + "\"message\":\"Run 3 is running: stop or pause it first.\"}",
                body);
    }

    @Test
    void conditionProblemsStillCarryTheirCodeAndPath() {
        JsonObject problem = ApiError.of(400, "condition.invalid", "bad")
                .withProblems(List.of(new ApiError.Problem("UNKNOWN_FIELD", "Unknown field 'x'", "/children/0")))
                .toJson()
                .getJsonArray("problems")
                .getJsonObject(0);
        assertEquals("UNKNOWN_FIELD", problem.getString("code"));
        assertEquals("/children/0", problem.getString("path"));
    }
}
