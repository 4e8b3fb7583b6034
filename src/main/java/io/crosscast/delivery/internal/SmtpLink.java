package io.crosscast.delivery.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.logging.Logger;

/**
 * One SMTP connection through the application's mail session, opened on the first message and reused for
 * the following ones; after a failure it is closed and the next message opens a new one.
 */
public final class SmtpLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpLink.class.getName());

    private final Session session;
    private Transport transport;

    public SmtpLink(Session session) {
        this.session = session;
    }

    /**
     * Sends one message, saved already (its headers final: {@code EmailComposer} saves what it composes; saving
     * twice scans every part's content twice), and tells what the server made of it; never throws for a refused
     * message.
     */
    public SmtpOutcome send(MimeMessage message) {
        try {
            // Not transport.isConnected(): it sends a NOOP and waits for its reply, one more round trip per message.
            // A connection that died shows as a failure of the next message, which the caller tries again.
            if (transport == null) {
                transport = session.getTransport("smtp");
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
            return SmtpOutcome.accepted();
        } catch (IllegalStateException e) {
            // The server closed the connection after its last reply (e.g. 421): "not connected".
            close();
            return new SmtpOutcome(SmtpOutcome.Kind.CONNECTION_FAILED, String.valueOf(e.getMessage()));
        } catch (MessagingException e) {
            SmtpOutcome outcome = SmtpOutcome.of(e);
            if (outcome.kind() == SmtpOutcome.Kind.CONNECTION_FAILED) {
                close();
            }
            return outcome;
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "SMTP connection closed uncleanly: " + e.getMessage());
            }
            transport = null;
        }
    }
}
