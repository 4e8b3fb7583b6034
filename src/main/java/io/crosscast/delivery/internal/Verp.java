package io.crosscast.delivery.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * VERP (variable envelope return path), when the administrator sets {@code crosscast.bounce.verp} to the bounce
 * mailbox's address (e.g. {@code bounces@mail.example.com}): each message's envelope sender becomes that address with
 * the message's token after a {@code +} ({@code bounces+d12.r345.<tag>@mail.example.com}, the local part of its
 * signed Message-ID), so its bounce comes back addressed to its own ledger row even when the bounce quotes nothing
 * of the message. The mail server must deliver {@code bounces+anything@} to {@code bounces@} (Postfix:
 * {@code recipient_delimiter = +}).
 */
public final class Verp {

    /** The system property naming the bounce address; unset or empty: no VERP. */
    public static final String PROPERTY = "crosscast.bounce.verp";

    private static final Pattern ID = Pattern.compile("^<?([^@<>]+)@[^>]*>?$");

    private Verp() {}

    /** The configured bounce address, or null. */
    public static String configured() {
        String value = System.getProperty(PROPERTY, "").strip();
        return value.isEmpty() || value.indexOf('@') <= 0 ? null : value;
    }

    /** {@code bounces@domain} and {@code <token@host>} give {@code bounces+token@domain}. */
    public static String address(String base, String messageId) {
        Matcher id = ID.matcher(messageId);
        if (!id.matches()) {
            throw new IllegalArgumentException("Not a Message-ID: " + messageId);
        }
        int at = base.lastIndexOf('@');
        return base.substring(0, at) + "+" + id.group(1) + base.substring(at);
    }

    /**
     * The message with this envelope sender: itself when it can carry one (a signed message already is an
     * {@link SMTPMessage}), else a copy that keeps its Message-ID.
     */
    public static MimeMessage withEnvelopeFrom(MimeMessage message, String from) throws MessagingException {
        SMTPMessage smtp = message instanceof SMTPMessage s ? s : new Copy(message);
        smtp.setEnvelopeFrom(from);
        return smtp;
    }

    private static final class Copy extends SMTPMessage {

        Copy(MimeMessage source) throws MessagingException {
            super(source);
        }

        @Override
        protected void updateMessageID() {
            // the copy has the original's Message-ID already: keep it
        }
    }
}
