package io.crosscast.bench;

import io.crosscast.audience.condition.CompileContext;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.SqlFragment;
import io.crosscast.audience.internal.RecipientGenerator;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.workflow.internal.SqlPopulations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A cheap reproduction of {@link WorkflowBenchmark}'s seed case on H2, without a server: the real migrations on an
 * in-memory H2, generated recipients and the benchmark's ledger and logs, then the engine's statements for the
 * Query and the exclusive Split (the SQL of {@link SqlPopulations}, printed) beside the hand-written ones, timed
 * and EXPLAIN ANALYZEd. Run by hand (not a test):
 * {@code java -cp target/test-classes:target/classes:<test classpath> io.crosscast.bench.SeedSplitSqlProbe [recipients]}.
 */
public final class SeedSplitSqlProbe {

    private static final String SEED_QUERY = "{\"logic\": \"and\", \"children\": ["
            + "{\"field\": \"status\", \"operator\": \"in\", \"values\": [\"GOLD\", \"SILVER\"]},"
            + "{\"field\": \"email\", \"operator\": \"is_not_empty\", \"values\": []},"
            + "{\"field\": \"mobilePhone\", \"operator\": \"is_not_empty\", \"values\": []},"
            + "{\"field\": \"language\", \"operator\": \"equals\", \"values\": [\"fr\"]}]}";
    private static final String SEED_TARGETED = "r.status IN ('GOLD', 'SILVER') AND r.email_key IS NOT NULL"
            + " AND r.email_key <> '' AND r.mobile_phone IS NOT NULL AND r.mobile_phone <> '' AND r.language = 'fr'";

    private SeedSplitSqlProbe() {}

