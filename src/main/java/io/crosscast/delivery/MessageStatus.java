package io.crosscast.delivery;

/** The state of one recipient's message in a delivery's send ledger. */
public enum MessageStatus {
    /** To be sent (now, or after {@code next_attempt_at} when a transient error was met). */
    PENDING,
    /** Accepted by the server (SMTP relay or SMSC). */
    SENT,
    /** Will not be sent: a permanent error, or too many transient ones. */
    FAILED,
    /** Never to be sent; the reason is an {@link ExclusionReason}. */
    EXCLUDED,
    /** SMS only: the receipt says the phone got it. */
    DELIVERED,
    /** SMS only: the receipt says the phone never got it. */
    UNDELIVERED
}
