package io.crosscast.delivery.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One SMTP connection to the application mail session's server, opened on the first message and reused for the
 * following ones; after a failure it is closed and the next message opens a new one. Messages go through
 * {@link SmtpPipeline} (which pipelines when the server allows it, with TLS when the session asks for it) unless
 * the session asks for what only Jakarta Mail's transport does (SASL, a proxy, its own trust settings) or pipelining
 * is turned off: then through that transport, one message and four round trips at a time.
 */
public final class SmtpLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpLink.class.getName());

    private final Session session;
    private final SmtpPipeline pipeline;
    private Transport transport;

    public SmtpLink(Session session) {
        this.session = session;
        SmtpPipeline.Settings settings = SmtpPipeline.settings(session);
        this.pipeline = settings == null ? null : new SmtpPipeline(settings);
    }

    /**
     * Hands one message over, saved already (its headers final: {@code EmailComposer} saves what it composes; saving
     * twice scans every part's content twice). {@code done} hears what the server made of it, now or during a later
     * {@code send} or {@link #finish()} (a pipelined message's answer comes with the next one's); never throws for a
     * refused message. A connection that turns out dead when reused is replaced once (relays close idle ones).
     */
    public void send(MimeMessage message, Consumer<SmtpOutcome> done) {
        if (pipeline != null) {
            pipeline.send(message, done);
            return;
        }
        SmtpOutcome outcome = sendThroughTransport(message);
        if (outcome.kind() == SmtpOutcome.Kind.CONNECTION_FAILED) {
            outcome = sendThroughTransport(message);
        }
        done.accept(outcome);
    }

    /** Waits for the answer to every message handed over. */
    public void finish() {
        if (pipeline != null) {
            pipeline.finish();
        }
    }

    /** Sends one message and waits for its answer. */
    public SmtpOutcome send(MimeMessage message) {
        AtomicReference<SmtpOutcome> outcome = new AtomicReference<>();
        send(message, outcome::set);
        finish();
        return outcome.get();
    }

    private SmtpOutcome sendThroughTransport(MimeMessage message) {
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
            closeTransport();
            return new SmtpOutcome(SmtpOutcome.Kind.CONNECTION_FAILED, String.valueOf(e.getMessage()));
        } catch (MessagingException e) {
            SmtpOutcome outcome = SmtpOutcome.of(e);
            if (outcome.kind() == SmtpOutcome.Kind.CONNECTION_FAILED) {
                closeTransport();
            }
            return outcome;
        }
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        closeTransport();
    }

    private void closeTransport() {
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
