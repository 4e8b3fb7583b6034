package io.crosscast.delivery.internal;

import jakarta.mail.MessagingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What became of one message handed to the SMTP server. Reply codes are read from the exceptions Jakarta
 * Mail throws (their messages start with the server's reply, e.g. {@code 550 5.1.1 User unknown}): 5xx
 * is permanent, 4xx transient; an exception without a reply code means the connection itself failed.
 *
 * @param kind    accepted, or how it failed
 * @param reason  the server's reply or the error, for the ledger (null when accepted)
 */
public record SmtpOutcome(Kind kind, String reason) {

    public enum Kind {
        /** The server accepted the message. */
        ACCEPTED,
        /** The server refused this address for good (5xx on the recipient): quarantine the address. */
        ADDRESS_REJECTED,
        /** The server refused the message for good (5xx). */
        REJECTED,
        /** The server asked to try again later (4xx). */
        DEFERRED,
        /** No reply: the connection failed. Nothing is known about this message; stop and retry later. */
        CONNECTION_FAILED
    }

    private static final Pattern REPLY = Pattern.compile("^\\s*([245])\\d\\d[\\s-]");

    public static SmtpOutcome accepted() {
        return new SmtpOutcome(Kind.ACCEPTED, null);
    }

    /** Classifies a failure by the first SMTP reply code found in the exception chain. */
    public static SmtpOutcome of(MessagingException failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            String message = t.getMessage();
            Matcher reply = message == null ? null : REPLY.matcher(message);
            if (reply != null && reply.find()) {
                String text = shorten(message.strip());
                boolean address = t instanceof jakarta.mail.internet.AddressException;
                return switch (reply.group(1)) {
                    case "5" -> new SmtpOutcome(address ? Kind.ADDRESS_REJECTED : Kind.REJECTED, text);
                    case "4" -> new SmtpOutcome(Kind.DEFERRED, text);
                    default -> new SmtpOutcome(Kind.CONNECTION_FAILED, text);
                };
            }
        }
        return new SmtpOutcome(Kind.CONNECTION_FAILED, shorten(String.valueOf(failure.getMessage())));
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 497) + "...";
    }
}
