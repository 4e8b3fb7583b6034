package io.crosscast.delivery.internal;

/**
 * What became of one SMS handed to the SMSC: accepted with its message id, refused (permanent or
 * transient by the SMPP command status), or the connection failed (nothing known; stop and retry later).
 */
public record SmsAttempt(SmtpOutcome.Kind kind, String reason, String messageId) {

    /** SMPP command statuses that mean "later": throttled, queue full, system error. */
    private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(0x58, 0x14, 0x08, 0x64);
    /** Statuses that blame the destination number: invalid destination address. */
    private static final java.util.Set<Integer> BAD_NUMBER = java.util.Set.of(0x0B, 0x0C);

    public static SmsAttempt accepted(String messageId) {
        return new SmsAttempt(SmtpOutcome.Kind.ACCEPTED, null, messageId);
    }

    public static SmsAttempt refused(int commandStatus, String reason) {
        String text = reason + " (status 0x" + Integer.toHexString(commandStatus) + ")";
        if (TRANSIENT.contains(commandStatus)) {
            return new SmsAttempt(SmtpOutcome.Kind.DEFERRED, text, null);
        }
        return new SmsAttempt(
                BAD_NUMBER.contains(commandStatus) ? SmtpOutcome.Kind.ADDRESS_REJECTED : SmtpOutcome.Kind.REJECTED,
                text,
                null);
    }

    public static SmsAttempt connectionFailed(String reason) {
        return new SmsAttempt(SmtpOutcome.Kind.CONNECTION_FAILED, reason, null);
    }
}
