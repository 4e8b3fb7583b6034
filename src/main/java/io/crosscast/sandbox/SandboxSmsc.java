package io.crosscast.sandbox;

import io.crosscast.delivery.sms.SmsContent;
import io.crosscast.delivery.sms.SmsSegments;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;

/**
 * A small SMSC on one address, built on jSMPP's server side, for development and tests: what the
 * application's SMPP client sends goes nowhere but into an {@link SmsOutboxStore}.
 *
 * <ul>
 * <li>Any bind (transmitter, receiver, transceiver) with any system id and password is accepted.</li>
 * <li>submit_sm is answered with a unique message id (16 hex digits, unique across restarts too). The text
 * is decoded by {@code data_coding} (0: GSM-7 as unpacked septets, 8: UCS-2...; {@link SmsSegments#decode}),
 * from {@code message_payload} when the message has one; concatenated messages (UDH with an 8- or 16-bit
 * reference, or the sar_* TLVs) are reassembled before they are stored, one entry per message. Parts still
 * missing after {@link #PARTS_TIMEOUT} leave the message stored incomplete.</li>
 * <li>When the sender asked for a receipt ({@code registered_delivery}), the receipt of a message goes
 * {@code receiptDelay} after its submit_sm_resp (of its last part) to a session bound as receiver or
 * transceiver with the sender's system id (the submitting one if it can receive): a deliver_sm with
 * {@code esm_class} 0x04 (SMSC delivery receipt), TLVs receipted_message_id and message_state, and the text
 * {@code id:<id> sub:001 dlvrd:001 submit date:yymmddhhmm done date:yymmddhhmm stat:DELIVRD err:000
 * text:<first 20 characters>} (dates in UTC). The id is that of the message's first part: one receipt per
 * message, also for concatenated ones.</li>
 * <li><b>Test hook:</b> destination numbers ending in {@code 0000} are not delivered: their receipt says
 * {@code dlvrd:000 ... stat:UNDELIV err:001} (message_state 5, undeliverable).</li>
 * <li>{@link #inbound} sends a mobile-originated message (a reply such as STOP) as a deliver_sm to one
 * receiving session per system id.</li>
 * <li>submit_multi, data_sm, query_sm, replace_sm, cancel_sm and the broadcast operations are refused with
 * an SMPP error status.</li>
 * </ul>
 *
 * <p>Its parts: {@link SmscSessions} accepts connections and binds, and knows the bound sessions;
 * {@link SmscPduTable} says what each request PDU gets; {@link SmscSubmissions} accepts submit_sm into the
 * outbox; {@link SmscReceipts} schedules and sends the receipts. This class starts and stops them, and sends
 * the replies ({@link #inbound}).
 *
 * <p>Threads: an accepting thread and one short-lived thread per connection waiting for its bind, from the
 * given factory (the server's managed thread factory), a small scheduler of the same factory for receipts,
 * plus jSMPP's own threads per session (PDU reader, PDU processors, enquire_link), which only call into these
 * classes and the store. {@link #stop()} closes the port and every session, and ends all of them. Starting
 * never throws: when the port is taken {@link #start()} answers false and {@link #problem()} says why.
 */
public final class SandboxSmsc {

    /** The system id the sandbox answers binds with. */
    public static final String SYSTEM_ID = "sandbox";

    /** How long the parts of a concatenated message are awaited before it is stored incomplete. */
    public static final Duration PARTS_TIMEOUT = Duration.ofMinutes(5);

    /** The destination numbers ending with this are not delivered (receipt {@code stat:UNDELIV}). */
    public static final String UNDELIVERABLE_SUFFIX = "0000";

    private static final Logger LOG = Logger.getLogger(SandboxSmsc.class.getName());
    private static final OptionalParameter[] NO_PARAMETERS = {};

    private final String host;
    private final int port;
    private final ThreadFactory threads;

    private final SmscSessions sessions;
    private final SmscReceipts receipts;
    private final SmscSubmissions submissions;
    private final SmscPduTable pdus;

    private volatile boolean running;
    private SMPPServerSessionListener listener;
    private ScheduledThreadPoolExecutor scheduler;
    private Thread acceptor;
    private int boundPort;
    private String problem;

    /**
     * An SMSC on {@code host:port} (port 0: any free port, see {@link #port()} once started).
     *
     * @param threads where its own threads come from (in the server: the managed thread factory)
     */
    public SandboxSmsc(
            String host, int port, Duration receiptDelay, SmsOutboxStore store, ThreadFactory threads, Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        Objects.requireNonNull(receiptDelay, "receiptDelay");
        Objects.requireNonNull(store, "store");
        this.threads = Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(clock, "clock");
        this.sessions = new SmscSessions(threads, this::isRunning);
        this.receipts = new SmscReceipts(receiptDelay, store, sessions, clock, this::timer);
        this.submissions = new SmscSubmissions(store, sessions, receipts, clock);
        this.pdus = new SmscPduTable(submissions, receipts);
    }

