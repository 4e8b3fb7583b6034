package io.crosscast.web.api;

import io.crosscast.workflow.WorkflowException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An invalid workflow is a 400 {@code workflow.invalid} listing each problem; an unknown workflow, run or
 * population a 404 {@code workflow.notFound}; a move the run's status refuses a 409 {@code workflow.conflict}.
 */
@Provider
public class WorkflowExceptionMapper implements ExceptionMapper<WorkflowException> {

    @Override
    public Response toResponse(WorkflowException exception) {
        return ApiErrors.toResponse(exception);
    }
}
