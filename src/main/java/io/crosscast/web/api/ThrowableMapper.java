package io.crosscast.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

/**
 * Everything else: answered for a known cause if there is one, otherwise a 500 whose body says nothing
 * about the exception, which is logged on the server.  <p>RESTEasy signals some outcomes with its own
 * {@code org.jboss.resteasy.spi.Failure} exceptions, which only a catch-all mapper sees: the automatic
 * answer to {@code OPTIONS} is one (a 200 with {@code Allow}), and is passed on unchanged; a failure with
 * a 4xx status keeps it. They are read by reflection because RESTEasy's SPI is not part of the Jakarta EE
 * API the application compiles against.
 */
@Provider
public class ThrowableMapper implements ExceptionMapper<Throwable> {

    private static final String RESTEASY_FAILURE = "org.jboss.resteasy.spi.Failure";

    @Override
    public Response toResponse(Throwable exception) {
        Optional<Response> runtimeAnswer = runtimeResponse(exception);
        if (runtimeAnswer.isPresent() && runtimeAnswer.get().getStatus() < 400) {
            return runtimeAnswer.get();
        }
        ApiError error = ApiErrors.describe(exception);
        if (error.status() >= 500
                && runtimeAnswer.isPresent()
                && runtimeAnswer.get().getStatus() < 500) {
            Response refused = runtimeAnswer.get();
            return ApiErrors.response(ApiErrors.forHttpStatus(refused.getStatus(), refused.getAllowedMethods()));
        }
        return ApiErrors.toResponse(exception);
    }

    /** The response or status that a RESTEasy {@code Failure} carries, if {@code exception} is one. */
    private static Optional<Response> runtimeResponse(Throwable exception) {
        for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
            if (RESTEASY_FAILURE.equals(type.getName())) {
                try {
                    Method getResponse = type.getMethod("getResponse");
                    if (getResponse.invoke(exception) instanceof Response response) {
                        return Optional.of(response);
                    }
                    Object code = type.getMethod("getErrorCode").invoke(exception);
                    if (code instanceof Integer status && status >= 100) {
                        return Optional.of(
                                Response.status(status).allow(Set.of()).build());
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return Optional.empty();
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
