package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.audience.DemoData;
import io.crosscast.dashboard.DashboardLive;
import io.crosscast.dashboard.DashboardService;
import io.crosscast.dashboard.DashboardTrend;
import io.crosscast.it.support.Deployments;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.TimeStep;
import io.crosscast.platform.sql.SqlValues;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The home dashboard's load on a large database (issue 15): {@code bench.recipients} recipients (1,000,000) and
 * {@code bench.logs} tracking logs (10,000,000) over the last 30 days, seeded set-based and kept between runs on
 * a persistent database: one delivery per day, each sending to a thirtieth of the recipients (their ledger rows,
 * sent that day), opens and clicks by people, privacy proxies and scanners spread over the 30 days, and 1 % of
 * the recipients quarantined. It times what the home page asks the service for (live figures, the 7-day and the
 * 30-day charts at the step that suits them) beside the same figures by hand-written SQL (grouped by day, no
 * step arithmetic), best of three rounds each, prints {@code BENCHMARK dashboard ...} and checks that both
 * count the same. Run: {@code ./mvnw verify -Pbenchmark -Dit.test=DashboardBenchmark [-Ddb=postgresql]
 * [-Dbench.recipients=100000 -Dbench.logs=1000000]} (with the port flags).
 */
@ExtendWith(ArquillianExtension.class)
class DashboardBenchmark {

    private static final int ROUNDS = 3;
    private static final int DAYS = 30;
    private static final String LABEL = "Dashboard benchmark day ";

    @Deployment
    static WebArchive deployment() {
        String settings = "bench.recipients=" + System.getProperty("bench.recipients", "1000000") + "\n"
                + "bench.logs=" + System.getProperty("bench.logs", "10000000") + "\n"
                + "bench.db=" + System.getProperty("bench.db", "h2") + "\n";
        return Deployments.crosscast(DashboardBenchmark.class)
                .addAsResource(new StringAsset(settings), "bench.properties");
    }

    @EJB
    private DashboardService dashboard;

