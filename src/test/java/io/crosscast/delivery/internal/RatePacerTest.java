package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatePacerTest {

    @Test
    void noRateNeverWaits() {
        RatePacer pacer = new RatePacer(0);
        assertFalse(pacer.limits());
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, pacer.book());
        }
    }

    @Test
    void callersBookConsecutiveSlots() {
        RatePacer pacer = new RatePacer(10);
        assertTrue(pacer.limits());
        long first = pacer.book();
        long second = pacer.book();
        long third = pacer.book();
        assertTrue(first < 5_000_000L, "the first goes at once: " + first);
        assertTrue(Math.abs(second - 100_000_000L) < 10_000_000L, "the second 100 ms later: " + second);
        assertTrue(Math.abs(third - 200_000_000L) < 10_000_000L, "the third 200 ms later: " + third);
    }

    @Test
    void threadsShareTheRateWithoutSharingASlot() throws InterruptedException {
        RatePacer pacer = new RatePacer(1000);
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    waits.add(pacer.book());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(200, waits.size());
        long longest = Collections.max(waits);
        assertTrue(longest >= 150_000_000L, "200 slots at 1,000/s reach past 150 ms: " + longest);
    }
}
