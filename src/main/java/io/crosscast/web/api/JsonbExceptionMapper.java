package io.crosscast.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B could not bind a body to its class: a 400. Bodies normally arrive here already turned into an
 * {@link ApiException} by {@link RequestBodyInterceptor}.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return ApiErrors.toResponse(exception);
    }
}
