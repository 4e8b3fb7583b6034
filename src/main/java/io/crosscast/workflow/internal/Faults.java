package io.crosscast.workflow.internal;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which failures of an activity are worth another attempt. Transient: the database connection was lost or could
 * not be had, a deadlock or serialization failure, a lock timeout, the database shutting down or starting up;
 * told by the SQLState of any {@link SQLException} in the cause chain (PostgreSQL's and the standard classes, H2's
 * codes), by the JDBC exception types meant for it ({@link SQLTransientException}, {@link SQLRecoverableException}),
 * by JPA's lock and query timeouts, by a socket error, and by the connection pool failing to give a connection
 * (IronJacamar's {@code jakarta.resource.ResourceException}). Anything else is permanent: a condition that does not
 * compile, a list that was deleted, a bug. An activity attempt runs in one transaction that rolls back on any
 * exception, so a retried activity starts from the same inputs with nothing of the failed attempt left.
 */
public final class Faults {

    /** SQLStates of transient failures: PostgreSQL's, the standard's, and H2's. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization failure; H2: deadlock (DEADLOCK_1)
            "40P01", // PostgreSQL deadlock detected
            "55P03", // PostgreSQL lock not available (lock_timeout, NOWAIT)
            "57014", // PostgreSQL query canceled (statement_timeout)
            "57P01", // PostgreSQL admin shutdown
            "57P02", // PostgreSQL crash shutdown
            "57P03", // PostgreSQL cannot connect now (starting up)
            "53300", // PostgreSQL too many connections
            "HYT00", // H2 lock timeout (LOCK_TIMEOUT_1, 50200)
            "90067", // H2 connection broken
            "90098", // H2 database is closed
            "90121", // H2 database called at VM shutdown
            "90028"); // H2 I/O exception (a remote database gone)

    private Faults() {}

    /** Whether another attempt of the activity may succeed. */
    public static boolean isTransient(Throwable failure) {
        return transientReason(failure).isPresent();
    }

    /** Why the failure is transient (for the run's log), or empty when it is permanent. */
    public static Optional<String> transientReason(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            Optional<String> reason = reasonOf(t);
            if (reason.isPresent()) {
                return reason;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException();
                        next != null && seen.put(next, Boolean.TRUE) == null;
                        next = next.getNextException()) {
                    reason = reasonOf(next);
                    if (reason.isPresent()) {
                        return reason;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> reasonOf(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return Optional.of(describe(t) + " (SQLState " + state + ")");
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return Optional.of(describe(t));
            }
            return Optional.empty();
        }
        if (t instanceof LockTimeoutException
                || t instanceof PessimisticLockException
                || t instanceof QueryTimeoutException
                || t instanceof SocketException) {
            return Optional.of(describe(t));
        }
        if (t.getClass().getName().startsWith("jakarta.resource.")) {
            return Optional.of(describe(t));
        }
        return Optional.empty();
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
