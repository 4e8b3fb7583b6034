package io.crosscast.sandbox;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The messages the sandbox received, in memory, at most {@code capacity} of them: past that the oldest
 * go. Each is kept as its summary and its raw bytes compressed (campaign HTML compresses several times
 * over, so the default 20,000 messages fit in tens of megabytes rather than hundreds). Thread-safe:
 * the SMTP server adds from its connection threads while pages read.
 */
public final class OutboxStore {

    private record Entry(OutboxMessage message, byte[] deflated) {}

    private final int capacity;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private long lastId;

    public OutboxStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Stores {@code mail} under the next number, dropping the oldest messages past the capacity. */
    public OutboxMessage add(ReceivedMail mail) {
        OutboxMessage summary =
                MessageReader.summarize(mail.raw(), mail.receivedAt(), mail.envelopeFrom(), mail.envelopeTo());
        byte[] deflated = deflate(mail.raw());
        synchronized (this) {
            OutboxMessage stored = summary.withId(++lastId);
            entries.put(stored.id(), new Entry(stored, deflated));
            while (entries.size() > capacity) {
                entries.pollFirstEntry();
            }
            return stored;
        }
    }

    public synchronized int count() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }

    /** Up to {@code max} messages from position {@code first}, newest first. */
    public synchronized List<OutboxMessage> page(int first, int max) {
        if (first < 0 || max < 0) {
            throw new IllegalArgumentException("first and max must not be negative: " + first + ", " + max);
        }
        return entries.descendingMap().values().stream()
                .skip(first)
                .limit(max)
                .map(Entry::message)
                .toList();
    }

    public synchronized Optional<OutboxMessage> find(long id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::message);
    }

    /** The raw bytes of message {@code id}, as received. */
    public Optional<byte[]> raw(long id) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(id);
        }
        return entry == null ? Optional.empty() : Optional.of(inflate(entry.deflated()));
    }

    /** Message {@code id} opened: headers, HTML and text parts. */
    public Optional<MessageContent> read(long id) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(id);
        }
        return entry == null
                ? Optional.empty()
                : Optional.of(MessageReader.read(entry.message(), inflate(entry.deflated())));
    }

    /** Forgets every message; numbering goes on. Returns how many there were. */
    public synchronized int clear() {
        int removed = entries.size();
        entries.clear();
        return removed;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 4));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated message in the outbox");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("corrupt message in the outbox", e);
        } finally {
            inflater.end();
        }
    }
}
