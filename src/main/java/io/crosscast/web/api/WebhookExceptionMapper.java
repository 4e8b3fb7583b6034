package io.crosscast.web.api;

import io.crosscast.webhook.WebhookException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown subscription is a 404, an invalid URL, event list or secret a 400 naming its field. */
@Provider
public class WebhookExceptionMapper implements ExceptionMapper<WebhookException> {

    @Override
    public Response toResponse(WebhookException exception) {
        return ApiErrors.response(ApiError.of(exception.status(), exception.code(), exception.getMessage())
                .withField(exception.field()));
    }
}
