package io.crosscast.web.api;

import io.crosscast.audience.AudienceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A recipient that does not exist is a 404, an email that another recipient has a 409, any other refused
 * value a 400 naming its field.
 */
@Provider
public class AudienceExceptionMapper implements ExceptionMapper<AudienceException> {

    @Override
    public Response toResponse(AudienceException exception) {
        return ApiErrors.toResponse(exception);
    }
}
