package io.crosscast.delivery.internal;

import io.crosscast.audience.QuarantineService;
import io.crosscast.audience.RecipientMarks;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.LedgerReason;
import io.crosscast.delivery.RecipientsQuarantined;
import io.crosscast.platform.sql.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records bounces read from the bounce mailbox, in one transaction on a connection of the non-JTA datasource: each
 * is matched to its ledger row (by the signed Message-ID it was sent with; failing that, by the bounced address's
 * latest message), stored once per bounce message ({@code delivery_bounce}, so reading a bounce again changes
 * nothing), a hard one fails its row, and an address past its threshold is quarantined and announced
 * ({@link RecipientsQuarantined}) in the same transaction.
 */
public final class BounceRows {

    /** What became of a mailbox's bounces. */
    public record Outcome(int hard, int soft, int repeated, int unmatched, int quarantined) {}

    private static final Pattern IDS = Pattern.compile("^<d(\\d+)\\.r(\\d+)\\.");

    private static final String BY_IDS = "SELECT delivery_id, recipient_id, address, message_id FROM delivery_message"
            + " WHERE delivery_id = ? AND recipient_id = ?";
    private static final String BY_MESSAGE_ID =
            "SELECT delivery_id, recipient_id, address FROM delivery_message WHERE message_id = ?";
    private static final String BY_ADDRESS = "SELECT delivery_id, recipient_id, address FROM delivery_message"
            + " WHERE address = ? AND status IN ('SENT', 'FAILED', 'DELIVERED') AND sent_at IS NOT NULL"
            + " ORDER BY sent_at DESC FETCH FIRST 1 ROWS ONLY";
    private static final String SEEN =
            "SELECT COUNT(*) FROM delivery_bounce" + " WHERE delivery_id = ? AND recipient_id = ? AND bounce_key = ?";
    private static final String INSERT = "INSERT INTO delivery_bounce"
            + " (delivery_id, recipient_id, kind, status, reason, bounce_key, bounced_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String FAIL = "UPDATE delivery_message SET status = 'FAILED', reason = ?, updated_at = ?"
            + " WHERE delivery_id = ? AND recipient_id = ? AND status IN ('SENT', 'DELIVERED')";
    private static final String HARD_COUNT =
            "SELECT COUNT(*) FROM delivery_bounce WHERE recipient_id = ? AND kind = 'HARD'";
    private static final String SOFT_COUNT =
            "SELECT COUNT(*) FROM delivery_bounce WHERE recipient_id = ? AND kind = 'SOFT' AND bounced_at >= ?";
    private static final String CURRENT_ADDRESS =
            "SELECT email FROM recipient WHERE id = ? AND email_quarantined_at IS NULL";

    private BounceRows() {}

    /** A ledger row a bounce belongs to. */
    record Row(long deliveryId, long recipientId, String address) {}

    /** Records the bounces (in one transaction) and returns what became of them. */
    public static Outcome record(
            Connection connection,
            List<Bounce> bounces,
            BounceSettings settings,
            Instant now,
            Consumer<RecipientsQuarantined> quarantined)
            throws SQLException {
        int hard = 0;
        int soft = 0;
        int repeated = 0;
        int unmatched = 0;
        Map<Long, List<RecipientMarks.Quarantine>> quarantines = new LinkedHashMap<>();
        java.util.Set<Long> quarantining = new java.util.HashSet<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Bounce bounce : bounces) {
                Optional<Row> found = row(connection, bounce);
                if (found.isEmpty()) {
                    unmatched++;
                    continue;
                }
                Row row = found.get();
                if (seen(connection, row, bounce.key())) {
                    repeated++;
                    continue;
                }
                insert(connection, row, bounce, now);
                Optional<String> reason;
                if (bounce.kind() == Bounce.Kind.HARD) {
                    hard++;
                    fail(connection, row, bounce, now);
                    reason = count(connection, HARD_COUNT, row.recipientId(), null) >= settings.hardThreshold()
                            ? Optional.of(LedgerReason.BOUNCED.format(bounce.reason()))
                            : Optional.empty();
                } else {
                    soft++;
                    long count = settings.softThreshold() == 0
                            ? 0
                            : count(
                                    connection,
                                    SOFT_COUNT,
                                    row.recipientId(),
                                    now.minus(Duration.ofDays(settings.softDays())));
                    reason = settings.softThreshold() > 0 && count >= settings.softThreshold()
                            ? Optional.of(LedgerReason.SOFT_BOUNCES.format(count, settings.softDays(), bounce.reason()))
                            : Optional.empty();
                }
                if (reason.isPresent() && stillTheAddress(connection, row) && quarantining.add(row.recipientId())) {
                    quarantines
                            .computeIfAbsent(row.deliveryId(), d -> new ArrayList<>())
                            .add(new RecipientMarks.Quarantine(row.recipientId(), shorten(reason.get())));
                }
            }
            for (Map.Entry<Long, List<RecipientMarks.Quarantine>> entry : quarantines.entrySet()) {
                RecipientMarks.quarantine(connection, QuarantineService.Kind.EMAIL, now, entry.getValue());
                quarantined.accept(
                        new RecipientsQuarantined(connection, entry.getKey(), Channel.EMAIL, now, entry.getValue()));
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Outcome(hard, soft, repeated, unmatched, quarantining.size());
    }

