package io.crosscast.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One event for one subscription, as its delivery log shows it: the outbox row ({@code id} is the
 * {@code Crosscast-Delivery-Id}), its status and its attempts, oldest first.
 */
public record WebhookCall(
        long id,
        String eventId,
        String event,
        String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> tries)
        implements java.io.Serializable {

    /** One POST: when, the HTTP status answered (null when none came) or the error, and how long it took. */
    public record Attempt(int number, Instant at, Integer httpStatus, String error, long millis)
            implements java.io.Serializable {}
}
