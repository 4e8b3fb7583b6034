package io.crosscast.delivery.internal;

import io.crosscast.platform.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sending's counters: messages whose result was written to the ledger ({@value #MESSAGES}, by channel
 * {@code email}/{@code sms} and result {@code sent}/{@code failed}), and the SMTP server's and the SMSC's errors
 * ({@value #SMTP_ERRORS}, {@value #SMPP_ERRORS}, by kind: {@code address_rejected}, {@code rejected},
 * {@code deferred}, {@code connection_failed}). Thread-safe: the sending threads call it directly.
 */
public final class SendMeter {

    public static final String MESSAGES = "crosscast.messages";
    public static final String SMTP_ERRORS = "crosscast.smtp.errors";
    public static final String SMPP_ERRORS = "crosscast.smpp.errors";

    private final Counter emailSent;
    private final Counter emailFailed;
    private final Counter smsSent;
    private final Counter smsFailed;
    private final Map<SmtpOutcome.Kind, Counter> smtpErrors = new EnumMap<>(SmtpOutcome.Kind.class);
    private final Map<SmtpOutcome.Kind, Counter> smppErrors = new EnumMap<>(SmtpOutcome.Kind.class);

    public SendMeter(MeterRegistry registry) {
        emailSent = messages(registry, "email", "sent");
        emailFailed = messages(registry, "email", "failed");
        smsSent = messages(registry, "sms", "sent");
        smsFailed = messages(registry, "sms", "failed");
        for (SmtpOutcome.Kind kind : SmtpOutcome.Kind.values()) {
            if (kind != SmtpOutcome.Kind.ACCEPTED) {
                smtpErrors.put(kind, error(registry, SMTP_ERRORS, kind));
                smppErrors.put(kind, error(registry, SMPP_ERRORS, kind));
            }
        }
    }

    private static Counter messages(MeterRegistry registry, String channel, String result) {
        return Meters.counter(registry, MESSAGES, "channel", channel, "result", result);
    }

    private static Counter error(MeterRegistry registry, String name, SmtpOutcome.Kind kind) {
        return Meters.counter(registry, name, "kind", kind.name().toLowerCase(Locale.ROOT));
    }

    /** Counts the sent and failed results of a batch just written to the ledger (other kinds are not results). */
    public void recorded(boolean sms, List<LedgerResult> results) {
        for (LedgerResult result : results) {
            switch (result.kind()) {
                case SENT -> (sms ? smsSent : emailSent).increment();
                case FAILED, FAILED_EMAIL_QUARANTINED, FAILED_SMS_QUARANTINED ->
                    (sms ? smsFailed : emailFailed).increment();
                default -> {
                    // DEFERRED, RELEASED: tried again later
                }
            }
        }
    }

    /** Counts one answer of the SMTP server or the SMSC that is not an acceptance; ignores acceptances. */
    public void answered(boolean sms, SmtpOutcome.Kind kind) {
        Counter counter = (sms ? smppErrors : smtpErrors).get(kind);
        if (counter != null) {
            counter.increment();
        }
    }
}
