package io.crosscast.delivery.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces messages out to honour a rate, for any number of threads at once: each caller books the next free
 * slot under a short lock and waits for it outside the lock. No rate (0 or less) never waits.
 */
public final class RatePacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    public RatePacer(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : Math.max(1, (long) (1_000_000_000L / perSecond));
    }

    /** Whether this pacer ever waits. */
    public boolean limits() {
        return intervalNanos > 0;
    }

    /** Waits for this caller's slot. */
    public void await() {
        long wait = book();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Books the next slot and returns how long to wait for it, in nanoseconds (0: go now). */
    synchronized long book() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = System.nanoTime();
        long slot = Math.max(next, now);
        next = slot + intervalNanos;
        return slot - now;
    }
}
