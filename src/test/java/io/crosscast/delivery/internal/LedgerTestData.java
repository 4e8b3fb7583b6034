package io.crosscast.delivery.internal;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The application's schema on an H2 test database, a delivery with its ledger, and what the ledger says. */
final class LedgerTestData {

    private LedgerTestData() {}

    static void migrate(DataSource dataSource) {
        Flyway.configure(LedgerTestData.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .placeholders(Map.of("binary", DatabaseVendor.H2.binaryType()))
                .load()
                .migrate();
    }

    /** A delivery with recipients 1..n (r{i}@example.com, at domain example.com) all PENDING in its ledger. */
    static void delivery(DataSource dataSource, long id, String status, int recipients) throws SQLException {
        Object now = SqlValues.timestamp(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement d =
                    c.prepareStatement("INSERT INTO delivery (id, label, channel, status, created_at,"
                            + " updated_at) VALUES (?, 'Test', 'EMAIL', ?, ?, ?)")) {
                d.setLong(1, id);
                d.setString(2, status);
                d.setObject(3, now);
                d.setObject(4, now);
                d.executeUpdate();
            }
            try (PreparedStatement r = c.prepareStatement("INSERT INTO recipient (id, first_name, email, email_key,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement m = c.prepareStatement("INSERT INTO delivery_message (delivery_id, recipient_id,"
                            + " address, status, updated_at) VALUES (?, ?, ?, 'PENDING', ?)")) {
                for (int i = 1; i <= recipients; i++) {
                    String email = "r" + i + "@example.com";
                    r.setLong(1, i);
                    r.setString(2, "R" + i);
                    r.setString(3, email);
                    r.setString(4, email);
                    r.setObject(5, now);
                    r.setObject(6, now);
                    r.addBatch();
                    m.setLong(1, id);
                    m.setLong(2, i);
                    m.setString(3, email);
                    m.setObject(4, now);
                    m.addBatch();
                }
                r.executeBatch();
                m.executeBatch();
            }
        }
    }

    static void setStatus(DataSource dataSource, long id, String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE delivery SET status = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Ledger rows by status. */
    static Map<String, Long> statuses(DataSource dataSource, long id) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT status, COUNT(*) FROM delivery_message WHERE delivery_id = ? GROUP BY status")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Ledger rows that carry a claim. */
    static long claimed(DataSource dataSource, long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT COUNT(*) FROM delivery_message WHERE delivery_id = ? AND claimed_by IS NOT NULL")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static boolean emailQuarantined(DataSource dataSource, long recipientId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT email_quarantined_at FROM recipient WHERE id = ?")) {
            select.setLong(1, recipientId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getObject(1) != null;
            }
        }
    }
}
