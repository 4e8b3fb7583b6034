package io.crosscast.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What the JAX-RS runtime refuses keeps its status, with a JSON body instead of RESTEasy's text: 404 for
 * an unknown path, 405 (with its {@code Allow} header) for a method a resource does not have, 406, 415...
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ApiErrors.toResponse(exception);
    }
}
