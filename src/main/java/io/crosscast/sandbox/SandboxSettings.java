package io.crosscast.sandbox;

import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Whether the SMTP sandbox runs, and how, from the server's system properties: {@code crosscast.sandbox}
 * ({@code true} turns it on; the development and test servers set it, real servers do not),
 * {@code crosscast.sandbox.smtp.port} (default 2525, where the mail session of wildfly-config/mail.cli
 * sends by default) and {@code crosscast.sandbox.keep} (how many received messages the outbox keeps,
 * default 20,000; the oldest go first), {@code crosscast.sandbox.pop3.port} (the bounce mailbox, see
 * {@link #POP3_PORT}).
 *
 * @param enabled whether the sandbox should run
 * @param host the address it listens on: always the loopback address, it is never reachable from outside
 * @param port its SMTP port
 * @param keep the most messages the outbox holds
 */
public record SandboxSettings(boolean enabled, String host, int port, int keep) {

    public static final String ENABLED = "crosscast.sandbox";
    public static final String PORT = "crosscast.sandbox.smtp.port";
    public static final String KEEP = "crosscast.sandbox.keep";
    /**
     * The POP3 port of the sandbox's bounce mailbox, where test addresses' bounces go ({@link SandboxBounces});
     * unset or -1: no bounce mailbox.
     */
    public static final String POP3_PORT = "crosscast.sandbox.pop3.port";

    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 2525;
    public static final int DEFAULT_KEEP = 20_000;

    private static final Logger LOG = Logger.getLogger(SandboxSettings.class.getName());

    /** The settings of this server's system properties. */
    public static SandboxSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** The settings that {@code property} (name to value, null when unset) describes; bad numbers get defaults. */
    public static SandboxSettings from(UnaryOperator<String> property) {
        boolean enabled = "true".equalsIgnoreCase(trimmed(property.apply(ENABLED)));
        int port = number(property, PORT, DEFAULT_PORT, 0, 65_535);
        int keep = number(property, KEEP, DEFAULT_KEEP, 1, Integer.MAX_VALUE);
        return new SandboxSettings(enabled, HOST, port, keep);
    }

    /** The number {@code name} holds, {@code fallback} (with a warning) when it is not one from min to max. */
    static int number(UnaryOperator<String> property, String name, int fallback, int min, int max) {
        String value = trimmed(property.apply(name));
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(() -> "Sandbox: " + name + "='" + value + "' is not a number from " + min + " to " + max
                + "; using " + fallback);
        return fallback;
    }

    static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
