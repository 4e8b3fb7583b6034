package io.crosscast.sandbox;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SMPP sandbox received, for the Outbox page: text messages newest first, paged; clearing; and
 * simulated replies from phones. With the sandbox off the outbox is empty and replies go nowhere.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmsOutboxService {

    /** The reply the page proposes: the usual opt-out keyword. */
    public static final String DEFAULT_REPLY = "STOP";

    @EJB
    private SmppSandbox sandbox;

    public SandboxStatus status() {
        return sandbox.status();
    }

    /** How long after a message its delivery receipt is sent. */
    public Duration receiptDelay() {
        return sandbox.receiptDelay();
    }

    /** How many SMPP sessions are bound to the sandbox now. */
    public int boundSessions() {
        return sandbox.boundSessions();
    }

    public long count() {
        return sandbox.outbox().map(SmsOutboxStore::count).orElse(0);
    }

    /** Up to {@code max} text messages from position {@code first}, newest first. */
    public List<OutboxSms> list(int first, int max) {
        return sandbox.outbox().map(o -> o.page(first, max)).orElse(List.of());
    }

    public Optional<OutboxSms> find(long id) {
        return sandbox.outbox().flatMap(o -> o.find(id));
    }

    /** Deletes every received text message; returns how many there were. */
    public int clear() {
        return sandbox.outbox().map(SmsOutboxStore::clear).orElse(0);
    }

    /**
     * Simulates a phone's reply: {@code text} (blank: {@value #DEFAULT_REPLY}) from {@code fromNumber} to the
     * sender id {@code toSenderId}, delivered to the application's receiving sessions.
     *
     * @return how many sessions accepted it: 0 when none is bound to receive or the sandbox is off
     * @throws IllegalArgumentException if the number or the sender id is blank
     */
    public int reply(String fromNumber, String toSenderId, String text) {
        Objects.requireNonNull(fromNumber, "fromNumber");
        Objects.requireNonNull(toSenderId, "toSenderId");
        if (fromNumber.isBlank() || toSenderId.isBlank()) {
            throw new IllegalArgumentException("A reply needs a phone number and the sender id it answers");
        }
        String reply = text == null || text.isBlank() ? DEFAULT_REPLY : text.strip();
        return sandbox.inbound(fromNumber.strip(), toSenderId.strip(), reply);
    }
}
