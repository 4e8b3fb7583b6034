package io.crosscast.webhook.internal;

import io.crosscast.platform.JsonValues;
import io.crosscast.webhook.WebhookEvent;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of webhook events (README, "Webhooks"): {@code {"id", "type", "createdAt", "data"}}, where
 * {@code id} is the event's id (the same for every subscription), {@code type} its name and {@code data} what
 * happened. Written once, when the event is recorded; every attempt sends the same bytes.
 */
public final class EventJson {

    /** A recipient whose address or number was quarantined, and the server's words. */
    public record Bounce(long recipientId, String reason) {}

    private EventJson() {}

    public static String payload(String eventId, WebhookEvent event, Instant at, JsonObject data) {
        return JsonValues.JSON
                .createObjectBuilder()
                .add("id", eventId)
                .add("type", event.wireName())
                .add("createdAt", at.toString())
                .add("data", data)
                .build()
                .toString();
    }

    /** {@code run.finished} and {@code run.failed}. */
    public static JsonObject run(long runId, long workflowId, String workflowName, String status, Instant endedAt) {
        JsonObjectBuilder data =
                JsonValues.JSON.createObjectBuilder().add("runId", runId).add("workflowId", workflowId);
        optional(data, "workflowName", workflowName);
        return data.add("status", status).add("endedAt", endedAt.toString()).build();
    }

    /** {@code delivery.finished}. */
    public static JsonObject delivery(
            long deliveryId, String label, String channel, Long campaignId, Long runId, Instant finishedAt) {
        JsonObjectBuilder data = JsonValues.JSON
                .createObjectBuilder()
                .add("deliveryId", deliveryId)
                .add("label", label)
                .add("channel", channel)
                .add("status", "SENT");
        optional(data, "campaignId", campaignId);
        optional(data, "runId", runId);
        return data.add("finishedAt", finishedAt.toString()).build();
    }

    /** {@code recipient.unsubscribed}: an email opt-out through a delivery's unsubscribe link. */
    public static JsonObject unsubscribed(long recipientId, String email, long deliveryId, Instant at) {
        JsonObjectBuilder data = JsonValues.JSON.createObjectBuilder().add("recipientId", recipientId);
        optional(data, "email", email);
        return data.add("channel", "EMAIL")
                .add("deliveryId", deliveryId)
                .add("unsubscribedAt", at.toString())
                .build();
    }

    /** {@code recipient.bounced}: the recipients that one batch of a delivery quarantined. */
    public static JsonObject bounced(long deliveryId, String channel, Instant at, List<Bounce> recipients) {
        JsonArrayBuilder list = JsonValues.JSON.createArrayBuilder();
        for (Bounce bounce : recipients) {
            JsonObjectBuilder one = JsonValues.JSON.createObjectBuilder().add("recipientId", bounce.recipientId());
            optional(one, "reason", bounce.reason());
            list.add(one);
        }
        return JsonValues.JSON
                .createObjectBuilder()
                .add("deliveryId", deliveryId)
                .add("channel", channel)
                .add("quarantinedAt", at.toString())
                .add("recipients", list)
                .build();
    }

    private static void optional(JsonObjectBuilder builder, String key, Object value) {
        if (value instanceof String text) {
            builder.add(key, text);
        } else if (value instanceof Long number) {
            builder.add(key, number.longValue());
        }
    }
}
