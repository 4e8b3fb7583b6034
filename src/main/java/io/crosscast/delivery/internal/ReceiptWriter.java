package io.crosscast.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Delivery receipts on their way to the send ledger, written in batches. Receipts arrive on the SMPP
 * session's threads, one per message; instead of one statement (and one commit) each, a receipt is queued
 * and whichever thread finds no write in progress writes everything queued in one transaction; the others
 * return at once. A receipt whose ledger row is not SENT yet (its submission result is still on its way to
 * the ledger) is kept and tried again with the next writes, for at most {@code patience}.
 */
final class ReceiptWriter {

    private static final Logger LOG = Logger.getLogger(ReceiptWriter.class.getName());

    /** At most this many receipts per transaction. */
    static final int BATCH = 500;

    /** One receipt: the SMSC's id of the message, its final state, and the SMSC's words when undelivered. */
    record Receipt(String messageId, boolean delivered, String detail, Instant received) {}

    /** Where receipts go. */
    @FunctionalInterface
    interface Ledger {

        /**
         * Applies the receipts in one transaction; answers, in the same order, whether each one found its
         * row. Throws when nothing could be written (the receipts are then tried again later).
         */
        boolean[] apply(List<Receipt> receipts) throws Exception;
    }

    private final Ledger ledger;
    private final Clock clock;
    private final Duration patience;
    private final Queue<Receipt> queue = new ConcurrentLinkedQueue<>();
    /** Receipts that found no row yet; touched only by the thread holding {@link #writing}. */
    private final Queue<Receipt> unmatched = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean writing = new AtomicBoolean();

    ReceiptWriter(Ledger ledger, Clock clock, Duration patience) {
        this.ledger = ledger;
        this.clock = clock;
        this.patience = patience;
    }

    /** Queues a receipt and writes the queue unless another thread is writing it. */
    void add(String messageId, boolean delivered, String detail) {
        queue.add(new Receipt(messageId, delivered, detail, clock.instant()));
        while (!queue.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeOnce();
            } finally {
                writing.set(false);
            }
        }
    }

    /**
     * Tries the receipts that found no row once more (called after submission results were written), unless
     * a write is in progress, which tries them anyway.
     */
    void retryUnmatched() {
        if (!unmatched.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                writeOnce();
            } finally {
                writing.set(false);
            }
        }
    }

    /** Receipts queued or waiting for their row. */
    int waiting() {
        return queue.size() + unmatched.size();
    }

    private void writeOnce() {
        List<Receipt> batch = new ArrayList<>();
        // New receipts first, so the queue always shrinks; the room left goes to those tried before.
        for (Receipt r; batch.size() < BATCH && (r = queue.poll()) != null; ) {
            batch.add(r);
        }
        for (int retries = unmatched.size(); retries > 0 && batch.size() < BATCH; retries--) {
            batch.add(unmatched.poll());
        }
        if (batch.isEmpty()) {
            return;
        }
        boolean[] matched;
        try {
            matched = ledger.apply(batch);
        } catch (Exception e) {
            LOG.warning("SMPP: " + batch.size() + " delivery receipt(s) could not be written (" + e.getMessage()
                    + "); trying again with the next ones");
            matched = new boolean[batch.size()];
        }
        Instant oldest = clock.instant().minus(patience);
        for (int i = 0; i < batch.size(); i++) {
            Receipt receipt = batch.get(i);
            if (matched[i]) {
                continue;
            }
            if (receipt.received().isBefore(oldest)) {
                LOG.warning("SMPP: delivery receipt for unknown message id " + receipt.messageId() + " dropped");
            } else {
                unmatched.add(receipt);
            }
        }
    }
}