    @EJB
    private DemoData demoData;

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Test
    void homeDashboardBesideHandWrittenSql() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = DashboardBenchmark.class.getResourceAsStream("/bench.properties")) {
            settings.load(in);
        }
        long wanted = Long.parseLong(settings.getProperty("bench.recipients"));
        long logs = Long.parseLong(settings.getProperty("bench.logs"));
        long seedStart = System.nanoTime();
        long existing = demoData.recipientCount();
        if (existing < wanted) {
            demoData.generateRecipients(wanted - existing);
        }
        long recipientsMs = (System.nanoTime() - seedStart) / 1_000_000;
        seed(logs, "postgresql".equals(settings.getProperty("bench.db")));
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        System.out.printf(
                "BENCHMARK dashboard seeding (%s): recipients %,d ms (%,d new), deliveries, ledger, logs and"
                        + " quarantines %,d ms%n",
                settings.getProperty("bench.db"), recipientsMs, Math.max(0, wanted - existing), seedMs - recipientsMs);

        long serviceMs = Long.MAX_VALUE;
        long liveMs = Long.MAX_VALUE;
        long weekMs = Long.MAX_VALUE;
        long monthMs = Long.MAX_VALUE;
        DashboardTrend week = null;
        DashboardTrend month = null;
        DashboardLive live = null;
        for (int round = 0; round < ROUNDS; round++) {
            long t = System.nanoTime();
            live = dashboard.live();
            long t1 = System.nanoTime();
            week = dashboard.trend(7, null);
            long t2 = System.nanoTime();
            month = dashboard.trend(DAYS, null);
            long t3 = System.nanoTime();
            liveMs = Math.min(liveMs, (t1 - t) / 1_000_000);
            weekMs = Math.min(weekMs, (t2 - t1) / 1_000_000);
            monthMs = Math.min(monthMs, (t3 - t2) / 1_000_000);
            serviceMs = Math.min(serviceMs, (t3 - t) / 1_000_000);
        }
        long sqlMs = Long.MAX_VALUE;
        long weekSqlMs = Long.MAX_VALUE;
        long monthSqlMs = Long.MAX_VALUE;
        long[] byHand = null;
        for (int round = 0; round < ROUNDS; round++) {
            long t = System.nanoTime();
            handWritten(week.from(), week.until());
            long t1 = System.nanoTime();
            byHand = handWritten(month.from(), month.until());
            long t2 = System.nanoTime();
            weekSqlMs = Math.min(weekSqlMs, (t1 - t) / 1_000_000);
            monthSqlMs = Math.min(monthSqlMs, (t2 - t1) / 1_000_000);
            sqlMs = Math.min(sqlMs, (t2 - t) / 1_000_000);
        }
        System.out.printf(
                "BENCHMARK dashboard per panel (%s, best of %d): live %,d ms; 7 days service %,d ms, hand-written"
                        + " SQL %,d ms (%.2fx); 30 days service %,d ms, hand-written SQL %,d ms (%.2fx)%n",
                settings.getProperty("bench.db"),
                ROUNDS,
                liveMs,
                weekMs,
                weekSqlMs,
                (double) weekMs / Math.max(1, weekSqlMs),
                monthMs,
                monthSqlMs,
                (double) monthMs / Math.max(1, monthSqlMs));
        assertEquals(byHand[0], month.totalSent(), "sent");
        assertEquals(
                byHand[1],
                month.totalPeopleOpens()
                        + month.totalMachineOpens()
                        + month.totalPeopleClicks()
                        + month.totalMachineClicks()
                        + month.totalUnclassified(),
                "opens and clicks");
        assertEquals(byHand[2], month.totalPeopleOpens(), "opens by people");
        assertEquals(byHand[3], month.totalQuarantined(), "quarantined");
        System.out.printf(
                "BENCHMARK dashboard on %,d recipients, %,d tracking logs, %,d ledger rows (%s; seeded in %,d ms):"
                        + " service (live + 7 days per %s + 30 days per %s) %,d ms, hand-written SQL (per day) %,d ms,"
                        + " ratio %.2f; 30 days: sent %,d, opens and clicks %,d, quarantined %,d; %d alerts%n",
                demoData.recipientCount(),
                number("SELECT COUNT(*) FROM tracking_log"),
                number("SELECT COUNT(*) FROM delivery_message"),
                settings.getProperty("bench.db"),
                seedMs,
                week.step(),
                month.step(),
                serviceMs,
                sqlMs,
                (double) serviceMs / Math.max(1, sqlMs),
                byHand[0],
                byHand[1],
                byHand[3],
                live.alerts().size());
    }

    /**
     * Sent, opens and clicks, opens by people, quarantined in the range, each grouped by day by hand (the
     * dashboard's figures without its step arithmetic), summed.
     */
    private long[] handWritten(Instant from, Instant until) throws SQLException {
        long[] totals = new long[4];
        totals[0] = sumOfGroups(
                "SELECT CAST(sent_at AS DATE), COUNT(*) FROM delivery_message WHERE sent_at >= ?"
                        + " AND sent_at < ? AND status IN ('SENT', 'DELIVERED', 'UNDELIVERED') GROUP BY CAST(sent_at AS DATE)",
                from,
                until);
        totals[1] = sumOfGroups(
                "SELECT CAST(logged_at AS DATE), COUNT(*) FROM tracking_log WHERE logged_at >= ?"
                        + " AND logged_at < ? AND type IN ('OPEN', 'CLICK') GROUP BY CAST(logged_at AS DATE)",
                from,
                until);
        totals[2] = sumOfGroups(
                "SELECT CAST(logged_at AS DATE), COUNT(*) FROM tracking_log WHERE logged_at >= ?"
                        + " AND logged_at < ? AND type = 'OPEN' AND actor = 'PERSON' GROUP BY CAST(logged_at AS DATE)",
                from,
                until);
        totals[3] = sumOfGroups(
                        "SELECT CAST(email_quarantined_at AS DATE), COUNT(*) FROM recipient"
                                + " WHERE email_quarantined_at >= ? AND email_quarantined_at < ?"
                                + " GROUP BY CAST(email_quarantined_at AS DATE)",
                        from,
                        until)
                + sumOfGroups(
                        "SELECT CAST(sms_quarantined_at AS DATE), COUNT(*) FROM recipient"
                                + " WHERE sms_quarantined_at >= ? AND sms_quarantined_at < ?"
                                + " GROUP BY CAST(sms_quarantined_at AS DATE)",
                        from,
                        until);
        return totals;
    }

    private long sumOfGroups(String sql, Instant from, Instant until) throws SQLException {
        long sum = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, SqlValues.timestamp(from));
            s.setObject(2, SqlValues.timestamp(until));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sum += rs.getLong(2);
                }
            }
        }
        return sum;
    }

    /**
     * Once per database: a delivery per day of the last 30 (the recipients whose id modulo 30 is the day's
     * number, sent that day at an hour taken from the id), then tracking logs to about {@code logs}: per round,
     * one log per recipient at a time spread over the 30 days, its type (open or click) and its actor (person,
     * privacy proxy, scanner, not classified yet) taken from the id and the round; and 1 % of the recipients
     * quarantined (email), one in ten of those also by SMS, on a day of the 30.
     */
    private void seed(long logs, boolean postgresql) throws SQLException {
        if (number("SELECT COUNT(*) FROM delivery WHERE label LIKE '" + LABEL + "%'") > 0) {
            return;
        }
        long maxId = number("SELECT MAX(id) FROM recipient");
        long recipients = number("SELECT COUNT(*) FROM recipient");
        Instant today = TimeStep.DAY.startOf(TimeStep.DAY.bucketOf(Instant.now()));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            long[] deliveries = new long[DAYS];
            for (int day = 0; day < DAYS; day++) {
                Instant start = today.minus(Duration.ofDays(DAYS - 1 - day));
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO delivery (label, channel, status, created_at, updated_at, started_at, finished_at)"
                                + " VALUES (?, 'EMAIL', 'SENT', ?, ?, ?, ?)")) {
                    insert.setString(1, LABEL + day);
                    for (int i = 2; i <= 5; i++) {
                        insert.setObject(i, SqlValues.timestamp(start));
                    }
                    insert.executeUpdate();
                }
                deliveries[day] = number("SELECT MAX(id) FROM delivery WHERE label = '" + LABEL + day + "'");
                String sentAt = timestampPlus(start, "MOD(r.id, 86400)", postgresql);
                for (long from = 0; from < maxId; from += 100_000) {
                    s.executeUpdate(
                            "INSERT INTO delivery_message (delivery_id, recipient_id, address, status, attempts,"
                                    + " sent_at, updated_at) SELECT " + deliveries[day] + ", r.id, r.email,"
                                    + " CASE WHEN MOD(r.id, 97) = 0 THEN 'FAILED' ELSE 'SENT' END, 1,"
                                    + " CASE WHEN MOD(r.id, 97) = 0 THEN NULL ELSE " + sentAt + " END, " + sentAt
                                    + " FROM recipient r WHERE r.id > " + from + " AND r.id <= " + (from + 100_000)
                                    + " AND MOD(r.id, " + DAYS + ") = " + day);
                }
            }
            Instant first = today.minus(Duration.ofDays(DAYS - 1));
            long rounds = Math.max(1, (logs + recipients - 1) / Math.max(1, recipients));
            long logsStart = System.nanoTime();
            for (long round = 0; round < rounds; round++) {
                System.out.printf(
                        "BENCHMARK dashboard seeding: tracking logs round %d of %d after %,d ms%n",
                        round + 1, rounds, (System.nanoTime() - logsStart) / 1_000_000);
                // the delivery of the recipient's day; a time within the 30 days from the id and the round
                String delivery = "CASE MOD(r.id, " + DAYS + ")";
                for (int day = 0; day < DAYS; day++) {
                    delivery += " WHEN " + day + " THEN " + deliveries[day];
                }
                delivery += " END";
                String loggedAt = timestampPlus(
                        first, "MOD(r.id * 7919 + " + (round * 104_729) + ", " + (DAYS * 86400L) + ")", postgresql);
                long limit = Math.min(recipients, logs - round * recipients);
                for (long from = 0; from < maxId; from += 100_000) {
                    s.executeUpdate("INSERT INTO tracking_log (delivery_id, recipient_id, type, url, label, logged_at,"
                            + " actor) SELECT " + delivery + ", r.id,"
                            + " CASE WHEN MOD(r.id + " + round + ", 4) = 0 THEN 'CLICK' ELSE 'OPEN' END,"
                            + " CASE WHEN MOD(r.id + " + round + ", 4) = 0 THEN 'https://shop.example.com/offer' END,"
                            + " NULL, " + loggedAt + ","
                            + " CASE MOD(r.id * 3 + " + round
                            + ", 10) WHEN 0 THEN 'SCANNER' WHEN 1 THEN 'PRIVACY_PROXY'"
                            + " WHEN 2 THEN 'PRIVACY_PROXY' WHEN 3 THEN NULL ELSE 'PERSON' END"
                            + " FROM recipient r WHERE r.id > " + from + " AND r.id <= " + (from + 100_000)
                            + " AND r.id <= (SELECT MIN(id) FROM recipient) + " + limit + " - 1");
                }
            }
            String quarantinedAt = timestampPlus(first, "MOD(r.id * 31, " + (DAYS * 86400L) + ")", postgresql);
            s.executeUpdate("UPDATE recipient r SET email_quarantined_at = " + quarantinedAt
                    + " WHERE MOD(r.id, 100) = 7 AND r.email_quarantined_at IS NULL");
            s.executeUpdate("UPDATE recipient r SET sms_quarantined_at = " + quarantinedAt
                    + " WHERE MOD(r.id, 1000) = 7 AND r.sms_quarantined_at IS NULL");
            if (postgresql) {
                s.execute("ANALYZE");
            }
        }
    }

    /** {@code start} plus {@code seconds} (an SQL expression of constants and r.id), as SQL of the vendor. */
    private static String timestampPlus(Instant start, String seconds, boolean postgresql) {
        String base = "TIMESTAMP WITH TIME ZONE '"
                + start.toString().replace('T', ' ').replace("Z", "+00:00") + "'";
        return postgresql
                ? "(" + base + " + (" + seconds + ") * INTERVAL '1 second')"
                : "DATEADD(SECOND, " + seconds + ", " + base + ")";
    }

    private long number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
