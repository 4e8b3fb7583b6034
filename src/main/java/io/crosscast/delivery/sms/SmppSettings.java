package io.crosscast.delivery.sms;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Where and how the application's SMPP client connects, from the server's system properties (set by
 * {@code wildfly-config/smpp.cli} for a real SMSC; the development and test servers point them at the SMPP
 * sandbox):
 *
 * <table>
 * <caption>System properties</caption>
 * <tr><th>property</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code crosscast.smpp.host}</td><td>{@code localhost}</td><td>the SMSC's host</td></tr>
 * <tr><td>{@code crosscast.smpp.port}</td><td>2775</td><td>its SMPP port</td></tr>
 * <tr><td>{@code crosscast.smpp.systemId}</td><td>{@code crosscast}</td><td>the account (bind system_id, at
 * most 15 characters)</td></tr>
 * <tr><td>{@code crosscast.smpp.password}</td><td>empty</td><td>its password (at most 8 characters)</td></tr>
 * <tr><td>{@code crosscast.smpp.systemType}</td><td>empty</td><td>bind system_type, if the SMSC wants one (at
 * most 12 characters)</td></tr>
 * <tr><td>{@code crosscast.smpp.throughput}</td><td>100</td><td>most messages submitted per second</td></tr>
 * <tr><td>{@code crosscast.smpp.window}</td><td>10</td><td>most submissions awaiting their response</td></tr>
 * </table>
 *
 * @param host       the SMSC's host
 * @param port       its SMPP port
 * @param systemId   the bind's system_id
 * @param password   the bind's password (never in {@link #toString()})
 * @param systemType the bind's system_type, possibly empty
 * @param throughput the most submit_sm per second, at least 1
 * @param window     the most submit_sm sent and not yet answered, at least 1
 */
public record SmppSettings(
        String host, int port, String systemId, String password, String systemType, int throughput, int window) {

    public static final String HOST = "crosscast.smpp.host";
    public static final String PORT = "crosscast.smpp.port";
    public static final String SYSTEM_ID = "crosscast.smpp.systemId";
    public static final String PASSWORD = "crosscast.smpp.password";
    public static final String SYSTEM_TYPE = "crosscast.smpp.systemType";
    public static final String THROUGHPUT = "crosscast.smpp.throughput";
    public static final String WINDOW = "crosscast.smpp.window";

    public static final String DEFAULT_HOST = "localhost";
    public static final int DEFAULT_PORT = 2775;
    public static final String DEFAULT_SYSTEM_ID = "crosscast";
    public static final int DEFAULT_THROUGHPUT = 100;
    public static final int DEFAULT_WINDOW = 10;

    private static final Logger LOG = Logger.getLogger(SmppSettings.class.getName());

    public SmppSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
    }

    /** The settings of this server's system properties. */
    public static SmppSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** The settings that {@code property} (name to value, null when unset) describes; bad values get defaults. */
    public static SmppSettings from(UnaryOperator<String> property) {
        return new SmppSettings(
                text(property, HOST, DEFAULT_HOST),
                number(property, PORT, DEFAULT_PORT, 1, 65_535),
                text(property, SYSTEM_ID, DEFAULT_SYSTEM_ID),
                orEmpty(property.apply(PASSWORD)),
                orEmpty(property.apply(SYSTEM_TYPE)).trim(),
                number(property, THROUGHPUT, DEFAULT_THROUGHPUT, 1, 100_000),
                number(property, WINDOW, DEFAULT_WINDOW, 1, 10_000));
    }

    @Override
    public String toString() {
        return "SmppSettings[" + systemId + "@" + host + ":" + port + (systemType.isEmpty() ? "" : ", " + systemType)
                + ", password " + (password.isEmpty() ? "empty" : "set") + ", " + throughput + "/s, window "
                + window + "]";
    }

    private static String text(UnaryOperator<String> property, String name, String fallback) {
        String value = property.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static int number(UnaryOperator<String> property, String name, int fallback, int min, int max) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(() -> "SMPP client: " + name + "='" + value + "' is not a number from " + min + " to " + max
                + "; using " + fallback);
        return fallback;
    }
}
