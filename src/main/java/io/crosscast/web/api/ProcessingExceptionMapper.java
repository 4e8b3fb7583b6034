package io.crosscast.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * RESTEasy's reader failed on a body: a 400. Bodies normally arrive here already turned into an
 * {@link ApiException} by {@link RequestBodyInterceptor}; a failure to write an answer is a
 * {@link ResponseWritingException} (500).
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return ApiErrors.toResponse(exception);
    }
}
