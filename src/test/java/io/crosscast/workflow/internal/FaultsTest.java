package io.crosscast.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.engine.ActivityException;
import io.crosscast.engine.Text;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static RuntimeException wrapped(Throwable cause) {
        // as the container hands it over: an EJB exception around Hibernate's around the driver's
        return new RuntimeException("EJB", new PersistenceException("JDBC", cause));
    }

    @Test
    void connectionLossDeadlocksLockTimeoutsAndRestartsAreTransientOnPostgreSql() {
        for (String state : new String[] {"08006", "08001", "40001", "40P01", "55P03", "57P01", "57P02", "57P03"}) {
            assertTrue(Faults.isTransient(wrapped(new SQLException("pg", state))), state);
        }
    }

    @Test
    void h2sLockTimeoutDeadlockAndLostConnectionAreTransient() {
        for (String state : new String[] {"HYT00", "40001", "90067", "90098", "90121"}) {
            assertTrue(Faults.isTransient(wrapped(new SQLException("h2", state, 0))), state);
        }
    }

    @Test
    void transientTypesWithoutStateAndJpaTimeoutsAreTransient() {
        assertTrue(Faults.isTransient(wrapped(new SQLTransientConnectionException("pool empty"))));
        assertTrue(Faults.isTransient(new LockTimeoutException("lock")));
        assertTrue(Faults.isTransient(wrapped(new SocketException("Connection reset"))));
    }

    @Test
    void aChainedNextExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("deadlock", "40P01"));
        assertTrue(Faults.isTransient(wrapped(batch)));
    }

    @Test
    void badSqlConstraintsBugsAndActivityProblemsArePermanent() {
        assertFalse(Faults.isTransient(wrapped(new SQLException("syntax", "42601"))));
        assertFalse(Faults.isTransient(wrapped(new SQLException("unique", "23505"))));
        assertFalse(Faults.isTransient(wrapped(new SQLException("no state"))));
        assertFalse(Faults.isTransient(new IllegalStateException("the remote system did not answer")));
        assertFalse(Faults.isTransient(new ActivityException(Text.of("listUpdate.noList", "7"))));
    }

    @Test
    void theReasonNamesTheFailureAndItsState() {
        assertEquals(
                "SQLException: terminating connection due to administrator command (SQLState 57P01)",
                Faults.transientReason(wrapped(
                                new SQLException("terminating connection due to administrator command", "57P01")))
                        .orElseThrow());
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        WorkflowSettings settings = new WorkflowSettings(
                8, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofDays(30));
        assertEquals(Duration.ofSeconds(2), settings.backoff(1));
        assertEquals(Duration.ofSeconds(4), settings.backoff(2));
        assertEquals(Duration.ofSeconds(16), settings.backoff(4));
        assertEquals(Duration.ofSeconds(30), settings.backoff(5));
        assertEquals(Duration.ofSeconds(30), settings.backoff(8));
    }

    @Test
    void defaultsWhenNothingIsSet() {
        WorkflowSettings settings = WorkflowSettings.configured();
        assertEquals(5, settings.retries());
        assertEquals(Duration.ofDays(30), settings.retention());
        assertEquals(Duration.ofSeconds(10), settings.lockTimeout());
    }
}
