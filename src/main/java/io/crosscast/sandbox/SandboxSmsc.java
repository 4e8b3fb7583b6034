package io.crosscast.sandbox;

import io.crosscast.delivery.sms.SmsContent;
import io.crosscast.delivery.sms.SmsSegments;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

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
 * <p>Threads: an accepting thread and one short-lived thread per connection waiting for its bind, from the
 * given factory (the server's managed thread factory), a small scheduler of the same factory for receipts,
 * plus jSMPP's own threads per session (PDU reader, PDU processors, enquire_link), which only call into this
 * class and the store. {@link #stop()} closes the port and every session, and ends all of them. Starting
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
    private static final DateTimeFormatter RECEIPT_DATE =
            DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final long BIND_TIMEOUT_MILLIS = 10_000;
    private static final OptionalParameter[] NO_PARAMETERS = {};

    private final String host;
    private final int port;
    private final Duration receiptDelay;
    private final SmsOutboxStore store;
    private final ThreadFactory threads;
    private final Clock clock;

    private final long idBase;
    private final AtomicLong idCounter = new AtomicLong();
    private final SmsAssembler<Part> assembler = new SmsAssembler<>();
    /** Bound sessions and their system ids. */
    private final Map<SMPPServerSession, String> sessions = new ConcurrentHashMap<>();
    /** Receipts waiting for the submit_sm_resp of the part that completed their message, by its message id. */
    private final Map<String, Receipt> awaitingResponse = new ConcurrentHashMap<>();
    /** Receipts scheduled, by outbox id. */
    private final Map<Long, Receipt> scheduled = new ConcurrentHashMap<>();
    private final Handler handler = new Handler();

    private volatile boolean running;
    private SMPPServerSessionListener listener;
    private LoopbackServerSockets sockets;
    private ScheduledThreadPoolExecutor scheduler;
    private Thread acceptor;
    private int boundPort;
    private String problem;

    /**
     * An SMSC on {@code host:port} (port 0: any free port, see {@link #port()} once started).
     *
     * @param threads where its own threads come from (in the server: the managed thread factory)
     */
    public SandboxSmsc(String host, int port, Duration receiptDelay, SmsOutboxStore store, ThreadFactory threads,
            Clock clock) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.receiptDelay = Objects.requireNonNull(receiptDelay, "receiptDelay");
        this.store = Objects.requireNonNull(store, "store");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Message ids: 40 bits of the start time in milliseconds, then a 20-bit counter: unique across restarts
        // unless a run received more than a million messages per millisecond elapsed before the next start.
        this.idBase = (clock.millis() & 0xFF_FFFF_FFFFL) << 20;
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
        serverListener.setSessionStateListener(this::stateChanged);
        serverListener.setMessageReceiverListener(handler);
        serverListener.setResponseDeliveryListener(handler);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(2, threads);
        timer.setRemoveOnCancelPolicy(true);
        Thread accepting = threads.newThread(() -> accept(serverListener, factory));
        if (accepting == null) {
            closeQuietly(serverListener);
            timer.shutdownNow();
            problem = "no thread to accept connections (the server is stopping)";
            return false;
        }
        nameThread(accepting, "sandbox-smsc-accept-" + factory.port());
        timer.scheduleWithFixedDelay(this::expireParts, 30, 30, TimeUnit.SECONDS);
        listener = serverListener;
        sockets = factory;
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
        for (SMPPServerSession session : List.copyOf(sessions.keySet())) {
            session.close();
        }
        sessions.clear();
        scheduler.shutdownNow();
        awaitingResponse.values().forEach(r -> store.receipt(r.outboxId(), SmsReceipt.FAILED));
        awaitingResponse.clear();
        scheduled.values().forEach(r -> store.receipt(r.outboxId(), SmsReceipt.FAILED));
        scheduled.clear();
        join(acceptor);
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener = null;
        sockets = null;
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
        return sessions.size();
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
        for (Map.Entry<SMPPServerSession, String> entry : List.copyOf(sessions.entrySet())) {
            SMPPServerSession session = entry.getKey();
            if (!session.getSessionState().isReceivable() || served.contains(entry.getValue())) {
                continue;
            }
            try {
                session.deliverShortMessage("", source.ton(), source.npi(), source.address(), destination.ton(),
                        destination.npi(), destination.address(), new ESMClass(), (byte) 0, (byte) 0,
                        new RegisteredDelivery(), new RawDataCoding(content.dataCoding()),
                        single ? payload : new byte[0],
                        single ? NO_PARAMETERS : new OptionalParameter[] {new OptionalParameter.Message_payload(payload)});
                served.add(entry.getValue());
                delivered++;
            } catch (PDUException | ResponseTimeoutException | NegativeResponseException
                    | InvalidResponseException | IOException | RuntimeException e) {
                LOG.log(Level.INFO, "SMPP sandbox: a reply could not be delivered to session "
                        + session.getSessionId() + " (" + entry.getValue() + "): " + e, e);
            }
        }
        return delivered;
    }

    // --- accepting and binding

    private void accept(SMPPServerSessionListener serverListener, LoopbackServerSockets factory) {
        while (running) {
            SMPPServerSession session;
            try {
                session = serverListener.accept();
            } catch (IOException e) {
                if (!running || factory.closed()) {
                    return;
                }
                LOG.log(Level.WARNING, "SMPP sandbox: accepting a connection failed", e);
                continue;
            }
            Thread binding = threads.newThread(() -> bind(session));
            if (binding == null) {
                session.close();
            } else {
                nameThread(binding, "sandbox-smsc-bind-" + session.getSessionId());
                binding.start();
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT_MILLIS);
            String systemId = request.getSystemId() == null ? "" : request.getSystemId();
            sessions.put(session, systemId);
            request.accept(SYSTEM_ID, InterfaceVersion.IF_34);
            if (!running || !session.getSessionState().isNotClosed()) {
                sessions.remove(session);
                session.close();
            } else {
                LOG.fine(() -> "SMPP sandbox: " + request.getBindType() + " bound, system id " + systemId);
            }
        } catch (TimeoutException e) {
            LOG.fine("SMPP sandbox: a connection sent no bind in time; closed");
            session.close();
        } catch (PDUStringException | IOException | RuntimeException e) {
            LOG.log(Level.INFO, "SMPP sandbox: a bind failed", e);
            sessions.remove(session);
            session.close();
        }
    }

    private void stateChanged(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
            sessions.remove(source);
        }
    }

    // --- receiving

    /** One submit_sm as read: who sent it to whom, its part of the text, and what receipt it asked for. */
    private record Part(Instant receivedAt, String systemId, SMPPServerSession session, SmppAddress source,
            SmppAddress destination, String messageId, String encoding, SmsSegments.Segment segment,
            int registeredDelivery) {
    }

    /** A receipt to send: for outbox entry {@code outboxId}, about message {@code messageId}. */
    private record Receipt(long outboxId, String systemId, SMPPServerSession submitter, SmppAddress source,
            SmppAddress destination, String messageId, Instant submitted, boolean delivered, String text) {
    }

    private SubmitSmResult submitted(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        String messageId = nextMessageId();
        MessageId id;
        try {
            id = new MessageId(messageId);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("Bad message id " + messageId, SMPPConstant.STAT_ESME_RSYSERR, e);
        }
        Part part = read(submit, session, messageId);
        Optional<List<Part>> complete;
        if (!part.segment().concatenated()) {
            complete = Optional.of(List.of(part));
        } else {
            SmsAssembler.Key key = new SmsAssembler.Key(part.systemId(), part.source().address(),
                    part.destination().address(), part.segment().reference(), part.segment().total());
            synchronized (assembler) {
                complete = assembler.add(key, part.segment().number(), part, part.receivedAt());
            }
        }
        complete.ifPresent(parts -> {
            Receipt receipt = keep(parts, true);
            if (receipt != null) {
                awaitingResponse.put(messageId, receipt);
            }
        });
        return new SubmitSmResult(id, NO_PARAMETERS);
    }

    private Part read(SubmitSm submit, SMPPServerSession session, String messageId) {
        byte[] octets = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
        OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if (octets.length == 0 && payload instanceof OptionalParameter.OctetString octetString) {
            octets = octetString.getValue();
        }
        SmsSegments.Segment segment = SmsSegments.decode(submit.getDataCoding(), submit.getEsmClass(), octets);
        if (!segment.concatenated()) {
            segment = sar(submit, segment);
        }
        String systemId = sessions.getOrDefault(session, "");
        return new Part(clock.instant(), systemId, session,
                SmppAddress.of(submit.getSourceAddrTon(), submit.getSourceAddrNpi(), submit.getSourceAddr()),
                SmppAddress.of(submit.getDestAddrTon(), submit.getDestAddrNpi(), submit.getDestAddress()), messageId,
                encoding(submit.getDataCoding()), segment, submit.getRegisteredDelivery());
    }

    /** The segment placed by the sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs, if any. */
    private static SmsSegments.Segment sar(SubmitSm submit, SmsSegments.Segment segment) {
        OptionalParameter reference = submit.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        OptionalParameter total = submit.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
        OptionalParameter number = submit.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
        if (reference instanceof OptionalParameter.Short ref && total instanceof OptionalParameter.Byte of
                && number instanceof OptionalParameter.Byte seq) {
            int parts = of.getValue() & 0xFF;
            int n = seq.getValue() & 0xFF;
            if (parts > 1 && n >= 1 && n <= parts) {
                return new SmsSegments.Segment(segment.text(), ref.getValue() & 0xFFFF, parts, n);
            }
        }
        return segment;
    }

    /**
     * Stores a message from its parts (null for missing ones) and returns its receipt when one is to be
     * sent, else null.
     */
    private Receipt keep(List<Part> parts, boolean complete) {
        Part first = parts.stream().filter(Objects::nonNull).findFirst().orElseThrow();
        StringBuilder text = new StringBuilder();
        List<String> messageIds = new ArrayList<>(parts.size());
        boolean onSuccess = false;
        boolean onFailure = false;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part == null) {
                text.append("[part ").append(i + 1).append(" of ").append(parts.size()).append(" missing]");
                continue;
            }
            text.append(part.segment().text());
            messageIds.add(part.messageId());
            int requested = part.registeredDelivery() & 0x03;
            onSuccess |= requested == 1 || requested == 3;
            onFailure |= requested == 1 || requested == 2;
        }
        boolean delivered = !first.destination().address().endsWith(UNDELIVERABLE_SUFFIX);
        boolean wanted = complete && (delivered ? onSuccess : onFailure);
        SmsReceipt state = !complete ? SmsReceipt.INCOMPLETE : wanted ? SmsReceipt.PENDING : SmsReceipt.NOT_REQUESTED;
        OutboxSms stored = store.add(new OutboxSms(0, first.receivedAt(), first.systemId(), first.source().shown(),
                first.destination().shown(), text.toString(), parts.size(), first.encoding(), messageIds, state));
        if (!wanted) {
            return null;
        }
        return new Receipt(stored.id(), first.systemId(), first.session(), first.source(), first.destination(),
                first.messageId(), first.receivedAt(), delivered, stored.text());
    }

    private void expireParts() {
        List<List<Part>> expired;
        synchronized (assembler) {
            expired = assembler.expire(clock.instant(), PARTS_TIMEOUT);
        }
        expired.forEach(parts -> keep(parts, false));
    }

    // --- receipts

    private void responded(String messageId) {
        Receipt receipt = awaitingResponse.remove(messageId);
        if (receipt == null) {
            return;
        }
        ScheduledThreadPoolExecutor timer;
        synchronized (this) {
            timer = running ? scheduler : null;
        }
        if (timer == null) {
            store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
            return;
        }
        scheduled.put(receipt.outboxId(), receipt);
        try {
            timer.schedule(() -> sendReceipt(receipt), receiptDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            scheduled.remove(receipt.outboxId());
            store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
        }
    }

    private void sendReceipt(Receipt receipt) {
        if (scheduled.remove(receipt.outboxId()) == null) {
            return;
        }
        SMPPServerSession target = receiverFor(receipt);
        if (target == null) {
            store.receipt(receipt.outboxId(), SmsReceipt.NO_RECEIVER);
            return;
        }
        byte state = receipt.delivered() ? (byte) 2 : (byte) 5; // message_state DELIVERED, UNDELIVERABLE
        try {
            // From the phone back to the sender: the submission's addresses swapped.
            target.deliverShortMessage("", receipt.destination().ton(), receipt.destination().npi(),
                    receipt.destination().address(), receipt.source().ton(), receipt.source().npi(),
                    receipt.source().address(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(), new RawDataCoding((byte) 0),
                    receiptText(receipt, clock.instant()).getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(receipt.messageId()),
                    new OptionalParameter.Message_state(state));
            store.receipt(receipt.outboxId(), receipt.delivered() ? SmsReceipt.DELIVERED : SmsReceipt.UNDELIVERED);
        } catch (PDUException | ResponseTimeoutException | NegativeResponseException
                | InvalidResponseException | IOException | RuntimeException e) {
            LOG.log(Level.INFO, "SMPP sandbox: the receipt of " + receipt.messageId() + " could not be sent: " + e, e);
            store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
        }
    }

    /** The submitting session when it can receive, else any receiving session of the same system id. */
    private SMPPServerSession receiverFor(Receipt receipt) {
        SMPPServerSession submitter = receipt.submitter();
        if (sessions.containsKey(submitter) && submitter.getSessionState().isReceivable()) {
            return submitter;
        }
        for (Map.Entry<SMPPServerSession, String> entry : sessions.entrySet()) {
            if (entry.getValue().equals(receipt.systemId()) && entry.getKey().getSessionState().isReceivable()) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The standard receipt text (SMPP 3.4, appendix B), the message's first 20 characters in safe ASCII. */
    static String receiptText(String messageId, boolean delivered, Instant submitted, Instant done, String text) {
        StringBuilder start = new StringBuilder(20);
        text.codePoints().limit(20).forEach(c -> start.append(safe(c) ? (char) c : '?'));
        return "id:" + messageId + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:"
                + RECEIPT_DATE.format(submitted) + " done date:" + RECEIPT_DATE.format(done) + " stat:"
                + (delivered ? "DELIVRD" : "UNDELIV") + " err:" + (delivered ? "000" : "001") + " text:" + start;
    }

    private static String receiptText(Receipt receipt, Instant done) {
        return receiptText(receipt.messageId(), receipt.delivered(), receipt.submitted(), done, receipt.text());
    }

    /** Characters that read the same in ASCII and in GSM-7, so a receiver reading either way sees them. */
    private static boolean safe(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || " !\"#%&'()*+,-./:;<=>?".indexOf(c) >= 0;
    }

    // --- helpers

    private String nextMessageId() {
        return String.format("%016X", idBase + idCounter.incrementAndGet());
    }

    private static String encoding(byte dataCoding) {
        return switch (dataCoding & 0xFF) {
            case 0x00 -> "GSM-7";
            case 0x01 -> "ASCII";
            case 0x03 -> "Latin-1";
            case 0x08 -> "UCS-2";
            default -> String.format("data_coding 0x%02X", dataCoding & 0xFF);
        };
    }

    private static void nameThread(Thread thread, String name) {
        try {
            thread.setName(name);
        } catch (SecurityException e) {
            // a managed thread may keep its own name
        }
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

    /** jSMPP's callbacks: submissions in, their responses out; everything else refused. */
    private final class Handler implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            return submitted(submitSm, source);
        }

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            responded(result.getMessageId());
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
            Receipt receipt = awaitingResponse.remove(result.getMessageId());
            if (receipt != null) {
                store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
            }
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
            // submit_multi is refused
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession source) {
            // submit_multi is refused
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not supported by the sandbox",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not supported by the sandbox",
                    SMPPConstant.STAT_ESME_RQUERYFAIL);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not supported by the sandbox",
                    SMPPConstant.STAT_ESME_RREPLACEFAIL);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not supported by the sandbox",
                    SMPPConstant.STAT_ESME_RCANCELFAIL);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not supported by the sandbox",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not supported by the sandbox",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not supported by the sandbox",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported by the sandbox: use submit_sm",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
