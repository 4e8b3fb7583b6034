package io.crosscast.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The text messages the SMPP sandbox received, in memory, at most {@code capacity} of them: past that the
 * oldest go. Thread-safe: the SMSC adds and updates receipts from its threads while pages read.
 */
public final class SmsOutboxStore {

    private final int capacity;
    private final TreeMap<Long, OutboxSms> entries = new TreeMap<>();
    private long lastId;

    public SmsOutboxStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Stores {@code sms} under the next number, dropping the oldest messages past the capacity. */
    public synchronized OutboxSms add(OutboxSms sms) {
        OutboxSms stored = sms.withId(++lastId);
        entries.put(stored.id(), stored);
        while (entries.size() > capacity) {
            entries.pollFirstEntry();
        }
        return stored;
    }

    /** Records what became of the receipt of message {@code id}, if it is still kept. */
    public synchronized void receipt(long id, SmsReceipt receipt) {
        entries.computeIfPresent(id, (key, sms) -> sms.withReceipt(receipt));
    }

    public synchronized int count() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Up to {@code max} messages from position {@code first}, newest first. */
    public synchronized List<OutboxSms> page(int first, int max) {
        if (first < 0 || max < 0) {
            throw new IllegalArgumentException("first and max must not be negative: " + first + ", " + max);
        }
        return entries.descendingMap().values().stream().skip(first).limit(max).toList();
    }

    public synchronized Optional<OutboxSms> find(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Forgets every message; numbering goes on. Returns how many there were. */
    public synchronized int clear() {
        int removed = entries.size();
        entries.clear();
        return removed;
    }
}
