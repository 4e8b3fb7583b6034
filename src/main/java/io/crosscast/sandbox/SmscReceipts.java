package io.crosscast.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPServerSession;

/**
 * The delivery receipts of the sandbox's SMSC. A receipt waits for the submit_sm_resp of the part that
 * completed its message, goes {@code delay} after it to a receiving session of the sender's system id (see
 * {@link SmscSessions#receiverFor}) as a deliver_sm with {@code esm_class} 0x04, and what became of it is
 * recorded in the outbox ({@link SmsReceipt}).
 */
final class SmscReceipts {

    private static final Logger LOG = Logger.getLogger(SandboxSmsc.class.getName());
    private static final DateTimeFormatter RECEIPT_DATE =
            DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

    /** A receipt to send: for outbox entry {@code outboxId}, about message {@code messageId}. */
    record Receipt(
            long outboxId,
            String systemId,
            SMPPServerSession submitter,
            SmppAddress source,
            SmppAddress destination,
            String messageId,
            Instant submitted,
            boolean delivered,
            String text) {}

    private final Duration delay;
    private final SmsOutboxStore store;
    private final SmscSessions sessions;
    private final Clock clock;
    private final Supplier<ScheduledExecutorService> timer;
    /** Receipts waiting for the submit_sm_resp of the part that completed their message, by its message id. */
    private final Map<String, Receipt> awaitingResponse = new ConcurrentHashMap<>();
    /** Receipts scheduled, by outbox id. */
    private final Map<Long, Receipt> scheduled = new ConcurrentHashMap<>();

    /** @param timer where receipts are scheduled: null once the SMSC stopped */
    SmscReceipts(
            Duration delay,
            SmsOutboxStore store,
            SmscSessions sessions,
            Clock clock,
            Supplier<ScheduledExecutorService> timer) {
        this.delay = delay;
        this.store = store;
        this.sessions = sessions;
        this.clock = clock;
        this.timer = timer;
    }

    /** Keeps {@code receipt} until the submit_sm_resp carrying {@code messageId} is sent. */
    void awaitResponse(String messageId, Receipt receipt) {
        awaitingResponse.put(messageId, receipt);
    }

    /** The submit_sm_resp with {@code messageId} went out: its receipt, if any, is scheduled. */
    void responded(String messageId) {
        Receipt receipt = awaitingResponse.remove(messageId);
        if (receipt == null) {
            return;
        }
        ScheduledExecutorService scheduler = timer.get();
        if (scheduler == null) {
            store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
            return;
        }
        scheduled.put(receipt.outboxId(), receipt);
        try {
            scheduler.schedule(() -> send(receipt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            scheduled.remove(receipt.outboxId());
            store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
        }
    }

    /** The submit_sm_resp with {@code messageId} could not be sent: its receipt, if any, fails. */
    void responseFailed(String messageId) {
        Receipt receipt = awaitingResponse.remove(messageId);
        if (receipt != null) {
            store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
        }
    }

    /** On stopping: every receipt not sent yet is marked failed and dropped. */
    void failPending() {
        awaitingResponse.values().forEach(r -> store.receipt(r.outboxId(), SmsReceipt.FAILED));
        awaitingResponse.clear();
        scheduled.values().forEach(r -> store.receipt(r.outboxId(), SmsReceipt.FAILED));
        scheduled.clear();
    }

    private void send(Receipt receipt) {
        if (scheduled.remove(receipt.outboxId()) == null) {
            return;
        }
        SMPPServerSession target = sessions.receiverFor(receipt.submitter(), receipt.systemId());
        if (target == null) {
            store.receipt(receipt.outboxId(), SmsReceipt.NO_RECEIVER);
            return;
        }
        byte state = receipt.delivered() ? (byte) 2 : (byte) 5; // message_state DELIVERED, UNDELIVERABLE
        try {
            // From the phone back to the sender: the submission's addresses swapped.
            target.deliverShortMessage(
                    "",
                    receipt.destination().ton(),
                    receipt.destination().npi(),
                    receipt.destination().address(),
                    receipt.source().ton(),
                    receipt.source().npi(),
                    receipt.source().address(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0,
                    (byte) 0,
                    new RegisteredDelivery(),
                    new RawDataCoding((byte) 0),
                    receiptText(receipt, clock.instant()).getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(receipt.messageId()),
                    new OptionalParameter.Message_state(state));
            store.receipt(receipt.outboxId(), receipt.delivered() ? SmsReceipt.DELIVERED : SmsReceipt.UNDELIVERED);
        } catch (PDUException
                | ResponseTimeoutException
                | NegativeResponseException
                | InvalidResponseException
                | IOException
                | RuntimeException e) {
            LOG.log(Level.INFO, "SMPP sandbox: the receipt of " + receipt.messageId() + " could not be sent: " + e, e);
            store.receipt(receipt.outboxId(), SmsReceipt.FAILED);
        }
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
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || " !\"#%&'()*+,-./:;<=>?".indexOf(c) >= 0;
    }
}
