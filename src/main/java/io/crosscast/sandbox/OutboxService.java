package io.crosscast.sandbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;

/**
 * What the SMTP sandbox received, for the Outbox page and its message view: messages newest first,
 * paged; one message's headers, HTML and text parts; clearing. With the sandbox off the outbox is empty.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxService {

    @EJB
    private SmtpSandbox sandbox;

    public SandboxStatus status() {
        return sandbox.status();
    }

    public long count() {
        return sandbox.outbox().map(OutboxStore::count).orElse(0);
    }

    /** Up to {@code max} messages from position {@code first}, newest first. */
    public List<OutboxMessage> list(int first, int max) {
        return sandbox.outbox().map(o -> o.page(first, max)).orElse(List.of());
    }

    public Optional<OutboxMessage> find(long id) {
        return sandbox.outbox().flatMap(o -> o.find(id));
    }

    /** Message {@code id} opened: headers, HTML part, text part. */
    public Optional<MessageContent> read(long id) {
        return sandbox.outbox().flatMap(o -> o.read(id));
    }

    /** Message {@code id} exactly as the sandbox received it (RFC 5322 bytes), e.g. to check its DKIM signature. */
    public Optional<byte[]> raw(long id) {
        return sandbox.outbox().flatMap(o -> o.raw(id));
    }

    /** The HTML part of message {@code id}, when it has one. */
    public Optional<String> html(long id) {
        return read(id).map(MessageContent::html);
    }

    /** Deletes every received message; returns how many there were. */
    public int clear() {
        return sandbox.outbox().map(OutboxStore::clear).orElse(0);
    }
}
