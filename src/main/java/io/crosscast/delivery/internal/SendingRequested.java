package io.crosscast.delivery.internal;

/**
 * CDI event: a delivery was started or resumed. Once the transaction that did it commits, {@link SendingKick}
 * starts the sending at once rather than when the scheduler next looks at its triggers (up to its idle wait).
 */
public record SendingRequested(long deliveryId) {}
