package io.crosscast.delivery.internal;

import io.crosscast.audience.QuarantineService;
import io.crosscast.audience.RecipientMarks;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.RecipientsQuarantined;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The send ledger's rows as the senders read and write them, in plain JDBC on a connection of the non-JTA
 * datasource. Rows are read a page at a time in the pending index's order (never a whole delivery), claimed in
 * batches, and their results written a batch at a time in one transaction: a crash before that commit leaves the
 * rows PENDING, so they are sent again (same Message-ID), never skipped.
 */
public final class LedgerRows {

    private static final String COLUMNS = "SELECT dm.recipient_id, dm.address, dm.attempts, r.id, r.first_name,"
            + " r.last_name, r.email, r.mobile_phone, r.status, r.country, r.language, r.birth_date";
    private static final String FROM = " FROM delivery_message dm LEFT JOIN recipient r ON r.id = dm.recipient_id";
    /** The first column of the enrichment values ({@link EnrichmentJoin#read}). */
    private static final int ENRICHMENT_COLUMN = 13;

    // Ordered by the whole index (delivery_id, status, recipient_id), though the first two are fixed: H2 then
    // reads the page straight from the index; ordered by recipient_id alone it read and sorted every pending row
    // for each page (200 times slower at 150,000 rows).
    private static final String READY = " WHERE dm.delivery_id = ? AND dm.status = 'PENDING' AND dm.recipient_id > ?"
            + " AND (dm.next_attempt_at IS NULL OR dm.next_attempt_at <= ?)";
    private static final String ORDER = " ORDER BY dm.delivery_id, dm.status, dm.recipient_id FETCH FIRST ";

    private static final String WHERE_PENDING_ROW =
            " WHERE delivery_id = ? AND recipient_id = ? AND status = 'PENDING'";
    private static final String UNCLAIM = ", claimed_by = NULL, claimed_until = NULL";

    private static final Map<LedgerResult.Kind, String> WRITES = new EnumMap<>(Map.of(
            LedgerResult.Kind.SENT,
            "UPDATE delivery_message SET status = 'SENT', message_id = ?, sent_at = ?,"
                    + " reason = NULL, next_attempt_at = NULL, attempts = attempts + 1, updated_at = ?" + UNCLAIM
                    + WHERE_PENDING_ROW,
            LedgerResult.Kind.FAILED,
            failed(),
            LedgerResult.Kind.FAILED_EMAIL_QUARANTINED,
            failed(),
            LedgerResult.Kind.FAILED_SMS_QUARANTINED,
            failed(),
            LedgerResult.Kind.DEFERRED,
            "UPDATE delivery_message SET reason = ?, next_attempt_at = ?, attempts = ?," + " updated_at = ?" + UNCLAIM
                    + WHERE_PENDING_ROW,
            LedgerResult.Kind.RELEASED,
            "UPDATE delivery_message SET claimed_by = NULL, claimed_until = NULL" + WHERE_PENDING_ROW));

    private LedgerRows() {}

    private static String failed() {
        return "UPDATE delivery_message SET status = 'FAILED', reason = ?, next_attempt_at = NULL,"
                + " attempts = attempts + 1, updated_at = ?" + UNCLAIM + WHERE_PENDING_ROW;
    }

    /**
     * The next page of pending rows due now, after recipient {@code after}, unclaimed or not (the SMS sender, one
     * per delivery, does not claim). In auto-commit mode.
     */
    public static List<PendingMessage> readPending(
            Connection connection, long deliveryId, long after, int limit, Instant now) throws SQLException {
        return readPending(connection, deliveryId, after, limit, now, EnrichmentJoin.NONE);
    }

