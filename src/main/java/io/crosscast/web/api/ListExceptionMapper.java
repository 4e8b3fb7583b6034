package io.crosscast.web.api;

import io.crosscast.list.ListException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A list that does not exist is a 404, a name that another list has a 409, anything else a 400. */
@Provider
public class ListExceptionMapper implements ExceptionMapper<ListException> {

    @Override
    public Response toResponse(ListException exception) {
        return ApiErrors.toResponse(exception);
    }
}
