package io.crosscast.webhook.internal;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.webhook.WebhookEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook outbox ({@code webhook_event}, one row per event and subscription, kept as the delivery log) and its
 * attempts ({@code webhook_attempt}), in SQL. An event is recorded with one set-based INSERT for all its active
 * subscribers, in the caller's transaction (JTA through the entity manager, or a plain JDBC connection); the
 * sender claims due rows and writes each attempt's result on a non-JTA connection.
 */
public final class Outbox {

    /** What one attempt leaves behind. */
    public record Result(Integer httpStatus, String error, long millis) {
        public boolean delivered() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    /** A due row, claimed, with where and how to send it. */
    public record Due(
            long id,
            long subscriptionId,
            String url,
            String secret,
            String eventId,
            String event,
            String payload,
            int attempts) {}

    /** Parameters: event id, event name, payload, next attempt, created, the LIKE pattern of the event name. */
    public static final String ENQUEUE = "INSERT INTO webhook_event (subscription_id, event_id, event, payload,"
            + " status, attempts, next_attempt_at, created_at)"
            + " SELECT s.id, CAST(? AS VARCHAR(36)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(1000000)), 'PENDING', 0,"
            + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS TIMESTAMP(6) WITH TIME ZONE)"
            + " FROM webhook_subscription s WHERE s.active = TRUE AND s.events LIKE CAST(? AS VARCHAR(60))";

    private static final String DUE = "SELECT e.id, e.subscription_id, s.url, s.secret, e.event_id, e.event,"
            + " e.payload, e.attempts FROM webhook_event e JOIN webhook_subscription s ON s.id = e.subscription_id"
            + " WHERE e.status = 'PENDING' AND s.active = TRUE AND e.next_attempt_at <= ?"
            + " AND (e.claimed_until IS NULL OR e.claimed_until <= ?)"
            + " ORDER BY e.next_attempt_at, e.id FETCH FIRST ";

    private Outbox() {}

    /** The parameters of {@link #ENQUEUE}. */
    public static List<Object> enqueueParameters(String eventId, WebhookEvent event, String payload, Instant at) {
        Object when = SqlValues.timestamp(at);
        return List.of(eventId, event.wireName(), payload, when, when, "%," + event.wireName() + ",%");
    }

    /** Records the event for its subscribers on {@code connection}, in its transaction; returns how many. */
    public static int enqueue(Connection connection, String eventId, WebhookEvent event, String payload, Instant at)
            throws SQLException {
        return NativeSql.update(connection, ENQUEUE, enqueueParameters(eventId, event, payload, at));
    }

    /**
     * Claims up to {@code limit} rows due at {@code now} that no sender holds, until {@code leaseUntil}, in one
     * transaction of its own. On PostgreSQL the rows are locked while claimed and rows another claim locks are
     * skipped ({@code FOR UPDATE SKIP LOCKED}), so several servers never claim the same row; H2 serves one server,
     * whose sender runs one claim at a time.
     */
    public static List<Due> claim(
            Connection connection, DatabaseVendor vendor, Instant now, Instant leaseUntil, int limit)
            throws SQLException {
        String sql = DUE + limit + " ROWS ONLY"
                + (vendor == DatabaseVendor.POSTGRESQL ? " FOR UPDATE OF e SKIP LOCKED" : "");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            List<Due> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setObject(1, SqlValues.timestamp(now));
                select.setObject(2, SqlValues.timestamp(now));
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        rows.add(new Due(
                                found.getLong(1),
                                found.getLong(2),
                                found.getString(3),
                                found.getString(4),
                                found.getString(5),
                                found.getString(6),
                                found.getString(7),
                                found.getInt(8)));
                    }
                }
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement mark =
                        connection.prepareStatement("UPDATE webhook_event SET claimed_until = ? WHERE id = ?")) {
                    for (Due row : rows) {
                        mark.setObject(1, SqlValues.timestamp(leaseUntil));
                        mark.setLong(2, row.id());
                        mark.addBatch();
                    }
                    mark.executeBatch();
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Writes an attempt and its consequence in one transaction: DELIVERED on a 2xx, else PENDING again after the
     * backoff's delay, or FAILED after the last attempt. The claim ends.
     */
    public static void record(Connection connection, Due row, Result result, Instant at, Backoff backoff)
            throws SQLException {
        int attempt = row.attempts() + 1;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_attempt (event_row_id,"
                    + " attempt, attempted_at, http_status, error, millis) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, row.id());
                insert.setInt(2, attempt);
                insert.setObject(3, SqlValues.timestamp(at));
                if (result.httpStatus() == null) {
                    insert.setNull(4, Types.INTEGER);
                } else {
                    insert.setInt(4, result.httpStatus());
                }
                insert.setString(5, cut(result.error(), 500));
                insert.setLong(6, result.millis());
                insert.executeUpdate();
            }
            if (result.delivered()) {
                NativeSql.update(
                        connection,
                        "UPDATE webhook_event SET status = 'DELIVERED', attempts = ?, delivered_at = ?,"
                                + " claimed_until = NULL WHERE id = ?",
                        List.of(attempt, SqlValues.timestamp(at), row.id()));
            } else {
                var retry = backoff.after(attempt);
                if (retry.isPresent()) {
                    NativeSql.update(
                            connection,
                            "UPDATE webhook_event SET attempts = ?, next_attempt_at = ?, claimed_until = NULL"
                                    + " WHERE id = ?",
                            List.of(attempt, SqlValues.timestamp(at.plus(retry.get())), row.id()));
                } else {
                    NativeSql.update(
                            connection,
                            "UPDATE webhook_event SET status = 'FAILED', attempts = ?, claimed_until = NULL"
                                    + " WHERE id = ?",
                            List.of(attempt, row.id()));
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
