package io.crosscast.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.content.LinkRewriter;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.tracking.classify.ActorRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classification pass on the real schema (Flyway's migrations on H2), with hit sequences: each hit is
 * logged as the recorder logs it (unclassified), then the pass runs and each hit's verdict is checked.
 */
class ActorClassificationOnH2Test {

    private static final long DELIVERY = 7;
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private static final String APPLE_MAIL =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
    private static final String A = "https://shop.example.com/a";
    private static final String B = "https://shop.example.com/b";
    private static final String C = "https://shop.example.com/c";
    private static int database;

    private JdbcDataSource dataSource;
    private final ActorClassification classification = new ActorClassification(ActorRules.standard());
    private final Instant now = Instant.now();
    private final Instant sent = now.minusSeconds(3600);

    /**
     * The "near a honeypot" lookup seeks the honeypot click by label (V28's index): through the delivery's index it
     * read every click of the recipient for each click classified, quadratic for a recipient who clicks a lot.
     */
    @Test
    void theNearHoneypotLookupGoesByTheLabelIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN SELECT t.id FROM tracking_log t WHERE t.id > 0" + classification.nearHoneypot())) {
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                String lookup = text.substring(text.indexOf("EXISTS"));
                assertTrue(lookup.contains("IX_TRACKING_LOG_LABEL"), text);
            }
        }
    }

    /**
     * The reconsideration of recent PERSON verdicts reads the last minutes by time (V30 dropped the index on
     * (actor, logged_at) that served it): with a day of older verdicts in the table, it goes by the index on
     * (logged_at, type, actor), not through every PERSON verdict ever given.
     */
    @Test
    void theReconsiderationReadsTheRecentLogsByTime() throws SQLException {
        sql(
                "INSERT INTO tracking_log (delivery_id, recipient_id, type, url, logged_at, actor, actor_reason)"
                        + " SELECT ?, MOD(X, 12) + 1, 'CLICK', 'u', DATEADD('SECOND', -X, CAST(? AS TIMESTAMP WITH TIME ZONE)), 'PERSON', 'NO_MACHINE_SIGN'"
                        + " FROM SYSTEM_RANGE(1, 50000)",
                DELIVERY,
                SqlValues.timestamp(now.minusSeconds(86_400)));
        sql("ANALYZE");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN " + ActorClassification.recentPersonUpdate(classification.nearHoneypot()))) {
            explain.setString(1, "SCANNER");
            explain.setString(2, ActorClassification.NEAR_HONEYPOT);
            explain.setObject(3, SqlValues.timestamp(now.minusSeconds(600)));
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                assertTrue(text.contains("IX_TRACKING_LOG_LOGGED"), text);
            }
        }
    }

    /**
     * A slice's statements go by the slice's id range: by the index on (actor, logged_at) each of them read the
     * whole backlog of unclassified logs (6 minutes for 780,000), whatever the slice.
     */
    @Test
    void aSlicesStatementsReadOnlyTheSliceNotTheWholeBacklog() throws SQLException {
        sql(
                "INSERT INTO tracking_log (delivery_id, recipient_id, type, url, logged_at) SELECT ?, MOD(X, 12) + 1,"
                        + " CASEWHEN(MOD(X, 3) = 0, 'CLICK', 'OPEN'), 'u', ? FROM SYSTEM_RANGE(1, 50000)",
                DELIVERY,
                SqlValues.timestamp(now));
        sql("ANALYZE");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN " + ActorClassification.pendingUpdate(" AND t.request_method = 'HEAD'"))) {
            explain.setString(1, "SCANNER");
            explain.setString(2, "HEAD");
            explain.setLong(3, 1_000);
            explain.setLong(4, 21_000);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String text = plan.getString(1);
                assertTrue(text.contains("PRIMARY_KEY") && text.contains("ID >="), text);
            }
        }
    }

    @BeforeEach
    void schema() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:classify" + (++database) + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + DatabaseVendor.H2.migrations())
                .placeholders(Map.of("binary", DatabaseVendor.H2.binaryType()))
                .load()
                .migrate();
        Object at = SqlValues.timestamp(sent);
        sql(
                "INSERT INTO delivery (id, label, channel, status, created_at, updated_at) VALUES (?, 'T', 'EMAIL',"
                        + " 'SENT', ?, ?)",
                DELIVERY,
                at,
                at);
        int index = 0;
        for (String url : new String[] {A, B, C, A}) {
            sql(
                    "INSERT INTO delivery_link (delivery_id, link_index, url, label) VALUES (?, ?, ?, ?)",
                    DELIVERY,
                    index++,
                    url,
                    null);
        }
        sql(
                "INSERT INTO delivery_link (delivery_id, link_index, url, label) VALUES (?, ?, ?, ?)",
                DELIVERY,
                index,
                A,
                LinkRewriter.HONEYPOT_LABEL);
        for (long recipient = 1; recipient <= 12; recipient++) {
            sql(
                    "INSERT INTO delivery_message (delivery_id, recipient_id, address, status, sent_at, updated_at)"
                            + " VALUES (?, ?, ?, 'SENT', ?, ?)",
                    DELIVERY,
                    recipient,
                    "r" + recipient + "@example.com",
                    at,
                    at);
        }
    }

    /** In one slice (as a pass over a few seconds' hits), and one id at a time (as a backlog, in slices). */
    @ParameterizedTest(name = "slices of {0} ids")
    @ValueSource(longs = {Long.MAX_VALUE, 1})
    void eachHitGetsTheVerdictOfTheFirstRuleThatMatches(long slice) throws SQLException {
        long mpp = open(1, 600, "Mozilla/5.0");
        long proxyOpen = open(2, 3, APPLE_MAIL);
        long personOpen = open(3, 3, APPLE_MAIL);
        long personClick = click(3, 300, CHROME, "GET", B, null);
        long head = click(4, 600, CHROME, "HEAD", A, null);
        long all1 = click(5, 100, CHROME, "GET", A, null);
        long all2 = click(5, 101, CHROME, "GET", B, null);
        long all3 = click(5, 103, CHROME, "GET", C, null);
        long soon = click(6, 5, CHROME, "GET", A, null);
        long honeypot = click(7, 200, CHROME, "GET", A, LinkRewriter.HONEYPOT_LABEL);
        long nearHoneypot = click(7, 230, CHROME, "GET", A, null);
        long laterPerson = click(7, 2000, CHROME, "GET", B, null);
        long curl = click(8, 700, "curl/8.4.0", "GET", A, null);
        long gmail = open(
                9,
                900,
                "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com" + " GoogleImageProxy)");
        long noAgent = click(10, 900, null, "GET", A, null);
        long twoOfThree1 = click(11, 400, CHROME, "GET", A, null);
        long twoOfThree2 = click(11, 401, CHROME, "GET", B, null);
        long twoAgentRules = click(12, 900, "Mozilla/5.0 (compatible; BingPreview/1.0b) curl/8.4.0", "GET", A, null);
        long proxyClick = click(
                9,
                950,
                "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
                "GET",
                B,
                null);

        Map<String, Integer> counts = run(slice);

        assertEquals("PRIVACY_PROXY/APPLE_MPP_AGENT", verdict(mpp));
        assertEquals("PRIVACY_PROXY/OPEN_SOON_AFTER_SEND", verdict(proxyOpen));
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(personOpen), "a person's click follows");
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(personClick));
        assertEquals("SCANNER/HEAD_REQUEST", verdict(head));
        for (long id : new long[] {all1, all2, all3}) {
            assertEquals("SCANNER/ALL_LINKS_AT_ONCE", verdict(id));
        }
        assertEquals("SCANNER/CLICK_SOON_AFTER_SEND", verdict(soon));
        assertEquals("SCANNER/HONEYPOT", verdict(honeypot));
        assertEquals("SCANNER/NEAR_HONEYPOT", verdict(nearHoneypot));
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(laterPerson), "30 minutes after the honeypot hit");
        assertEquals("SCANNER/BOT_AGENT", verdict(curl));
        assertEquals("PERSON/GMAIL_IMAGE_PROXY", verdict(gmail));
        assertEquals("SCANNER/NO_USER_AGENT", verdict(noAgent));
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(twoOfThree1), "two links of three: a person");
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(twoOfThree2));
        assertEquals("SCANNER/SCANNER_AGENT", verdict(twoAgentRules), "the first of the agent rules that match");
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(proxyClick), "an image proxy's rule is for opens only");
        assertEquals(3, counts.get("ALL_LINKS_AT_ONCE"));
        assertEquals(1, counts.get("SCANNER_AGENT"));
        assertEquals(1, counts.get("BOT_AGENT"));
        assertEquals(19, counts.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(run(slice).isEmpty(), "a second pass has nothing left to do");
    }

    @Test
    void aSliceClassifiesOnlyItsOwnIds() throws SQLException {
        long first = open(1, 600, CHROME);
        long second = click(2, 600, CHROME, "GET", A, null);
        long third = click(3, 600, "curl/8.4.0", "GET", A, null);
        try (Connection c = dataSource.getConnection()) {
            assertEquals(
                    Map.of("NO_MACHINE_SIGN", 1), classification.run(c, new ActorClassification.Slice(first, first)));
            assertEquals("null/null", verdict(second), "beyond the slice");
            assertEquals(
                    Map.of("BOT_AGENT", 1, "NO_MACHINE_SIGN", 1),
                    classification.run(c, new ActorClassification.Slice(second, third)));
        }
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(first));
        assertEquals("SCANNER/BOT_AGENT", verdict(third));
    }

    @Test
    void laterEvidenceCorrectsARecentPersonVerdictButNotAnOldOne() throws SQLException {
        long recent = clickAt(1, now.minusSeconds(30), A, null);
        long old = clickAt(2, now.minusSeconds(2000), A, null);
        long recentA = clickAt(3, now.minusSeconds(20), A, null);
        long recentB = clickAt(3, now.minusSeconds(19), B, null);
        run();
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(recent));
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(old));
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(recentA));

        long honeypot = clickAt(1, now.minusSeconds(10), A, LinkRewriter.HONEYPOT_LABEL);
        long oldHoneypot = clickAt(2, now.minusSeconds(1990), A, LinkRewriter.HONEYPOT_LABEL);
        long recentC = clickAt(3, now.minusSeconds(18), C, null);
        run();
        assertEquals("SCANNER/HONEYPOT", verdict(honeypot));
        assertEquals("SCANNER/NEAR_HONEYPOT", verdict(recent), "corrected by the honeypot hit logged later");
        assertEquals("SCANNER/HONEYPOT", verdict(oldHoneypot));
        assertEquals("PERSON/NO_MACHINE_SIGN", verdict(old), "too old to reconsider");
        for (long id : new long[] {recentA, recentB, recentC}) {
            assertEquals("SCANNER/ALL_LINKS_AT_ONCE", verdict(id), "the last link came later");
        }
    }

    private Map<String, Integer> run() throws SQLException {
        return run(Long.MAX_VALUE);
    }

    /** A pass as TrackingClassifier makes it: the pending ids in slices of {@code size}, then the corrections. */
    private Map<String, Integer> run(long size) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement range =
                        c.prepareStatement("SELECT MIN(id), MAX(id) FROM tracking_log WHERE actor IS NULL");
                ResultSet r = range.executeQuery()) {
            r.next();
            long last = r.getLong(2);
            for (long first = r.getLong(1); !r.wasNull() && first <= last; first += Math.min(size, last - first + 1)) {
                long end = first + Math.min(size, last - first + 1) - 1;
                classification
                        .run(c, new ActorClassification.Slice(first, end))
                        .forEach((reason, count) -> counts.merge(reason, count, Integer::sum));
            }
            classification.reconsider(c, now).forEach((reason, count) -> counts.merge(reason, count, Integer::sum));
        }
        return counts;
    }

    private long open(long recipient, int secondsAfterSend, String agent) throws SQLException {
        return hit(recipient, "OPEN", sent.plusSeconds(secondsAfterSend), agent, "GET", null, null);
    }

    private long click(long recipient, int secondsAfterSend, String agent, String method, String url, String label)
            throws SQLException {
        return hit(recipient, "CLICK", sent.plusSeconds(secondsAfterSend), agent, method, url, label);
    }

    private long clickAt(long recipient, Instant at, String url, String label) throws SQLException {
        return hit(recipient, "CLICK", at, CHROME, "GET", url, label);
    }

    private long hit(long recipient, String type, Instant at, String agent, String method, String url, String label)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO tracking_log (delivery_id, recipient_id, type, url, label, logged_at, user_agent,"
                                + " ip, request_method) VALUES (?, ?, ?, ?, ?, ?, ?, '192.0.2.1', ?)",
                        new String[] {"id"})) {
            s.setLong(1, DELIVERY);
            s.setLong(2, recipient);
            s.setString(3, type);
            s.setString(4, url);
            s.setString(5, label);
            s.setObject(6, SqlValues.timestamp(at));
            s.setString(7, agent);
            s.setString(8, method);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private String verdict(long id) throws SQLException {
        Map<Long, String> verdicts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, actor, actor_reason FROM tracking_log");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                verdicts.put(rs.getLong(1), rs.getString(2) + "/" + rs.getString(3));
            }
        }
        return verdicts.get(id);
    }

    private void sql(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
