package io.crosscast.tracking;

import java.time.Instant;

/**
 * CDI event: a recipient has just opted out of email through a delivery's unsubscribe link. Fired synchronously
 * inside the transaction that writes the opt-out, so an observer that records it commits or rolls back with it.
 */
public record RecipientUnsubscribed(long recipientId, long deliveryId, Instant at) {}
