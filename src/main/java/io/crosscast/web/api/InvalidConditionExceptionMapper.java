package io.crosscast.web.api;

import io.crosscast.audience.condition.InvalidConditionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A condition that cannot be used is a 400 listing each problem with its code and JSON pointer. */
@Provider
public class InvalidConditionExceptionMapper implements ExceptionMapper<InvalidConditionException> {

    @Override
    public Response toResponse(InvalidConditionException exception) {
        return ApiErrors.toResponse(exception);
    }
}
