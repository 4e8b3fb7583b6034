package io.crosscast.delivery.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A worker's claim on its batch, seen from the worker: when to renew it (each third of the lease, counted from the
 * claim) and which rows it lost (not renewed: another node took them after the lease had run out). Where claims are
 * not marked (H2, one server) it is never due and loses nothing.
 */
final class Lease {

    private final boolean marked;
    private final long renewEveryNanos;
    private final LongSupplier nanoTime;
    private final Set<Long> lost = new HashSet<>();
    private long renewAt;

    Lease(boolean marked, Duration lease) {
        this(marked, lease, System::nanoTime);
    }

    Lease(boolean marked, Duration lease, LongSupplier nanoTime) {
        this.marked = marked;
        this.renewEveryNanos = lease.toNanos() / 3;
        this.nanoTime = nanoTime;
        this.renewAt = nanoTime.getAsLong() + renewEveryNanos;
    }

    /** Whether the claim should be renewed now. */
    boolean due() {
        return marked && nanoTime.getAsLong() - renewAt >= 0;
    }

    /**
     * Records a renewal of {@code asked} rows that answered {@code held}: the others are lost from now on.
     */
    void renewed(List<Long> asked, List<Long> held) {
        Set<Long> kept = new HashSet<>(held);
        for (Long id : asked) {
            if (!kept.contains(id)) {
                lost.add(id);
            }
        }
        renewAt = nanoTime.getAsLong() + renewEveryNanos;
    }

    boolean lost(long recipientId) {
        return lost.contains(recipientId);
    }
}
