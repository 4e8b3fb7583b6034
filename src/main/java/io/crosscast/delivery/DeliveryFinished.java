package io.crosscast.delivery;

/**
 * CDI event: a delivery has nothing pending any more. {@code runId} and {@code activityId} are set when a
 * workflow activity sent it, so the run can go on at once. Fired inside the transaction that marks the delivery
 * SENT: an observer that records it (the webhook outbox) commits with it; one that acts on it observes
 * {@code during = AFTER_SUCCESS}.
 */
public record DeliveryFinished(long deliveryId, Long runId, String activityId) {}
