package io.crosscast.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Being written: content may change, nothing is targeted or sent. */
    DRAFT,
    /** Its ledger is being worked through: pending messages are sent, transient failures retried. */
    SENDING,
    /** Stopped for a while by a user: nothing goes out until it is resumed (then it is SENDING again). */
    PAUSED,
    /** Nothing pending any more: every targeted recipient is sent, failed or excluded. */
    SENT,
    /** Stopped by a user: pending messages will never be sent. */
    CANCELLED
}
