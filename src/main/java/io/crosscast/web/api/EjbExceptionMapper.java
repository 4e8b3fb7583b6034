package io.crosscast.web.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A service failed with a system exception: answered for its cause when the cause is one of ours (an
 * invalid condition, a bean-validation failure...), otherwise a logged 500.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException exception) {
        return ApiErrors.toResponse(exception);
    }
}
