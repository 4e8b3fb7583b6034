package io.crosscast.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The SMPP sandbox: with the SMTP sandbox ({@code crosscast.sandbox=true}: the development server of the run
 * command and the integration-test server; real servers never), the application runs a small SMSC
 * ({@link SandboxSmsc}) on the loopback address, port {@code crosscast.sandbox.smpp.port}, that accepts any
 * bind, keeps every text message submitted for the Outbox page, sends delivery receipts back and can
 * simulate replies from phones. Off, nothing listens and the SMPP client connects to the SMSC its
 * {@code crosscast.smpp.*} properties name. A taken port never fails the deployment: the sandbox then reports
 * itself unavailable.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmppSandbox {

    private static final Logger LOG = Logger.getLogger(SmppSandbox.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    private volatile SandboxStatus status;
    private volatile SmsOutboxStore outbox;
    private volatile Duration receiptDelay = Duration.ofMillis(SmppSandboxSettings.DEFAULT_RECEIPT_DELAY_MILLIS);
    private SandboxSmsc server;

    @PostConstruct
    void start() {
        SmppSandboxSettings settings = SmppSandboxSettings.fromSystemProperties();
        receiptDelay = settings.receiptDelay();
        if (!settings.enabled()) {
            status = new SandboxStatus(false, false, settings.host(), settings.port(), settings.keep(), null);
            LOG.info("SMPP sandbox: off (" + SandboxSettings.ENABLED + " is not true); text messages go to the SMSC"
                    + " of the crosscast.smpp.* system properties");
            return;
        }
        SmsOutboxStore store = new SmsOutboxStore(settings.keep());
        SandboxSmsc smsc = new SandboxSmsc(
                settings.host(), settings.port(), settings.receiptDelay(), store, threads, Clock.systemUTC());
        outbox = store;
        if (smsc.start()) {
            server = smsc;
            status = new SandboxStatus(true, true, settings.host(), smsc.port(), settings.keep(), null);
            LOG.info("SMPP sandbox: listening on " + settings.host() + ":" + smsc.port() + "; every text message"
                    + " submitted there stays in the Outbox page (latest " + settings.keep() + " kept), none reaches"
                    + " a phone; receipts follow after "
                    + settings.receiptDelay().toMillis() + " ms");
        } else {
            status = new SandboxStatus(true, false, settings.host(), settings.port(), settings.keep(), smsc.problem());
            LOG.warning("SMPP sandbox: unavailable, " + smsc.problem() + ". Text messages sent to port "
                    + settings.port() + " go to whatever listens there. Set " + SmppSandboxSettings.PORT
                    + " (and crosscast.smpp.port) to a free port, or turn the sandbox off");
        }
    }

    @PreDestroy
    void stop() {
        SandboxSmsc smsc;
        synchronized (this) {
            smsc = server;
            server = null;
        }
        if (smsc != null) {
            smsc.stop();
            LOG.info("SMPP sandbox: stopped");
        }
    }

    public SandboxStatus status() {
        return status;
    }

    /** How long after a message its delivery receipt is sent. */
    public Duration receiptDelay() {
        return receiptDelay;
    }

    /**
     * Stops listening and drops every session while keeping the received messages, as an SMSC that goes
     * away: the client must reconnect once it is back. For tests and demonstrations.
     */
    public synchronized void suspend() {
        if (server != null && server.isRunning()) {
            server.stop();
            status = new SandboxStatus(true, false, status.host(), status.port(), status.keep(), "suspended");
            LOG.info("SMPP sandbox: suspended (not listening, sessions dropped; messages kept)");
        }
    }

    /** Listens again after {@link #suspend()}. */
    public synchronized void resume() {
        if (server != null && !server.isRunning()) {
            if (server.start()) {
                status = new SandboxStatus(true, true, status.host(), server.port(), status.keep(), null);
                LOG.info("SMPP sandbox: listening again on " + status.host() + ":" + server.port());
            } else {
                LOG.warning("SMPP sandbox: could not listen again: " + server.problem());
            }
        }
    }

    /**
     * Sends a reply from a phone (a mobile-originated message such as STOP) to the application's sessions
     * bound to receive, one per system id.
     *
     * @return how many sessions accepted it: 0 when the sandbox is off or no session is bound to receive
     */
    public int inbound(String fromNumber, String toSenderId, String text) {
        SandboxSmsc smsc;
        synchronized (this) {
            smsc = server != null && server.isRunning() ? server : null;
        }
        return smsc == null ? 0 : smsc.inbound(fromNumber, toSenderId, text);
    }

    /** How many SMPP sessions are bound now. */
    public int boundSessions() {
        SandboxSmsc smsc;
        synchronized (this) {
            smsc = server;
        }
        return smsc == null ? 0 : smsc.boundSessions();
    }

    /** The received text messages, when the sandbox is on (even if its SMSC could not start: then empty). */
    public Optional<SmsOutboxStore> outbox() {
        return Optional.ofNullable(outbox);
    }
}
