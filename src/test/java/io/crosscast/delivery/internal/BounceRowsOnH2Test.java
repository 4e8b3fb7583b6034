package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.RecipientsQuarantined;
import io.crosscast.platform.sql.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bounces recorded on the application's schema (H2): matching, idempotence, thresholds, announcements. */
class BounceRowsOnH2Test {

    private static final long DELIVERY = 1;
    private static int database;

    private JdbcDataSource dataSource;
    private final List<RecipientsQuarantined> announced = new ArrayList<>();
    private final BounceSettings settings = new BounceSettings("pop3", Duration.ofSeconds(60), 1, 2, 30, "Aside");
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @BeforeEach
    void schema() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bounceRows" + (++database) + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        LedgerTestData.migrate(dataSource);
        LedgerTestData.delivery(dataSource, DELIVERY, "SENT", 4);
        try (Connection c = dataSource.getConnection();
                PreparedStatement sent = c.prepareStatement("UPDATE delivery_message SET status = 'SENT',"
                        + " message_id = '<d1.r' || recipient_id || '.TAG@crosscast.test>', sent_at = ?")) {
            sent.setObject(1, SqlValues.timestamp(now.minusSeconds(600)));
            sent.executeUpdate();
        }
    }

    private BounceRows.Outcome record(Bounce... bounces) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return BounceRows.record(c, List.of(bounces), settings, now, announced::add);
        }
    }

    private static Bounce hard(long recipient, String key) {
        return new Bounce(
                Bounce.Kind.HARD,
                "5.1.1",
                "550 5.1.1 User unknown",
                null,
                "<d1.r" + recipient + ".TAG@crosscast.test>",
                key);
    }

    private static Bounce soft(long recipient, String key) {
        return new Bounce(
                Bounce.Kind.SOFT,
                "4.2.2",
                "452 4.2.2 Mailbox full",
                null,
                "<d1.r" + recipient + ".TAG@crosscast.test>",
                key);
    }

    @Test
    void aHardBounceFailsItsRowAndQuarantinesOnceEvenWhenReadTwice() throws SQLException {
        BounceRows.Outcome first = record(hard(1, "<b1@mx>"));
        assertEquals(new BounceRows.Outcome(1, 0, 0, 0, 1), first);
        BounceRows.Outcome again = record(hard(1, "<b1@mx>"));
        assertEquals(new BounceRows.Outcome(0, 0, 1, 0, 0), again, "the same bounce read again counts once");

        assertEquals(Map.of("FAILED", 1L, "SENT", 3L), LedgerTestData.statuses(dataSource, DELIVERY));
        assertEquals(
                "Bounced: 550 5.1.1 User unknown", text("SELECT reason FROM delivery_message WHERE recipient_id = 1"));
        assertEquals(
                "Bounced: 550 5.1.1 User unknown", text("SELECT email_quarantine_reason FROM recipient WHERE id = 1"));
        assertEquals(1, announced.size());
        assertEquals(DELIVERY, announced.get(0).deliveryId());
        assertEquals(1, announced.get(0).recipients().get(0).recipientId());
        assertEquals("1", text("SELECT COUNT(*) FROM delivery_bounce"));
    }

    @Test
    void softBouncesAreCountedAndQuarantineAtTheThreshold() throws SQLException {
        assertEquals(new BounceRows.Outcome(0, 1, 0, 0, 0), record(soft(2, "<s1@mx>")));
        assertNull(text("SELECT email_quarantined_at FROM recipient WHERE id = 2"));
        assertEquals(new BounceRows.Outcome(0, 1, 0, 0, 1), record(soft(2, "<s2@mx>")));
        assertTrue(text("SELECT email_quarantine_reason FROM recipient WHERE id = 2")
                .startsWith("2 soft bounces in 30"));
        assertEquals(Map.of("SENT", 4L), LedgerTestData.statuses(dataSource, DELIVERY), "soft bounces fail nothing");
    }

    @Test
    void unknownMessageIdsAndForgedTagsMatchNothingButTheAddressFallbackDoes() throws SQLException {
        Bounce forged = new Bounce(Bounce.Kind.HARD, "5.1.1", "x", null, "<d1.r3.FORGED@crosscast.test>", "<f@mx>");
        Bounce none = new Bounce(Bounce.Kind.HARD, "5.1.1", "x", null, null, "<n@mx>");
        Bounce byAddress = new Bounce(Bounce.Kind.HARD, "5.1.1", "x", "r4@example.com", null, "<a@mx>");
        assertEquals(new BounceRows.Outcome(1, 0, 0, 2, 1), record(forged, none, byAddress));
        assertEquals("FAILED", text("SELECT status FROM delivery_message WHERE recipient_id = 4"));
        assertEquals("SENT", text("SELECT status FROM delivery_message WHERE recipient_id = 3"));
    }

    @Test
    void aVerpTokenMatchesItsRowWhateverTheHost() throws SQLException {
        Bounce verp = new Bounce(Bounce.Kind.HARD, "5.1.1", "x", null, "<d1.r2.TAG@verp.invalid>", "<v@mx>");
        Bounce otherRecipient = new Bounce(Bounce.Kind.HARD, "5.1.1", "x", null, "<d1.r3.TAG2@verp.invalid>", "<w@mx>");
        assertEquals(new BounceRows.Outcome(1, 0, 0, 1, 1), record(verp, otherRecipient));
        assertEquals("FAILED", text("SELECT status FROM delivery_message WHERE recipient_id = 2"));
        assertEquals("SENT", text("SELECT status FROM delivery_message WHERE recipient_id = 3"));
    }

    @Test
    void anAddressChangedSinceIsNotQuarantined() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement change = c.prepareStatement(
                        "UPDATE recipient SET email = 'new@example.com', email_key = 'new@example.com' WHERE id = 1")) {
            change.executeUpdate();
        }
        assertEquals(new BounceRows.Outcome(1, 0, 0, 0, 0), record(hard(1, "<b1@mx>")));
        assertNull(text("SELECT email_quarantined_at FROM recipient WHERE id = 1"));
        assertTrue(announced.isEmpty());
    }

    private String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            Object value = rows.getObject(1);
            return value == null ? null : value.toString();
        }
    }
}