    /** As {@link #readPending(Connection, long, long, int, Instant)}, with the run's values the templates use. */
    public static List<PendingMessage> readPending(
            Connection connection, long deliveryId, long after, int limit, Instant now, EnrichmentJoin enrichment)
            throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(select(enrichment) + READY + ORDER + limit + " ROWS ONLY")) {
            int i = enrichment.bind(select, 1);
            select.setLong(i++, deliveryId);
            select.setLong(i++, after);
            select.setObject(i, SqlValues.timestamp(now));
            return read(select, limit, enrichment);
        }
    }

    /** The columns and tables of a read, the enrichment values joined. */
    private static String select(EnrichmentJoin enrichment) {
        return COLUMNS + enrichment.columns() + FROM + enrichment.joins();
    }

    /**
     * Claims up to {@code limit} pending rows due now, after recipient {@code after}, that nobody holds (no claim
     * or an expired one), for {@code node} until {@code leaseUntil}, and returns them with what personalisation
     * needs, with the values of the delivery's run its templates use joined in the same select (one query per
     * batch; {@link EnrichmentJoin#NONE} for none). On PostgreSQL, in one transaction, the rows are locked while
     * claimed and rows locked by another claim are skipped ({@code FOR UPDATE SKIP LOCKED}), then marked: several
     * servers never claim the same row. H2
     * serves one server only, whose claims of one delivery are made one at a time by its caller from one cursor:
     * there the rows are only read (marking them would double H2's writes for nothing).
     */
    public static List<PendingMessage> claim(
            Connection connection,
            DatabaseVendor vendor,
            long deliveryId,
            long after,
            int limit,
            String node,
            Instant now,
            Instant leaseUntil,
            EnrichmentJoin enrichment)
            throws SQLException {
        boolean shared = marksClaims(vendor);
        return claim(
                connection,
                deliveryId,
                after,
                limit,
                node,
                now,
                leaseUntil,
                shared,
                shared ? " FOR UPDATE OF dm SKIP LOCKED" : "",
                enrichment);
    }

    /** Whether claims mark their rows on this database (PostgreSQL: several servers), else only read them (H2). */
    public static boolean marksClaims(DatabaseVendor vendor) {
        return vendor == DatabaseVendor.POSTGRESQL;
    }

    /** The claim itself: {@code mark} the rows or only read them, with {@code lock} appended to the select. */
    static List<PendingMessage> claim(
            Connection connection,
            long deliveryId,
            long after,
            int limit,
            String node,
            Instant now,
            Instant leaseUntil,
            boolean mark,
            String lock)
            throws SQLException {
        return claim(connection, deliveryId, after, limit, node, now, leaseUntil, mark, lock, EnrichmentJoin.NONE);
    }

    static List<PendingMessage> claim(
            Connection connection,
            long deliveryId,
            long after,
            int limit,
            String node,
            Instant now,
            Instant leaseUntil,
            boolean mark,
            String lock,
            EnrichmentJoin enrichment)
            throws SQLException {
        String sql = select(enrichment) + READY + " AND (dm.claimed_until IS NULL OR dm.claimed_until <= ?)" + ORDER
                + limit + " ROWS ONLY" + lock;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (mark && !lock.isEmpty()) {
                // A claim need not outlive a crash (a server gives back its claims when it starts, and a lost
                // claim only leaves its rows free): PostgreSQL need not wait for the disk at its commit.
                try (Statement asynchronous = connection.createStatement()) {
                    asynchronous.execute("SET LOCAL synchronous_commit TO OFF");
                }
            }
            List<PendingMessage> rows;
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = enrichment.bind(select, 1);
                select.setLong(i++, deliveryId);
                select.setLong(i++, after);
                select.setObject(i++, SqlValues.timestamp(now));
                select.setObject(i, SqlValues.timestamp(now));
                rows = read(select, limit, enrichment);
            }
            if (mark && !rows.isEmpty()) {
                try (PreparedStatement marking = connection.prepareStatement(
                        "UPDATE delivery_message SET claimed_by = ?," + " claimed_until = ?" + WHERE_PENDING_ROW)) {
                    for (PendingMessage row : rows) {
                        marking.setString(1, node);
                        marking.setObject(2, SqlValues.timestamp(leaseUntil));
                        marking.setLong(3, deliveryId);
                        marking.setLong(4, row.recipientId());
                        marking.addBatch();
                    }
                    marking.executeBatch();
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
     * Writes a batch's results in one transaction; each write applies only to a row still PENDING. The quarantines
     * the results cause are written and announced to {@code quarantined} (one event per channel) in it too.
     */
    public static void record(
            Connection connection,
            long deliveryId,
            List<LedgerResult> results,
            Instant now,
            Consumer<RecipientsQuarantined> quarantined)
            throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        Map<LedgerResult.Kind, List<LedgerResult>> byKind = new EnumMap<>(LedgerResult.Kind.class);
        for (LedgerResult result : results) {
            byKind.computeIfAbsent(result.kind(), k -> new ArrayList<>()).add(result);
        }
        Object at = SqlValues.timestamp(now);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Map.Entry<LedgerResult.Kind, List<LedgerResult>> group : byKind.entrySet()) {
                try (PreparedStatement write = connection.prepareStatement(WRITES.get(group.getKey()))) {
                    for (LedgerResult result : group.getValue()) {
                        bind(write, group.getKey(), result, at, deliveryId);
                        write.addBatch();
                    }
                    write.executeBatch();
                }
                QuarantineService.Kind quarantine = group.getKey() == LedgerResult.Kind.FAILED_EMAIL_QUARANTINED
                        ? QuarantineService.Kind.EMAIL
                        : group.getKey() == LedgerResult.Kind.FAILED_SMS_QUARANTINED
                                ? QuarantineService.Kind.SMS
                                : null;
                if (quarantine != null) {
                    List<RecipientMarks.Quarantine> entries = group.getValue().stream()
                            .map(r -> new RecipientMarks.Quarantine(r.recipientId(), r.reason()))
                            .toList();
                    RecipientMarks.quarantine(connection, quarantine, now, entries);
                    // announced in this transaction: the webhook outbox rows commit with the quarantines
                    quarantined.accept(new RecipientsQuarantined(
                            connection,
                            deliveryId,
                            quarantine == QuarantineService.Kind.EMAIL ? Channel.EMAIL : Channel.SMS,
                            now,
                            entries));
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

    /**
     * Gives back every claim {@code node} holds on the pending rows of deliveries still sending: called when the
     * server starts, since claims made before a crash or a stop are not being worked on any more. Returns how many.
     */
    public static int releaseClaims(Connection connection, String node) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE delivery_message SET claimed_by = NULL,"
                + " claimed_until = NULL WHERE delivery_id IN (SELECT d.id FROM delivery d WHERE d.status = 'SENDING')"
                + " AND status = 'PENDING' AND claimed_by = ?")) {
            release.setString(1, node);
            return release.executeUpdate();
        }
    }

    /**
     * Extends {@code node}'s claims on rows {@code recipientIds} of a delivery until {@code leaseUntil} (a worker whose
     * batch outlasts part of its lease, e.g. behind a slow relay, so that no other node takes rows it is still
     * sending); returns the ids it still held, in their order. A row missing from the answer was taken by another
     * node after the claim had expired, or has a result already: the worker must not send it. Like a claim, a renewal
     * need not outlive a crash (PostgreSQL's asynchronous commit).
     */
    public static List<Long> renewClaims(
            Connection connection,
            DatabaseVendor vendor,
            long deliveryId,
            String node,
            List<Long> recipientIds,
            Instant leaseUntil)
            throws SQLException {
        if (recipientIds.isEmpty()) {
            return List.of();
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (vendor == DatabaseVendor.POSTGRESQL) {
                try (Statement asynchronous = connection.createStatement()) {
                    asynchronous.execute("SET LOCAL synchronous_commit TO OFF");
                }
            }
            int[] counts;
            try (PreparedStatement renew = connection.prepareStatement(
                    "UPDATE delivery_message SET claimed_until = ?" + WHERE_PENDING_ROW + " AND claimed_by = ?")) {
                for (long id : recipientIds) {
                    renew.setObject(1, SqlValues.timestamp(leaseUntil));
                    renew.setLong(2, deliveryId);
                    renew.setLong(3, id);
                    renew.setString(4, node);
                    renew.addBatch();
                }
                counts = renew.executeBatch();
            }
            connection.commit();
            List<Long> held = new ArrayList<>(recipientIds.size());
            for (int i = 0; i < recipientIds.size(); i++) {
                if (counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    held.add(recipientIds.get(i));
                }
            }
            return held;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * The email deliveries still SENDING whose ledger another node than {@code node} holds unexpired claims on at
     * {@code now}: deliveries a live node of the cluster is sending right now.
     */
    public static List<Long> sentElsewhere(Connection connection, String node, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.id FROM delivery d WHERE d.status ="
                + " 'SENDING' AND d.channel = 'EMAIL' AND EXISTS (SELECT 1 FROM delivery_message dm WHERE"
                + " dm.delivery_id = d.id AND dm.status = 'PENDING' AND dm.claimed_until > ? AND dm.claimed_by <> ?)"
                + " ORDER BY d.id")) {
            select.setObject(1, SqlValues.timestamp(now));
            select.setString(2, node);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Whether the delivery is still SENDING (not cancelled, paused or finished meanwhile). */
    public static boolean stillSending(Connection connection, long deliveryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT status FROM delivery WHERE id = ?")) {
            select.setLong(1, deliveryId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && "SENDING".equals(row.getString(1));
            }
        }
    }

    /**
     * The pending rows of the deliveries being sent (the sending queue's depth): an index range count per sending
     * delivery.
     */
    public static long pendingOfSending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM delivery_message dm"
                + " JOIN delivery d ON d.id = dm.delivery_id WHERE d.status = ? AND dm.status = ?")) {
            select.setString(1, "SENDING");
            select.setString(2, "PENDING");
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void bind(
            PreparedStatement write, LedgerResult.Kind kind, LedgerResult result, Object now, long deliveryId)
            throws SQLException {
        int i = 1;
        switch (kind) {
            case SENT -> {
                write.setString(i++, result.messageId());
                write.setObject(i++, now);
                write.setObject(i++, now);
            }
            case FAILED, FAILED_EMAIL_QUARANTINED, FAILED_SMS_QUARANTINED -> {
                write.setString(i++, result.reason());
                write.setObject(i++, now);
            }
            case DEFERRED -> {
                write.setString(i++, result.reason());
                write.setObject(i++, SqlValues.timestamp(result.retryAt()));
                write.setInt(i++, result.attempts());
                write.setObject(i++, now);
            }
            case RELEASED -> {
                // only the row's key
            }
        }
        write.setLong(i++, deliveryId);
        write.setLong(i, result.recipientId());
    }

    private static List<PendingMessage> read(PreparedStatement select, int limit, EnrichmentJoin enrichment)
            throws SQLException {
        List<PendingMessage> page = new ArrayList<>(Math.min(limit, 1000));
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                java.sql.Date birth = rows.getDate(12);
                page.add(new PendingMessage(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getInt(3),
                        rows.getObject(4) == null,
                        rows.getString(5),
                        rows.getString(6),
                        rows.getString(7),
                        rows.getString(8),
                        rows.getString(9),
                        rows.getString(10),
                        rows.getString(11),
                        birth == null ? null : birth.toLocalDate(),
                        enrichment.read(rows, ENRICHMENT_COLUMN)));
            }
        }
        return page;
    }
}
