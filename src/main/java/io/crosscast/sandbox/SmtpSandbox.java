package io.crosscast.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The SMTP sandbox: when the server sets {@code crosscast.sandbox=true} (the development server of the
 * run command and the integration-test server do; real servers do not), the application runs an SMTP
 * server on the loopback address that catches everything the mail session sends, and keeps it for the
 * Outbox page. Off, nothing listens and mail goes to the SMTP server the mail session names. A taken
 * port never fails the deployment: the sandbox then reports itself unavailable.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmtpSandbox {

    private static final Logger LOG = Logger.getLogger(SmtpSandbox.class.getName());

    private volatile SandboxStatus status;
    private volatile OutboxStore outbox;
    private SandboxSmtpServer server;

    @PostConstruct
    void start() {
        SandboxSettings settings = SandboxSettings.fromSystemProperties();
        if (!settings.enabled()) {
            status = SandboxStatus.off(settings);
            LOG.info("SMTP sandbox: off (" + SandboxSettings.ENABLED + " is not true); mail goes to the SMTP"
                    + " server of the mail session java:jboss/mail/Crosscast");
            return;
        }
        OutboxStore store = new OutboxStore(settings.keep());
        int pop3Port = SandboxSettings.number(System::getProperty, SandboxSettings.POP3_PORT, -1, -1, 65_535);
        SandboxSmtpServer smtp = new SandboxSmtpServer(settings.host(), settings.port(), pop3Port, store::add);
        outbox = store;
        if (smtp.start()) {
            server = smtp;
            status = new SandboxStatus(true, true, settings.host(), smtp.port(), settings.keep(), null);
            LOG.info("SMTP sandbox: listening on " + settings.host() + ":" + smtp.port() + "; every email the"
                    + " application sends there stays in the Outbox page (latest " + settings.keep()
                    + " kept), none reaches its recipient"
                    + (smtp.pop3Port() >= 0
                            ? "; test addresses bounce into the POP3 bounce mailbox on " + settings.host() + ":"
                                    + smtp.pop3Port() + " (login " + SandboxSmtpServer.BOUNCE_LOGIN + ")"
                            : ""));
        } else {
            status = new SandboxStatus(true, false, settings.host(), settings.port(), settings.keep(), smtp.problem());
            LOG.warning("SMTP sandbox: unavailable, " + smtp.problem() + ". Mail sent to port " + settings.port()
                    + " goes to whatever listens there. Set " + SandboxSettings.PORT
                    + " (and crosscast.smtp.port) to a free port, or turn the sandbox off");
        }
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
            server = null;
            LOG.info("SMTP sandbox: stopped");
        }
    }

    public SandboxStatus status() {
        return status;
    }

    /**
     * Stops listening while keeping the received messages, as an SMTP relay that goes away: sending
     * waits and resumes. For tests and demonstrations of the send ledger's resume.
     */
    public synchronized void suspend() {
        if (server != null && server.isRunning()) {
            server.stop();
            status = new SandboxStatus(true, false, status.host(), status.port(), status.keep(), "suspended");
            LOG.info("SMTP sandbox: suspended (not listening; messages kept)");
        }
    }

    /** Listens again after {@link #suspend()}. */
    public synchronized void resume() {
        if (server != null && !server.isRunning()) {
            if (server.start()) {
                status = new SandboxStatus(true, true, status.host(), server.port(), status.keep(), null);
                LOG.info("SMTP sandbox: listening again on " + status.host() + ":" + server.port());
            } else {
                LOG.warning("SMTP sandbox: could not listen again: " + server.problem());
            }
        }
    }

    /** The received messages, when the sandbox is on (even if its server could not start: then empty). */
    public Optional<OutboxStore> outbox() {
        return Optional.ofNullable(outbox);
    }
}
