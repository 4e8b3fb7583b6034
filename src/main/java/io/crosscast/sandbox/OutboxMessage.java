package io.crosscast.sandbox;

import java.io.Serializable;
import java.time.Instant;

/**
 * One message the sandbox received, as the outbox lists it. Addresses and subject are decoded (RFC 2047)
 * and never null (empty when the message has none).
 *
 * @param id the outbox's number for it, increasing with arrival
 * @param receivedAt when the sandbox received it
 * @param from the From header (the envelope sender when there is none)
 * @param to the To header (the envelope recipients when there is none)
 * @param subject the subject
 * @param size the size of the raw message in bytes
 * @param messageId the Message-ID header, or empty
 */
public record OutboxMessage(
        long id, Instant receivedAt, String from, String to, String subject, long size, String messageId)
        implements Serializable {

    /** The same message under the outbox's number {@code newId}. */
    public OutboxMessage withId(long newId) {
        return new OutboxMessage(newId, receivedAt, from, to, subject, size, messageId);
    }
}
