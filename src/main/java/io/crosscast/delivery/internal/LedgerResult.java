package io.crosscast.delivery.internal;

import java.time.Instant;

/**
 * What became of one claimed or read ledger row, to be written with others of its batch.
 *
 * @param recipientId the row's recipient
 * @param kind        what to write
 * @param messageId   SENT: the message's id
 * @param reason      FAILED, DEFERRED: the reason in the ledger
 * @param attempts    DEFERRED: tries so far
 * @param retryAt     DEFERRED: when to try again
 */
public record LedgerResult(
        long recipientId, Kind kind, String messageId, String reason, int attempts, Instant retryAt) {

    public enum Kind {
        /** Accepted by the peer. */
        SENT,
        /** Failed for good. */
        FAILED,
        /** Failed for good because the peer refused the email address: the address is quarantined too. */
        FAILED_EMAIL_QUARANTINED,
        /** Failed for good because the SMSC refused the number: the number is quarantined too. */
        FAILED_SMS_QUARANTINED,
        /** Failed for now: tried again at {@code retryAt}. */
        DEFERRED,
        /** Not tried (the sending stopped first): the claim is given back, the row stays as it was. */
        RELEASED
    }

    /**
     * The result of one try: accepted (with the message id), refused (the address quarantined when the peer
     * refused it), or deferred until the next try (failed once the tries are used up); null when the connection
     * failed (nothing is known: the row is not written).
     */
    public static LedgerResult of(
            PendingMessage message,
            SmtpOutcome.Kind kind,
            String reason,
            String messageId,
            boolean sms,
            SendSettings settings,
            Instant now) {
        return switch (kind) {
            case ACCEPTED -> sent(message.recipientId(), messageId);
            case ADDRESS_REJECTED -> quarantined(message.recipientId(), sms, reason);
            case REJECTED -> failed(message.recipientId(), reason);
            case DEFERRED -> {
                int attempts = message.attempts() + 1;
                yield attempts >= settings.maxAttempts()
                        ? failed(
                                message.recipientId(),
                                io.crosscast.delivery.LedgerReason.GAVE_UP.format(attempts, reason))
                        : deferred(message.recipientId(), reason, attempts, now.plus(settings.retryDelay(attempts)));
            }
            case CONNECTION_FAILED -> null;
        };
    }

    public static LedgerResult sent(long recipientId, String messageId) {
        return new LedgerResult(recipientId, Kind.SENT, messageId, null, 0, null);
    }

    public static LedgerResult failed(long recipientId, String reason) {
        return new LedgerResult(recipientId, Kind.FAILED, null, reason, 0, null);
    }

    public static LedgerResult quarantined(long recipientId, boolean sms, String reason) {
        return new LedgerResult(
                recipientId, sms ? Kind.FAILED_SMS_QUARANTINED : Kind.FAILED_EMAIL_QUARANTINED, null, reason, 0, null);
    }

    public static LedgerResult deferred(long recipientId, String reason, int attempts, Instant retryAt) {
        return new LedgerResult(recipientId, Kind.DEFERRED, null, reason, attempts, retryAt);
    }

    public static LedgerResult released(long recipientId) {
        return new LedgerResult(recipientId, Kind.RELEASED, null, null, 0, null);
    }
}
