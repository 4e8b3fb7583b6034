package io.crosscast.sandbox;

import io.crosscast.delivery.sms.SmsSegments;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * The submit_sm the sandbox's SMSC accepts, into its outbox: each part gets a unique message id, its text is
 * decoded by {@code data_coding} (from {@code message_payload} when it has one), concatenated messages (UDH
 * or sar_* TLVs) are reassembled and stored once, and a receipt, when the sender asked for one, is handed
 * to {@link SmscReceipts} to follow the submit_sm_resp.
 */
final class SmscSubmissions {

    private static final OptionalParameter[] NO_PARAMETERS = {};

    /** One submit_sm as read: who sent it to whom, its part of the text, and what receipt it asked for. */
    private record Part(
            Instant receivedAt,
            String systemId,
            SMPPServerSession session,
            SmppAddress source,
            SmppAddress destination,
            String messageId,
            String encoding,
            SmsSegments.Segment segment,
            int registeredDelivery) {}

    private final SmsOutboxStore store;
    private final SmscSessions sessions;
    private final SmscReceipts receipts;
    private final Clock clock;
    private final long idBase;
    private final AtomicLong idCounter = new AtomicLong();
    private final SmsAssembler<Part> assembler = new SmsAssembler<>();

    SmscSubmissions(SmsOutboxStore store, SmscSessions sessions, SmscReceipts receipts, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.receipts = receipts;
        this.clock = clock;
        // Message ids: 40 bits of the start time in milliseconds, then a 20-bit counter: unique across restarts
        // unless a run received more than a million messages per millisecond elapsed before the next start.
        this.idBase = (clock.millis() & 0xFF_FFFF_FFFFL) << 20;
    }

    /** Accepts one submit_sm: stores its message once complete, and answers with the part's message id. */
    SubmitSmResult accept(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
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
            SmsAssembler.Key key = new SmsAssembler.Key(
                    part.systemId(),
                    part.source().address(),
                    part.destination().address(),
                    part.segment().reference(),
                    part.segment().total());
            synchronized (assembler) {
                complete = assembler.add(key, part.segment().number(), part, part.receivedAt());
            }
        }
        complete.ifPresent(parts -> {
            SmscReceipts.Receipt receipt = keep(parts, true);
            if (receipt != null) {
                receipts.awaitResponse(messageId, receipt);
            }
        });
        return new SubmitSmResult(id, NO_PARAMETERS);
    }

    /** Stores, incomplete, the messages whose parts have been awaited longer than the parts timeout. */
    void expireParts() {
        List<List<Part>> expired;
        synchronized (assembler) {
            expired = assembler.expire(clock.instant(), SandboxSmsc.PARTS_TIMEOUT);
        }
        expired.forEach(parts -> keep(parts, false));
    }

    private String nextMessageId() {
        return String.format("%016X", idBase + idCounter.incrementAndGet());
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
        return new Part(
                clock.instant(),
                sessions.systemId(session),
                session,
                SmppAddress.of(submit.getSourceAddrTon(), submit.getSourceAddrNpi(), submit.getSourceAddr()),
                SmppAddress.of(submit.getDestAddrTon(), submit.getDestAddrNpi(), submit.getDestAddress()),
                messageId,
                encoding(submit.getDataCoding()),
                segment,
                submit.getRegisteredDelivery());
    }

    /** The segment placed by the sar_msg_ref_num, sar_total_segments and sar_segment_seqnum TLVs, if any. */
    private static SmsSegments.Segment sar(SubmitSm submit, SmsSegments.Segment segment) {
        OptionalParameter reference = submit.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        OptionalParameter total = submit.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
        OptionalParameter number = submit.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
        if (reference instanceof OptionalParameter.Short ref
                && total instanceof OptionalParameter.Byte of
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
    private SmscReceipts.Receipt keep(List<Part> parts, boolean complete) {
        Part first = parts.stream().filter(Objects::nonNull).findFirst().orElseThrow();
        StringBuilder text = new StringBuilder();
        List<String> messageIds = new ArrayList<>(parts.size());
        boolean onSuccess = false;
        boolean onFailure = false;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part == null) {
                text.append("[part ")
                        .append(i + 1)
                        .append(" of ")
                        .append(parts.size())
                        .append(" missing]");
                continue;
            }
            text.append(part.segment().text());
            messageIds.add(part.messageId());
            int requested = part.registeredDelivery() & 0x03;
            onSuccess |= requested == 1 || requested == 3;
            onFailure |= requested == 1 || requested == 2;
        }
        boolean delivered = !first.destination().address().endsWith(SandboxSmsc.UNDELIVERABLE_SUFFIX);
        boolean wanted = complete && (delivered ? onSuccess : onFailure);
        SmsReceipt state = !complete ? SmsReceipt.INCOMPLETE : wanted ? SmsReceipt.PENDING : SmsReceipt.NOT_REQUESTED;
        OutboxSms stored = store.add(new OutboxSms(
                0,
                first.receivedAt(),
                first.systemId(),
                first.source().shown(),
                first.destination().shown(),
                text.toString(),
                parts.size(),
                first.encoding(),
                messageIds,
                state));
        if (!wanted) {
            return null;
        }
        return new SmscReceipts.Receipt(
                stored.id(),
                first.systemId(),
                first.session(),
                first.source(),
                first.destination(),
                first.messageId(),
                first.receivedAt(),
                delivered,
                stored.text());
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
}
