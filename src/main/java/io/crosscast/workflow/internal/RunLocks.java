package io.crosscast.workflow.internal;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.workflow.WorkflowRun;
import jakarta.ejb.ApplicationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Takes a run's row lock ({@code SELECT ... FOR UPDATE}) waiting at most a given time, on both databases:
 * PostgreSQL waits for ever unless told, so the transaction's {@code lock_timeout} is set first
 * ({@code set_config(..., true)}: this transaction only); H2 has a per-session {@code LOCK_TIMEOUT}, set before
 * the lock and set back to H2's default (2 s) after it, for the pooled connection's next user (the JPA hint {@code jakarta.persistence.lock.timeout} is passed too, for what the dialect makes of it).
 * A run held longer than that by someone else is {@link RunBusy}.
 */
public final class RunLocks {

    private RunLocks() {}

    /** The run, locked; null when it does not exist; {@link RunBusy} when its row stays held past the timeout. */
    public static WorkflowRun lock(EntityManager em, DatabaseVendor vendor, long runId, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        if (vendor == DatabaseVendor.POSTGRESQL) {
            NativeSql.query(em, "SELECT set_config('lock_timeout', ?, true)", List.of(millis + "ms"))
                    .getSingleResult();
        } else {
            // H2's SET takes no parameter; the value is a number computed here, never text from outside.
            em.createNativeQuery("SET LOCK_TIMEOUT " + millis).executeUpdate();
        }
        try {
            return em.find(
                    WorkflowRun.class,
                    runId,
                    LockModeType.PESSIMISTIC_WRITE,
                    Map.of("jakarta.persistence.lock.timeout", millis));
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw new RunBusy(runId, e);
        } finally {
            if (vendor == DatabaseVendor.H2) {
                // the pooled session goes back to H2's default for whatever else uses it
                try {
                    em.createNativeQuery("SET LOCK_TIMEOUT " + H2_DEFAULT_LOCK_TIMEOUT)
                            .executeUpdate();
                } catch (RuntimeException e) {
                    // a transaction already marked for rollback refuses statements: nothing more to do
                }
            }
        }
    }

    /** H2's own lock timeout (its {@code Constants.INITIAL_LOCK_TIMEOUT}; the datasources do not change it). */
    private static final int H2_DEFAULT_LOCK_TIMEOUT = 2000;

    /** The run's row is held by another step (an activity, a pause) for longer than the lock timeout. */
    @ApplicationException(rollback = true)
    public static class RunBusy extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public RunBusy(long runId, Throwable cause) {
            super("Run " + runId + " is busy: " + cause.getMessage(), cause);
        }
    }
}
