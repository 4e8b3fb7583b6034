package io.crosscast.delivery.internal;

import io.crosscast.delivery.RecipientsQuarantined;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes a batch of send results to the ledger, trying again when the write fails: the messages are with the relay
 * or the SMSC already, and results not written leave their rows PENDING, so the next run would send them again
 * although nothing crashed. Up to {@link #ATTEMPTS} tries, waits doubling from {@link #FIRST_WAIT_MILLIS} ms; the
 * first on the sender's own connection, the others on a fresh one from the pool (the sender's may be the broken
 * part). Only a database that stays unreachable throughout turns them into duplicates, within the crash bound.
 */
final class ResultWrites {

    static final int ATTEMPTS = 5;
    static final long FIRST_WAIT_MILLIS = 250;

    private static final Logger LOG = Logger.getLogger(ResultWrites.class.getName());

    private ResultWrites() {}

    static void write(
            Connection own,
            DataSource pool,
            long deliveryId,
            List<LedgerResult> results,
            Clock clock,
            Consumer<RecipientsQuarantined> quarantined)
            throws SQLException, InterruptedException {
        long wait = FIRST_WAIT_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt == 1) {
                    LedgerRows.record(own, deliveryId, results, Instant.now(clock), quarantined);
                } else {
                    try (Connection fresh = pool.getConnection()) {
                        LedgerRows.record(fresh, deliveryId, results, Instant.now(clock), quarantined);
                    }
                }
                return;
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warning("Delivery " + deliveryId + ": the results of " + results.size()
                        + " messages could not be written (" + e.getMessage() + "); trying again in " + wait
                        + " ms (attempt " + attempt + " of " + ATTEMPTS + ")");
                Thread.sleep(wait);
                wait *= 2;
            }
        }
    }
}
