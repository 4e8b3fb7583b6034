package io.crosscast.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST API, at {@code /crosscast/api}: recipients ({@link RecipientResource}), lists
 * ({@link ListResource}), workflows ({@link WorkflowResource}) and their runs ({@link RunResource}), JSON in
 * and out, documented in {@code docs/API.md}.
 *
 * <p>Resources are thin adapters: each method reads its request, calls one service method and maps the
 * result. Errors are answered in JSON by the exception mappers of this package ({@link ApiErrors});
 * authentication is {@link ApiAuthenticationFilter}'s. Its classes are listed here rather than found by
 * scanning, so the public tracking application ({@code io.crosscast.web.tracking}) and this one never
 * serve each other's resources; a unit test checks that every resource and provider of this package is
 * listed.
 */
@ApplicationPath("/api")
public class CrosscastApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                RecipientResource.class,
                ListResource.class,
                ImportResource.class,
                WorkflowResource.class,
                RunResource.class,
                DeliveryResource.class,
                WebhookResource.class,
                RequestBodyInterceptor.class,
                ResponseBodyInterceptor.class,
                ApiExceptionMapper.class,
                AudienceExceptionMapper.class,
                ConstraintViolationExceptionMapper.class,
                EjbExceptionMapper.class,
                InvalidConditionExceptionMapper.class,
                JsonExceptionMapper.class,
                JsonbExceptionMapper.class,
                ListExceptionMapper.class,
                ProcessingExceptionMapper.class,
                ThrowableMapper.class,
                WebApplicationExceptionMapper.class,
                WebhookExceptionMapper.class,
                WorkflowExceptionMapper.class,
                DeliveryExceptionMapper.class);
    }
}
