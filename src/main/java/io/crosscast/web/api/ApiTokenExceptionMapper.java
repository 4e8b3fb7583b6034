package io.crosscast.web.api;

import io.crosscast.apitoken.ApiTokenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A token that does not exist (or is not the caller's) is a 404, a role the caller lacks a 403, else a 400. */
@Provider
public class ApiTokenExceptionMapper implements ExceptionMapper<ApiTokenException> {

    @Override
    public Response toResponse(ApiTokenException exception) {
        return ApiErrors.toResponse(exception);
    }
}