    public static void main(String[] args) throws Exception {
        long recipients = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        boolean explain = args.length <= 1 || Boolean.parseBoolean(args[1]);
        String url = "jdbc:h2:mem:probe;DB_CLOSE_DELAY=-1";
        Flyway.configure(SeedSplitSqlProbe.class.getClassLoader())
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/common")
                .placeholders(Map.of("binary", DatabaseVendor.H2.binaryType()))
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            long t = System.nanoTime();
            for (long done = 0; done < recipients; done += 100_000) {
                update(
                        c,
                        RecipientGenerator.insertSql(DatabaseVendor.H2),
                        List.of(count(c, RecipientGenerator.nextStartSql()), Math.min(100_000, recipients - done)));
            }
            long offer = seed(c);
            System.out.printf(
                    "seeded %,d recipients, %,d logs in %,d ms%n",
                    recipients, count(c, "SELECT COUNT(*) FROM tracking_log"), (System.nanoTime() - t) / 1_000_000);
            ConditionCompiler compiler = new ConditionCompiler(Clock.systemUTC(), ZoneOffset.UTC);
            String[] conditions = {
                "{\"field\": \"delivery\", \"operator\": \"neither_opened_nor_clicked\", \"values\": [\"" + offer
                        + "\"]}",
                "{\"field\": \"delivery\", \"operator\": \"did_not_click\", \"values\": [\"" + offer + "\"]}",
                "{\"trackingLog\": {\"type\": \"click\", \"label\": \"offer\", \"delivery\": \"" + offer + "\"}}"
            };
            for (int round = 0; round < 3; round++) {
                engine(c, compiler, conditions, explain && round == 0);
                handWritten(c, offer, explain && round == 0);
                update(c, "DELETE FROM population_member", List.of());
            }
        }
    }

    /** The engine's statements: as {@code SqlPopulations.query} and {@code filterUnclaimed}, populations 1..4. */
    private static void engine(Connection c, ConditionCompiler compiler, String[] conditions, boolean explain)
            throws Exception {
        long t0 = System.nanoTime();
        SqlFragment query = compiler.compile(ConditionJson.fromJson(SEED_QUERY), "r", CompileContext.EMPTY);
        List<Object> parameters = new ArrayList<>(List.of(SqlPopulations.SPAN));
        parameters.addAll(query.parameters());
        String sql = "INSERT INTO population_member (member_key, recipient_id) SELECT CAST(? AS BIGINT) + r.id, r.id"
                + " FROM recipient r WHERE " + query.sql();
        int targeted = run(c, "engine query", sql, parameters, explain);
        long[] sizes = new long[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            Condition condition = ConditionJson.fromJson(conditions[i]);
            SqlFragment where = compiler.compile(condition, "r", CompileContext.EMPTY);
            // as SqlPopulations: a condition on the id alone reads the members as r (member_key, id), no join
            String members = condition.readsOnlyRecipientId()
                    ? " FROM population_member r (member_key, id) WHERE r.member_key BETWEEN ? AND ? AND "
                    : " FROM population_member m JOIN recipient r ON r.id = m.recipient_id"
                            + " WHERE m.member_key BETWEEN ? AND ? AND ";
            long target = i + 2;
            parameters = new ArrayList<>(List.of(target * SqlPopulations.SPAN));
            parameters.addAll(SqlPopulations.range(1));
            parameters.addAll(where.parameters());
            StringBuilder s = new StringBuilder("INSERT INTO population_member (member_key, recipient_id)"
                    + " SELECT CAST(? AS BIGINT) + r.id, r.id" + members + where.sql());
            for (int claimed = 0; claimed < i; claimed++) {
                s.append(" AND NOT EXISTS (SELECT 1 FROM population_member c WHERE c.member_key = CAST(? AS BIGINT)"
                        + " + r.id)");
                parameters.add((claimed + 2) * SqlPopulations.SPAN);
            }
            sizes[i] = run(c, "engine subset " + (i + 1), s.toString(), parameters, explain);
        }
        System.out.printf(
                "ENGINE %,d ms: %,d -> %,d / %,d / %,d%n",
                (System.nanoTime() - t0) / 1_000_000, targeted, sizes[0], sizes[1], sizes[2]);
    }

    private static void handWritten(Connection c, long offer, boolean explain) throws Exception {
        long t0 = System.nanoTime();
        String[] tables = {"bench_q", "bench_s1", "bench_s2", "bench_s3"};
        for (String table : tables) {
            update(c, "DROP TABLE IF EXISTS " + table, List.of());
            update(c, "CREATE TABLE " + table + " (recipient_id BIGINT PRIMARY KEY)", List.of());
        }
        String sent = "EXISTS (SELECT 1 FROM delivery_message dm WHERE dm.delivery_id = " + offer
                + " AND dm.recipient_id = q.recipient_id AND dm.status NOT IN ('PENDING', 'FAILED', 'EXCLUDED'))";
        String opened = "EXISTS (SELECT 1 FROM tracking_log o WHERE o.delivery_id = " + offer
                + " AND o.type = 'OPEN' AND o.recipient_id = q.recipient_id)";
        String clicked = "EXISTS (SELECT 1 FROM tracking_log k WHERE k.delivery_id = " + offer
                + " AND k.type = 'CLICK' AND k.recipient_id = q.recipient_id)";
        String clickedOffer = "EXISTS (SELECT 1 FROM tracking_log k WHERE k.delivery_id = " + offer
                + " AND k.type = 'CLICK' AND k.recipient_id = q.recipient_id AND k.label = 'offer')";
        int q = run(
                c,
                "sql query",
                "INSERT INTO bench_q SELECT r.id FROM recipient r WHERE " + SEED_TARGETED,
                List.of(),
                explain);
        int s1 = run(
                c,
                "sql subset 1",
                "INSERT INTO bench_s1 SELECT q.recipient_id FROM bench_q q WHERE " + sent + " AND NOT " + opened
                        + " AND NOT " + clicked,
                List.of(),
                explain);
        int s2 = run(
                c,
                "sql subset 2",
                "INSERT INTO bench_s2 SELECT q.recipient_id FROM bench_q q WHERE " + sent + " AND NOT " + clicked
                        + " AND NOT EXISTS (SELECT 1 FROM bench_s1 a WHERE a.recipient_id = q.recipient_id)",
                List.of(),
                explain);
        int s3 = run(
                c,
                "sql subset 3",
                "INSERT INTO bench_s3 SELECT q.recipient_id FROM bench_q q WHERE " + clickedOffer
                        + " AND NOT EXISTS (SELECT 1 FROM bench_s1 a WHERE a.recipient_id = q.recipient_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM bench_s2 b WHERE b.recipient_id = q.recipient_id)",
                List.of(),
                explain);
        System.out.printf("SQL %,d ms: %,d -> %,d / %,d / %,d%n", (System.nanoTime() - t0) / 1_000_000, q, s1, s2, s3);
    }

    /** Runs a statement, after printing its plan if asked. */
    private static int run(Connection c, String name, String sql, List<?> parameters, boolean explain)
            throws SQLException {
        if (explain) {
            System.out.println("---- " + name + "\n" + sql + "\n   " + parameters);
            try (PreparedStatement p = c.prepareStatement("EXPLAIN " + sql)) {
                bind(p, parameters);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        System.out.println(rs.getString(1));
                    }
                }
            }
        }
        long t = System.nanoTime();
        int rows = update(c, sql, parameters);
        System.out.printf("  %s: %,d rows, %,d ms%n", name, rows, (System.nanoTime() - t) / 1_000_000);
        return rows;
    }

    private static void bind(PreparedStatement p, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            p.setObject(i + 1, parameters.get(i));
        }
    }

    private static int update(Connection c, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, parameters);
            return p.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@link WorkflowBenchmark}'s ledger and logs (see its seedBehaviour). */
    private static long seed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String label : new String[] {"Benchmark older 1", "Benchmark older 2", "Benchmark older 3", "offer"}) {
                s.executeUpdate("INSERT INTO delivery (label, channel, status, created_at, updated_at)" + " VALUES ('"
                        + label + "', 'EMAIL', 'SENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            long offer = count(c, "SELECT MAX(id) FROM delivery WHERE label = 'offer'");
            s.executeUpdate("INSERT INTO delivery_message (delivery_id, recipient_id, address, status, attempts,"
                    + " sent_at, updated_at) SELECT " + offer + ", r.id, r.email,"
                    + " CASE WHEN MOD(r.id, 50) = 0 THEN 'FAILED' ELSE 'SENT' END, 1, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP FROM recipient r WHERE " + SEED_TARGETED);
            String sent = "SELECT dm.recipient_id AS id, MOD(dm.recipient_id * 13, 100) AS h FROM delivery_message dm"
                    + " WHERE dm.delivery_id = " + offer + " AND dm.status = 'SENT'";
            String log = "INSERT INTO tracking_log (delivery_id, recipient_id, type, url, label, logged_at, actor)"
                    + " SELECT " + offer + ", x.id, ";
            s.executeUpdate(log + "'OPEN', NULL, NULL, CURRENT_TIMESTAMP, 'PERSON' FROM (" + sent + ") x"
                    + " WHERE x.h >= 30 AND x.h < 85 OR x.h >= 90");
            s.executeUpdate(log + "'OPEN', NULL, NULL, CURRENT_TIMESTAMP, 'PERSON' FROM (" + sent + ") x"
                    + " WHERE x.h >= 30 AND x.h < 55 AND MOD(x.id, 2) = 1");
            s.executeUpdate(log + "'CLICK', 'https://shop.example.com/offer', 'offer', CURRENT_TIMESTAMP, 'PERSON'"
                    + " FROM (" + sent + ") x WHERE x.h >= 70");
            s.executeUpdate(log + "'CLICK', 'https://shop.example.com/stores', NULL, CURRENT_TIMESTAMP, 'PERSON'"
                    + " FROM (" + sent + ") x WHERE x.h >= 55 AND x.h < 70 OR x.h >= 90");
            long maxId = count(c, "SELECT MAX(id) FROM recipient");
            for (int i = 1; i <= 3; i++) {
                long older = count(c, "SELECT MAX(id) FROM delivery WHERE label = 'Benchmark older " + i + "'");
                for (long from = 0; from < maxId; from += 100_000) {
                    s.executeUpdate("INSERT INTO tracking_log (delivery_id, recipient_id, type, url, label, logged_at,"
                            + " actor) SELECT " + older + ", r.id, CASE WHEN MOD(r.id, 3) = 0 THEN 'CLICK' ELSE"
                            + " 'OPEN' END, CASE WHEN MOD(r.id, 3) = 0 THEN 'https://shop.example.com/offer' END,"
                            + " CASE WHEN MOD(r.id, 3) = 0 THEN 'offer' END, CURRENT_TIMESTAMP, 'PERSON'"
                            + " FROM recipient r WHERE r.id > " + from + " AND r.id <= " + (from + 100_000)
                            + " AND MOD(r.id * " + (i + 6) + ", 10) <> 0");
                }
            }
            return offer;
        }
    }
}