    /** The ledger row of the message that bounced. */
    static Optional<Row> row(Connection connection, Bounce bounce) throws SQLException {
        String messageId = bounce.messageId();
        if (messageId != null) {
            Matcher ids = IDS.matcher(messageId);
            if (ids.find() && messageId.indexOf('@') > 0) {
                // the row of those ids, if its Message-ID has this token (the signed local part; the host may differ:
                // a VERP token comes as <token@verp.invalid>)
                String token = messageId.substring(0, messageId.indexOf('@') + 1);
                Optional<Row> row =
                        bySignedIds(connection, Long.parseLong(ids.group(1)), Long.parseLong(ids.group(2)), token);
                if (row.isPresent()) {
                    return row;
                }
            } else {
                Optional<Row> row = select(connection, BY_MESSAGE_ID, messageId);
                if (row.isPresent()) {
                    return row;
                }
            }
        }
        if (bounce.recipient() != null) {
            return select(connection, BY_ADDRESS, bounce.recipient());
        }
        return Optional.empty();
    }

    private static Optional<Row> bySignedIds(Connection connection, long deliveryId, long recipientId, String token)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BY_IDS)) {
            select.setLong(1, deliveryId);
            select.setLong(2, recipientId);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()
                        && rows.getString(4) != null
                        && rows.getString(4).startsWith(token)) {
                    return Optional.of(new Row(rows.getLong(1), rows.getLong(2), rows.getString(3)));
                }
                return Optional.empty();
            }
        }
    }

    private static Optional<Row> select(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Row(rows.getLong(1), rows.getLong(2), rows.getString(3)))
                        : Optional.empty();
            }
        }
    }

    private static boolean seen(Connection connection, Row row, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SEEN)) {
            select.setLong(1, row.deliveryId());
            select.setLong(2, row.recipientId());
            select.setString(3, key);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static void insert(Connection connection, Row row, Bounce bounce, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, row.deliveryId());
            insert.setLong(2, row.recipientId());
            insert.setString(3, bounce.kind().name());
            insert.setString(4, bounce.status() == null ? null : cut(bounce.status(), 20));
            insert.setString(5, shorten(bounce.reason()));
            insert.setString(6, cut(bounce.key(), 250));
            insert.setObject(7, SqlValues.timestamp(now));
            insert.executeUpdate();
        }
    }

    private static void fail(Connection connection, Row row, Bounce bounce, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(FAIL)) {
            update.setString(1, shorten(LedgerReason.BOUNCED.format(bounce.reason())));
            update.setObject(2, SqlValues.timestamp(now));
            update.setLong(3, row.deliveryId());
            update.setLong(4, row.recipientId());
            update.executeUpdate();
        }
    }

    private static long count(Connection connection, String sql, long recipientId, Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, recipientId);
            if (since != null) {
                select.setObject(2, SqlValues.timestamp(since));
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Whether the recipient still has the address that bounced (and is not quarantined already). */
    private static boolean stillTheAddress(Connection connection, Row row) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CURRENT_ADDRESS)) {
            select.setLong(1, row.recipientId());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && row.address() != null && row.address().equalsIgnoreCase(rows.getString(1));
            }
        }
    }

    private static String shorten(String text) {
        return text == null ? null : cut(text, 500);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
