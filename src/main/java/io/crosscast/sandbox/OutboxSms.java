package io.crosscast.sandbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One text message the SMPP sandbox received, reassembled when it came in concatenated parts.
 *
 * @param id         the outbox's number for it, increasing with arrival
 * @param receivedAt when its first part arrived
 * @param systemId   the system id of the session that submitted it
 * @param from       the source address (sender id or number; {@code +} added to international numbers)
 * @param to         the destination number ({@code +} added to international numbers)
 * @param text       the text, decoded
 * @param parts      how many submit_sm carried it
 * @param encoding   how it was encoded: {@code GSM-7}, {@code UCS-2}, {@code Latin-1}... ({@code data_coding})
 * @param messageIds the message id answered to each part, in part order
 * @param receipt    what became of its delivery receipt
 */
public record OutboxSms(
        long id,
        Instant receivedAt,
        String systemId,
        String from,
        String to,
        String text,
        int parts,
        String encoding,
        List<String> messageIds,
        SmsReceipt receipt)
        implements Serializable {

    public OutboxSms {
        Objects.requireNonNull(receivedAt, "receivedAt");
        messageIds = List.copyOf(messageIds);
        Objects.requireNonNull(receipt, "receipt");
    }

    /**
     * The message id of its first part: the one its delivery receipt carries (one receipt per message, also
     * when it came in several parts).
     */
    public String messageId() {
        return messageIds.isEmpty() ? "" : messageIds.get(0);
    }

    /** The same message under the outbox's number {@code newId}. */
    public OutboxSms withId(long newId) {
        return new OutboxSms(newId, receivedAt, systemId, from, to, text, parts, encoding, messageIds, receipt);
    }

    /** The same message with its receipt's new state. */
    public OutboxSms withReceipt(SmsReceipt newReceipt) {
        return new OutboxSms(id, receivedAt, systemId, from, to, text, parts, encoding, messageIds, newReceipt);
    }
}
