package io.crosscast.tracking;

import io.crosscast.content.LinkRewriter;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.tracking.classify.Actor;
import io.crosscast.tracking.classify.ActorRules;
import io.crosscast.tracking.classify.AgentClassifier;
import io.crosscast.tracking.classify.HitType;
import io.crosscast.tracking.classify.Verdict;
import io.crosscast.tracking.internal.ActorClassification;
import io.crosscast.tracking.token.TrackingKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code tracking_log} as every writer writes it (group commit, journal replay, unsubscription): the
 * column list, the parameters in its order and the journal's encoding are here and nowhere else, so a new column is
 * one component and one line in each of {@link #INSERT}, {@link #parameters()}, {@link #write} and {@link #read}.
 *
 * <p>The INSERT selects from {@code delivery}, so a hit of a delivery deleted meanwhile vanishes instead of failing
 * its batch. {@link #REPLAY} adds NOT EXISTS on the hit id: a hit replayed twice (a crash between the replay's
 * commit and the deletion of its journal segment, or a batch whose commit outcome was unknown) is written once.
 *
 * <p>An open or a click is written with the verdict of the rules that read the hit alone ({@link #verdict()}: the
 * honeypot link, HEAD, no user agent, the user-agent rules), so most machines' hits are never updated afterwards;
 * the others are written unclassified and the classifier's pass decides with the rules that read other hits. The
 * journal keeps no verdict: a replayed hit gets it from the rules when it is written.
 *
 * @param hitId the id the server gave the hit when it arrived
 */
record TrackingLogRow(UUID hitId, TrackingHit hit) {

    private static final String COLUMNS = " (hit_id, delivery_id, recipient_id, type, url, label, logged_at,"
            + " user_agent, ip, request_method, actor, actor_reason)";

    static final String INSERT = "INSERT INTO tracking_log" + COLUMNS
            + " SELECT CAST(? AS UUID), d.id, CAST(? AS BIGINT), CAST(? AS VARCHAR(12)), CAST(? AS VARCHAR(2000)),"
            + " CAST(? AS VARCHAR(100)), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR(500)),"
            + " CAST(? AS VARCHAR(45)), CAST(? AS VARCHAR(8)), CAST(? AS VARCHAR(14)), CAST(? AS VARCHAR(40))"
            + " FROM delivery d WHERE d.id = ?";

    /**
     * PostgreSQL: a whole group in one statement, its columns as arrays ({@link #bindArrays}), so the database
     * plans and runs one INSERT per group instead of one per row. The same casts and the same join on
     * {@code delivery} as {@link #INSERT}; the time travels as microseconds since the epoch (exact).
     */
    static final String INSERT_ARRAYS = "INSERT INTO tracking_log" + COLUMNS
            + " SELECT h.hit_id, d.id, h.recipient_id, CAST(h.type AS VARCHAR(12)), CAST(h.url AS VARCHAR(2000)),"
            + " CAST(h.label AS VARCHAR(100)), TIMESTAMPTZ 'epoch' + h.micros * INTERVAL '1 microsecond',"
            + " CAST(h.user_agent AS VARCHAR(500)), CAST(h.ip AS VARCHAR(45)), CAST(h.request_method AS VARCHAR(8)),"
            + " CAST(h.actor AS VARCHAR(14)), CAST(h.actor_reason AS VARCHAR(40))"
            + " FROM unnest(CAST(? AS UUID[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS VARCHAR[]),"
            + " CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS BIGINT[]), CAST(? AS VARCHAR[]),"
            + " CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]))"
            + " AS h(hit_id, delivery_id, recipient_id, type, url, label, micros, user_agent, ip, request_method,"
            + " actor, actor_reason) JOIN delivery d ON d.id = h.delivery_id";

    static final String REPLAY =
            INSERT + " AND NOT EXISTS (SELECT 1 FROM tracking_log t WHERE t.hit_id = CAST(? AS UUID))";

    /** A fresh id: time-ordered (milliseconds first, like UUIDv7), so the unique index grows at its end. */
    static UUID newId(Instant at, java.util.random.RandomGenerator random) {
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The rules that read a hit's own request (rules 3 to 5 of {@link ActorClassification}). */
    private static final AgentClassifier AGENTS = new AgentClassifier(ActorRules.standard());

    private static final Verdict HONEYPOT = new Verdict(Actor.SCANNER, ActorClassification.HONEYPOT);

    /**
     * What the rules that read the hit alone say of it, in {@link ActorClassification}'s order: a click on the
     * honeypot link, then HEAD, no user agent and the user-agent rules; null when none decides (and for
     * unsubscriptions), left to the classifier's pass. The one difference with the pass: a click that rule 2 (near
     * a honeypot hit) would have named is named by the rule of its own request here; a scanner's either way.
     */
    Verdict verdict() {
        HitType type = switch (hit.kind()) {
            case OPEN -> HitType.OPEN;
            case CLICK -> HitType.CLICK;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        if (type == HitType.CLICK && LinkRewriter.HONEYPOT_LABEL.equals(hit.label())) {
            return HONEYPOT;
        }
        return AGENTS.classify(hit.method(), type, hit.userAgent()).orElse(null);
    }

    /** The parameters of {@link #INSERT}, in order. */
    List<Object> parameters() {
        Verdict verdict = verdict();
        return Arrays.asList(
                hitId.toString(),
                hit.recipientId(),
                hit.kind().name(),
                hit.url(),
                hit.label(),
                SqlValues.timestamp(hit.at()),
                hit.userAgent(),
                hit.ip(),
                hit.method(),
                verdict == null ? null : verdict.actor().name(),
                verdict == null ? null : verdict.reason(),
                hit.deliveryId());
    }

    /** The parameters of {@link #REPLAY}, in order. */
    List<Object> replayParameters() {
        List<Object> all = new ArrayList<>(parameters());
        all.add(hitId.toString());
        return all;
    }

    /** Binds the rows to {@link #INSERT_ARRAYS}: one array per column, in its order. */
    static void bindArrays(Connection connection, PreparedStatement insert, List<TrackingLogRow> rows)
            throws SQLException {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        Long[] deliveries = new Long[n];
        Long[] recipients = new Long[n];
        String[] types = new String[n];
        String[] urls = new String[n];
        String[] labels = new String[n];
        Long[] micros = new Long[n];
        String[] agents = new String[n];
        String[] ips = new String[n];
        String[] methods = new String[n];
        String[] actors = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            TrackingLogRow row = rows.get(i);
            TrackingHit hit = row.hit();
            ids[i] = row.hitId();
            deliveries[i] = hit.deliveryId();
            recipients[i] = hit.recipientId();
            types[i] = hit.kind().name();
            urls[i] = hit.url();
            labels[i] = hit.label();
            micros[i] = Math.addExact(
                    Math.multiplyExact(hit.at().getEpochSecond(), 1_000_000L),
                    hit.at().getNano() / 1000L);
            agents[i] = hit.userAgent();
            ips[i] = hit.ip();
            methods[i] = hit.method();
            Verdict verdict = row.verdict();
            actors[i] = verdict == null ? null : verdict.actor().name();
            reasons[i] = verdict == null ? null : verdict.reason();
        }
        insert.setArray(1, connection.createArrayOf("uuid", ids));
        insert.setArray(2, connection.createArrayOf("bigint", deliveries));
        insert.setArray(3, connection.createArrayOf("bigint", recipients));
        insert.setArray(4, connection.createArrayOf("varchar", types));
        insert.setArray(5, connection.createArrayOf("varchar", urls));
        insert.setArray(6, connection.createArrayOf("varchar", labels));
        insert.setArray(7, connection.createArrayOf("bigint", micros));
        insert.setArray(8, connection.createArrayOf("varchar", agents));
        insert.setArray(9, connection.createArrayOf("varchar", ips));
        insert.setArray(10, connection.createArrayOf("varchar", methods));
        insert.setArray(11, connection.createArrayOf("varchar", actors));
        insert.setArray(12, connection.createArrayOf("varchar", reasons));
    }

    /** The row in the journal's encoding (read back by {@link #read}). */
    void write(DataOutputStream out) throws IOException {
        out.writeLong(hitId.getMostSignificantBits());
        out.writeLong(hitId.getLeastSignificantBits());
        out.writeLong(hit.deliveryId());
        out.writeLong(hit.recipientId());
        out.writeUTF(hit.kind().name());
        writeNullable(out, hit.url());
        writeNullable(out, hit.label());
        out.writeLong(hit.at().getEpochSecond());
        out.writeInt(hit.at().getNano());
        writeNullable(out, hit.userAgent());
        writeNullable(out, hit.ip());
        writeNullable(out, hit.method());
    }

    static TrackingLogRow read(DataInputStream in) throws IOException {
        UUID id = new UUID(in.readLong(), in.readLong());
        long delivery = in.readLong();
        long recipient = in.readLong();
        TrackingKind kind = TrackingKind.valueOf(in.readUTF());
        String url = readNullable(in);
        String label = readNullable(in);
        Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String userAgent = readNullable(in);
        String ip = readNullable(in);
        String method = readNullable(in);
        return new TrackingLogRow(
                id, new TrackingHit(delivery, recipient, kind, url, label, at, userAgent, ip, method));
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
