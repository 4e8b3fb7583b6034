package io.crosscast.web.api;

import io.crosscast.webhook.WebhookEvent;
import io.crosscast.webhook.WebhookSubscription;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the API shows it. {@code secret} is set only in the answer to its creation (the one
 * time the server shows it), null otherwise.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "url", "events", "description", "active", "createdAt", "updatedAt", "secret"})
public record WebhookDto(
        long id,
        String url,
        List<String> events,
        String description,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        String secret) {

    static WebhookDto of(WebhookSubscription s, String secret) {
        return new WebhookDto(
                s.getId(),
                s.getUrl(),
                s.getEvents().stream().map(WebhookEvent::wireName).toList(),
                s.getDescription(),
                s.isActive(),
                s.getCreatedAt(),
                s.getUpdatedAt(),
                secret);
    }

    /** Every subscription: {@code {"items": [...]}}. */
    public record Items(List<WebhookDto> items) {}
}
