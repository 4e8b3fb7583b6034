package io.crosscast.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.webhook.WebhookEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's SQL on the real schema (Flyway's migrations) on H2: fan-out, claims, retries, the log. */
class OutboxOnH2Test {

    private static int database;
    private JdbcDataSource dataSource;
    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

    @BeforeEach
    void schema() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outbox" + (++database) + ";DB_CLOSE_DELAY=-1");
        Flyway.configure(OutboxOnH2Test.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .placeholders(Map.of("binary", DatabaseVendor.H2.binaryType()))
                .load()
                .migrate();
        subscription(1, ",run.finished,recipient.bounced,", true);
        subscription(2, ",run.finished,", true);
        subscription(3, ",run.finished,", false);
        subscription(4, ",run.failed,", true);
    }

    @Test
    void anEventGoesToEachActiveSubscriberOfItsTypeOnly() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals(2, Outbox.enqueue(c, "e1", WebhookEvent.RUN_FINISHED, "{\"a\":1}", now));
            assertEquals(1, Outbox.enqueue(c, "e2", WebhookEvent.RECIPIENT_BOUNCED, "{}", now));
            assertEquals(0, Outbox.enqueue(c, "e3", WebhookEvent.DELIVERY_FINISHED, "{}", now));
            List<Outbox.Due> due = Outbox.claim(c, DatabaseVendor.H2, now, now.plusSeconds(120), 10);
            assertEquals(List.of("1 run.finished e1", "2 run.finished e1", "1 recipient.bounced e2"), describe(due));
            assertEquals("{\"a\":1}", due.get(0).payload());
            assertEquals("https://receiver1.example.com/hook", due.get(0).url());
            assertEquals("secret-1", due.get(0).secret());
            assertEquals(
                    List.of(), Outbox.claim(c, DatabaseVendor.H2, now, now.plusSeconds(120), 10), "claimed rows wait");
            assertEquals(
                    3,
                    Outbox.claim(c, DatabaseVendor.H2, now.plusSeconds(121), now.plusSeconds(240), 10)
                            .size(),
                    "a claim whose lease ended is taken again");
        }
    }

    @Test
    void aFailureIsRetriedAfterTheBackoffThenFailsForGoodAndEveryAttemptIsLogged() throws SQLException {
        Backoff backoff = Backoff.of("30,120");
        try (Connection c = dataSource.getConnection()) {
            Outbox.enqueue(c, "e1", WebhookEvent.RUN_FAILED, "{}", now);
            Outbox.Due first = single(Outbox.claim(c, DatabaseVendor.H2, now, now.plusSeconds(120), 10));
            Outbox.record(c, first, new Outbox.Result(500, null, 12), now, backoff);
            assertEquals("PENDING 1 " + now.plusSeconds(30), state(c, first.id()));
            assertEquals(List.of(), Outbox.claim(c, DatabaseVendor.H2, now.plusSeconds(29), now, 10), "not yet due");

            Outbox.Due second =
                    single(Outbox.claim(c, DatabaseVendor.H2, now.plusSeconds(30), now.plusSeconds(150), 10));
            assertEquals(1, second.attempts());
            Outbox.record(
                    c, second, new Outbox.Result(null, "ConnectException: refused", 3), now.plusSeconds(30), backoff);
            assertEquals("PENDING 2 " + now.plusSeconds(150), state(c, first.id()));

            Outbox.Due third =
                    single(Outbox.claim(c, DatabaseVendor.H2, now.plusSeconds(150), now.plusSeconds(270), 10));
            Outbox.record(c, third, new Outbox.Result(503, null, 5), now.plusSeconds(150), backoff);
            assertTrue(state(c, first.id()).startsWith("FAILED 3"), state(c, first.id()));
            assertEquals(List.of(), Outbox.claim(c, DatabaseVendor.H2, now.plusSeconds(99_999), now, 10));
            assertEquals(
                    List.of("1 500 null", "2 null ConnectException: refused", "3 503 null"), attempts(c, first.id()));
        }
    }

    @Test
    void a2xxIsDelivered() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Outbox.enqueue(c, "e1", WebhookEvent.RUN_FAILED, "{}", now);
            Outbox.Due row = single(Outbox.claim(c, DatabaseVendor.H2, now, now.plusSeconds(120), 10));
            Outbox.record(c, row, new Outbox.Result(204, null, 7), now.plusSeconds(1), Backoff.DEFAULT);
            assertTrue(state(c, row.id()).startsWith("DELIVERED 1"), state(c, row.id()));
            assertEquals(List.of(), Outbox.claim(c, DatabaseVendor.H2, now.plusSeconds(99_999), now, 10));
        }
    }

    @Test
    void anEnqueueRolledBackWithItsFactLeavesNothing() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Outbox.enqueue(c, "e1", WebhookEvent.RECIPIENT_BOUNCED, "{}", now);
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(List.of(), Outbox.claim(c, DatabaseVendor.H2, now, now.plusSeconds(120), 10));
        }
    }

    private static Outbox.Due single(List<Outbox.Due> rows) {
        assertEquals(1, rows.size(), "rows: " + rows);
        return rows.get(0);
    }

    private static List<String> describe(List<Outbox.Due> rows) {
        return rows.stream()
                .map(r -> r.subscriptionId() + " " + r.event() + " " + r.eventId())
                .toList();
    }

    private void subscription(long id, String events, boolean active) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_subscription (id, url, events,"
                        + " secret, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "https://receiver" + id + ".example.com/hook");
            insert.setString(3, events);
            insert.setString(4, "secret-" + id);
            insert.setBoolean(5, active);
            insert.setObject(6, SqlValues.timestamp(now));
            insert.setObject(7, SqlValues.timestamp(now));
            insert.executeUpdate();
        }
    }

    private static String state(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status, attempts, next_attempt_at, claimed_until FROM webhook_event WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertNull(row.getObject(4), "no claim left");
                return row.getString(1) + " " + row.getInt(2) + " " + SqlValues.instant(row.getObject(3));
            }
        }
    }

    private static List<String> attempts(Connection c, long id) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT attempt, http_status, error FROM webhook_attempt WHERE event_row_id = ? ORDER BY attempt")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(row.getInt(1) + " " + row.getObject(2) + " " + row.getString(3));
                }
            }
        }
        return lines;
    }
}
