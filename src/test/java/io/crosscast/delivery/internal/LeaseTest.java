package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LeaseTest {

    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void markedClaimsAreDueEachThirdOfTheLeaseAndLoseTheRowsNotRenewed() {
        Lease lease = new Lease(true, Duration.ofNanos(30_000), clock::get);
        clock.addAndGet(9_999);
        assertFalse(lease.due(), "before a third of the lease");
        clock.addAndGet(1);
        assertTrue(lease.due(), "at a third");

        lease.renewed(List.of(3L, 4L, 5L), List.of(3L, 5L));
        assertTrue(lease.lost(4), "not renewed: another node has it");
        assertFalse(lease.lost(3));
        assertFalse(lease.lost(5));
        assertFalse(lease.due(), "renewed just now");
        clock.addAndGet(10_000);
        assertTrue(lease.due(), "a third after the renewal");
    }

    @Test
    void unmarkedClaimsAreNeverDue() {
        Lease lease = new Lease(false, Duration.ofNanos(30), clock::get);
        clock.addAndGet(1_000_000);
        assertFalse(lease.due());
        assertFalse(lease.lost(1));
    }
}
