package io.crosscast.web.api;

import io.crosscast.delivery.DeliveryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Refused delivery requests: 400 invalid content (each problem listed), 404 unknown, 409 already sent. */
@Provider
public class DeliveryExceptionMapper implements ExceptionMapper<DeliveryException> {

    @Override
    public Response toResponse(DeliveryException exception) {
        return ApiErrors.toResponse(exception);
    }
}
