package io.crosscast.crash.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.tracking.token.TrackingToken;
import io.crosscast.tracking.token.TrackingTokens;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A delivery to track hits of, for the tracking crash test and benchmark: a draft made through the REST API with
 * {@value #LINKS} links written to {@code delivery_link} as its sending would freeze them, and the server's
 * tracking secret read from the database, so the test issues open and click tokens as the server puts them in
 * emails. Hit {@code i} goes to recipients in turn: even numbers open, odd ones click one of the links.
 */
public record TrackedDelivery(long id, TrackingTokens signer, int recipients) {

    private static Driver postgresql;

    public static final int LINKS = 3;

    /** One hit to send: its path, the status that answers it, and its key in the log (type, recipient, url). */
    public record Hit(String path, int expected, String key) {}

    /** The database as the test reaches it. */
    public record Database(String url, String user, String password) {

        public Connection connect() throws SQLException {
            if (!url.startsWith("jdbc:postgresql:")) {
                return DriverManager.getConnection(url, user, password);
            }
            Properties credentials = new Properties();
            credentials.setProperty("user", user);
            credentials.setProperty("password", password);
            return postgresqlDriver().connect(url, credentials);
        }

        /** PostgreSQL's driver is not a test dependency: the one the build copies for the server. */
        private static synchronized Driver postgresqlDriver() throws SQLException {
            if (postgresql == null) {
                Path jar = Path.of(System.getProperty("crosscast.war", "target/crosscast.war"))
                        .toAbsolutePath()
                        .resolveSibling("drivers/postgresql.jar");
                try {
                    URLClassLoader loader =
                            new URLClassLoader(new URL[] {jar.toUri().toURL()}, TrackedDelivery.class.getClassLoader());
                    postgresql = (Driver) loader.loadClass("org.postgresql.Driver")
                            .getDeclaredConstructor()
                            .newInstance();
                } catch (ReflectiveOperationException | MalformedURLException e) {
                    throw new SQLException("No PostgreSQL driver at " + jar, e);
                }
            }
            return postgresql;
        }

        /** Rows of {@code tracking_log} of the delivery by type, recipient and URL. */
        public Map<String, Long> counts(long delivery) throws SQLException {
            Map<String, Long> counts = new TreeMap<>();
            try (Connection c = connect();
                    PreparedStatement select = c.prepareStatement("SELECT type, recipient_id, url, COUNT(*)"
                            + " FROM tracking_log WHERE delivery_id = ? GROUP BY type, recipient_id, url")) {
                select.setLong(1, delivery);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(
                                rows.getString(1) + " " + rows.getLong(2) + " " + rows.getString(3), rows.getLong(4));
                    }
                }
            }
            return counts;
        }

        /** The counts as integers, empty when the database does not answer. */
        public Map<String, Integer> countsQuietly(long delivery) {
            try {
                Map<String, Integer> counts = new TreeMap<>();
                counts(delivery).forEach((k, v) -> counts.put(k, v.intValue()));
                return counts;
            } catch (SQLException e) {
                return new HashMap<>();
            }
        }
    }

    /** Makes the delivery on a started server whose database {@code database} reaches. */
    public static TrackedDelivery create(DeliveryApi deliveries, Database database, int recipients)
            throws SQLException {
        long delivery = deliveries.createEmail(
                "Tracked " + System.nanoTime(),
                "Crosscast Crash",
                "crash@example.com",
                "Hello",
                "<p><a href=\"https://shop.example.com/offer\">Offer</a></p>");
        try (Connection c = database.connect()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO delivery_link (delivery_id, link_index, url, label) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < LINKS; i++) {
                    insert.setLong(1, delivery);
                    insert.setInt(2, i);
                    insert.setString(3, url(i));
                    insert.setString(4, "link" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement select =
                            c.prepareStatement("SELECT setting_value FROM app_setting WHERE name = 'tracking.secret'");
                    ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "the server made its tracking secret at startup");
                return new TrackedDelivery(delivery, TrackingTokens.fromBase64(rows.getString(1)), recipients);
            }
        }
    }

    private static String url(int link) {
        return "https://shop.example.com/link" + link + "?utm=crash";
    }

    public Hit hit(int i) {
        long recipient = 1 + (i / 2) % recipients;
        if (i % 2 == 0) {
            return new Hit(
                    "/crosscast/t/o/" + signer.issue(TrackingToken.open(id, recipient)),
                    200,
                    "OPEN " + recipient + " null");
        }
        int link = (i / 2) % LINKS;
        return new Hit(
                "/crosscast/t/c/" + signer.issue(TrackingToken.click(id, recipient, link)),
                302,
                "CLICK " + recipient + " " + url(link));
    }
}
