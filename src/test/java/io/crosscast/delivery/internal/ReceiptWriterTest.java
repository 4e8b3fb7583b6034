package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReceiptWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    /** A ledger of SENT rows by message id, recording each transaction's size. */
    private static final class FakeLedger implements ReceiptWriter.Ledger {
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final Map<String, Boolean> states = new ConcurrentHashMap<>();
        final List<Integer> transactions = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger concurrent = new AtomicInteger();
        volatile int mostConcurrent;
        volatile boolean down;

        @Override
        public boolean[] apply(List<ReceiptWriter.Receipt> receipts) throws Exception {
            int now = concurrent.incrementAndGet();
            mostConcurrent = Math.max(mostConcurrent, now);
            try {
                if (down) {
                    throw new java.sql.SQLException("database away");
                }
                Thread.onSpinWait();
                transactions.add(receipts.size());
                boolean[] matched = new boolean[receipts.size()];
                for (int i = 0; i < receipts.size(); i++) {
                    ReceiptWriter.Receipt r = receipts.get(i);
                    matched[i] = sent.contains(r.messageId());
                    if (matched[i]) {
                        states.put(r.messageId(), r.delivered());
                    }
                }
                return matched;
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }

    @Test
    void receiptsFromManyThreadsAreAllWrittenOnceInFewerTransactionsAndNeverTwoAtATime() throws Exception {
        FakeLedger ledger = new FakeLedger();
        int count = 20_000;
        for (int i = 0; i < count; i++) {
            ledger.sent.add("m" + i);
        }
        ReceiptWriter writer = new ReceiptWriter(ledger, new MutableClock(T0), Duration.ofMinutes(1));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int first = t;
            threads.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = first; i < count; i += 4) {
                    writer.add("m" + i, i % 7 != 0, i % 7 == 0 ? "UNDELIV err:001" : null);
                }
            });
        }
        go.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(1, TimeUnit.MINUTES));

        assertEquals(count, ledger.states.size(), "every receipt reached its row");
        assertEquals(
                count, ledger.transactions.stream().mapToInt(Integer::intValue).sum(), "each one once");
        assertEquals(1, ledger.mostConcurrent, "one writer at a time");
        assertTrue(ledger.transactions.stream().allMatch(n -> n <= ReceiptWriter.BATCH));
        assertEquals(false, ledger.states.get("m7"));
        assertEquals(true, ledger.states.get("m8"));
        assertEquals(0, writer.waiting());
    }

    @Test
    void aReceiptArrivingBeforeItsRowIsSentIsTriedAgainUntilItsPatienceRunsOut() {
        FakeLedger ledger = new FakeLedger();
        MutableClock clock = new MutableClock(T0);
        ReceiptWriter writer = new ReceiptWriter(ledger, clock, Duration.ofSeconds(60));

        writer.add("early", true, null);
        writer.add("unknown", true, null);
        assertEquals(Map.of(), ledger.states);
        assertEquals(2, writer.waiting(), "both kept for later");

        ledger.sent.add("early"); // the sending side writes the row, then asks for a retry
        writer.retryUnmatched();
        assertEquals(Map.of("early", true), new HashMap<>(ledger.states));
        assertEquals(1, writer.waiting());

        clock.advance(Duration.ofSeconds(61));
        writer.retryUnmatched();
        assertEquals(0, writer.waiting(), "a receipt for no known message is dropped after its patience");
    }

    @Test
    void receiptsThatCouldNotBeWrittenAreKeptForTheNextWrite() {
        FakeLedger ledger = new FakeLedger();
        ledger.sent.add("a");
        ledger.sent.add("b");
        ReceiptWriter writer = new ReceiptWriter(ledger, new MutableClock(T0), Duration.ofSeconds(60));

        ledger.down = true;
        writer.add("a", true, null);
        assertEquals(1, writer.waiting());

        ledger.down = false;
        writer.add("b", false, "UNDELIV");
        assertEquals(Map.of("a", true, "b", false), new HashMap<>(ledger.states));
        assertEquals(0, writer.waiting());
    }
}
