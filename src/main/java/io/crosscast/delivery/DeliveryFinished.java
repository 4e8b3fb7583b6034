package io.crosscast.delivery;

/**
 * CDI event: a delivery has nothing pending any more. {@code runId} and {@code activityId} are set when a
 * workflow activity sent it, so the run can go on at once.
 */
public record DeliveryFinished(long deliveryId, Long runId, String activityId) {}