    /** Starts listening; false, with {@link #problem()} set, when it cannot. */
    public synchronized boolean start() {
        if (running) {
            return true;
        }
        String taken = SandboxPorts.problem(host, port);
        if (taken != null) {
            problem = taken;
            return false;
        }
        LoopbackServerSockets factory;
        SMPPServerSessionListener serverListener;
        try {
            factory = new LoopbackServerSockets(InetAddress.getByName(host));
            serverListener = new SMPPServerSessionListener(port, 0, LoopbackServerSockets.BACKLOG, factory);
        } catch (IOException e) {
            problem = "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")";
            return false;
        }
        serverListener.setSessionStateListener(sessions::stateChanged);
        serverListener.setMessageReceiverListener(pdus);
        serverListener.setResponseDeliveryListener(pdus);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, threads);
        timer.setRemoveOnCancelPolicy(true);
        Thread accepting = sessions.acceptor(serverListener, factory);
        if (accepting == null) {
            closeQuietly(serverListener);
            timer.shutdownNow();
            problem = "no thread to accept connections (the server is stopping)";
            return false;
        }
        timer.scheduleWithFixedDelay(submissions::expireParts, 30, 30, TimeUnit.SECONDS);
        listener = serverListener;
        scheduler = timer;
        acceptor = accepting;
        boundPort = factory.port();
        running = true;
        problem = null;
        accepting.start();
        return true;
    }

    /**
     * Stops listening, closes every session (without unbinding: as a link that goes down) and ends the
     * sandbox's threads. Receipts not sent yet are marked failed; parts of incomplete messages are kept.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        closeQuietly(listener);
        sessions.closeAll();
        scheduler.shutdownNow();
        receipts.failPending();
        join(acceptor);
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener = null;
        scheduler = null;
        acceptor = null;
    }

    public boolean isRunning() {
        return running;
    }

    public String host() {
        return host;
    }

    /** The port it listens on: the one asked for, or the one given when that was 0. */
    public synchronized int port() {
        return running ? boundPort : port;
    }

    /** Why the last start failed, or null. */
    public synchronized String problem() {
        return problem;
    }

    /** The sessions bound now, with their system ids. */
    public int boundSessions() {
        return sessions.count();
    }

    /**
     * Sends a mobile-originated message, as a phone's reply: a deliver_sm from {@code fromNumber} to
     * {@code toSenderId}, to one receiving session (receiver or transceiver) of each bound system id. The text
     * goes in GSM-7 (data_coding 0, unpacked septets) or UCS-2 (8); beyond one message, whole in a
     * {@code message_payload}.
     *
     * @param fromNumber the phone number, international with {@code +} (sent without it, TON international,
     *                   NPI ISDN) or as it is
     * @param toSenderId the sender id or number the phone answers (alphanumeric: TON alphanumeric)
     * @return how many sessions accepted it (0 when none is bound to receive)
     */
    public int inbound(String fromNumber, String toSenderId, String text) {
        Objects.requireNonNull(fromNumber, "fromNumber");
        Objects.requireNonNull(toSenderId, "toSenderId");
        SmsContent content = SmsContent.of(Objects.requireNonNull(text, "text"));
        byte[] payload = content.payload();
        boolean single = content.parts() == 1 && payload.length <= 254;
        SmppAddress source = SmppAddress.parse(fromNumber);
        SmppAddress destination = SmppAddress.parse(toSenderId);
        Set<String> served = new HashSet<>();
        int delivered = 0;
        for (Map.Entry<SMPPServerSession, String> entry : sessions.snapshot()) {
            SMPPServerSession session = entry.getKey();
            if (!session.getSessionState().isReceivable() || served.contains(entry.getValue())) {
                continue;
            }
            try {
                session.deliverShortMessage(
                        "",
                        source.ton(),
                        source.npi(),
                        source.address(),
                        destination.ton(),
                        destination.npi(),
                        destination.address(),
                        new ESMClass(),
                        (byte) 0,
                        (byte) 0,
                        new RegisteredDelivery(),
                        new RawDataCoding(content.dataCoding()),
                        single ? payload : new byte[0],
                        single
                                ? NO_PARAMETERS
                                : new OptionalParameter[] {new OptionalParameter.Message_payload(payload)});
                served.add(entry.getValue());
                delivered++;
            } catch (PDUException
                    | ResponseTimeoutException
                    | NegativeResponseException
                    | InvalidResponseException
                    | IOException
                    | RuntimeException e) {
                LOG.log(
                        Level.INFO,
                        "SMPP sandbox: a reply could not be delivered to session " + session.getSessionId() + " ("
                                + entry.getValue() + "): " + e,
                        e);
            }
        }
        return delivered;
    }

    /** Where receipts are scheduled while the sandbox runs; null once it stopped. */
    private synchronized ScheduledExecutorService timer() {
        return running ? scheduler : null;
    }

    private static void join(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SMPPServerSessionListener serverListener) {
        if (serverListener == null) {
            return;
        }
        try {
            serverListener.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "SMPP sandbox: closing the port failed", e);
        }
    }
}
