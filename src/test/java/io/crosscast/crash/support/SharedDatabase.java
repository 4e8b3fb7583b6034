package io.crosscast.crash.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the cluster crash test reads in the cluster's shared PostgreSQL database ({@code crash.db.url}...), besides
 * the REST API: which node holds claims on a delivery's ledger, and which node holds a fired trigger. Reads only.
 */
public final class SharedDatabase implements AutoCloseable {

    private final Connection connection;

    public SharedDatabase() {
        try {
            connection = DriverManager.getConnection(
                    System.getProperty("crash.db.url"),
                    System.getProperty("crash.db.user", "crosscast"),
                    System.getProperty("crash.db.password", "crosscast"));
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + System.getProperty("crash.db.url"), e);
        }
    }

    /** Whether the database holds Crosscast's schema already (Flyway's history table), i.e. a server started on it. */
    public boolean isMigrated() {
        long[] count = {0};
        query(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_name = 'flyway_schema_history'",
                rows -> count[0] = rows.getLong(1));
        return count[0] > 0;
    }

    /** The addresses of the delivery's PENDING rows that {@code node} holds a claim on (expired or not). */
    public List<String> claimedBy(long deliveryId, String node) {
        List<String> addresses = new ArrayList<>();
        query(
                "SELECT r.email FROM delivery_message dm JOIN recipient r ON r.id = dm.recipient_id"
                        + " WHERE dm.delivery_id = ? AND dm.status = 'PENDING' AND dm.claimed_by = ?",
                rows -> addresses.add(rows.getString(1)),
                deliveryId,
                node);
        return addresses;
    }

    /** How many of the delivery's PENDING rows {@code node} holds a claim on (expired or not). */
    public long claimCount(long deliveryId, String node) {
        long[] count = {0};
        query(
                "SELECT COUNT(*) FROM delivery_message WHERE delivery_id = ? AND status = 'PENDING' AND claimed_by = ?",
                rows -> count[0] = rows.getLong(1),
                deliveryId,
                node);
        return count[0];
    }

    /**
     * The node (Quartz instance) that holds a fired trigger of the job {@code name} in {@code group} right now, with
     * the trigger's state there (ACQUIRED: due within the scheduler's look-ahead, EXECUTING: its job runs).
     */
    public Optional<String[]> firedTrigger(String group, String name) {
        List<String[]> found = new ArrayList<>();
        query(
                "SELECT instance_name, state FROM qrtz_fired_triggers WHERE trigger_group = ? AND trigger_name = ?",
                rows -> found.add(new String[] {rows.getString(1), rows.getString(2)}),
                group,
                name);
        return found.stream().findFirst();
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Row row, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a read-only connection: nothing to keep
        }
    }
}
