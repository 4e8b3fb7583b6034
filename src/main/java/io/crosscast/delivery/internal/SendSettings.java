package io.crosscast.delivery.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * How sending behaves, from system properties an administrator sets on the server ({@code wildfly-config/sending.cli}
 * adds them with their defaults; change one with {@code /system-property=...:write-attribute}):
 * <ul>
 * <li>{@code crosscast.sending.connections}: SMTP connections one email delivery sends over at once (default 8)</li>
 * <li>{@code crosscast.sending.maxConnections}: SMTP connections of all deliveries together, on this server
 *     (default 32)</li>
 * <li>{@code crosscast.sending.batch}: ledger rows a connection claims at a time; their results are written
 *     together (default 50)</li>
 * <li>{@code crosscast.sending.rate}: messages per second of all email deliveries together, 0 = no limit
 *     (default 0)</li>
 * <li>{@code crosscast.sending.domainConnections}: messages at once to one recipient domain (e.g. gmail.com),
 *     over all deliveries, 0 = no limit (default 0)</li>
 * <li>{@code crosscast.sending.leaseSeconds}: how long a claim holds rows for this server (default 300)</li>
 * <li>{@code crosscast.delivery.rate}: messages per second per delivery, 0 = no limit (default 0)</li>
 * <li>{@code crosscast.delivery.maxAttempts}: tries before a transient failure becomes FAILED (default 4)</li>
 * <li>{@code crosscast.delivery.retryMinutes}: first retry delay, doubled on each try (default 5)</li>
 * <li>{@code crosscast.delivery.reconnectSeconds}: wait before trying again when the SMTP server cannot
 *     be reached (default 30)</li>
 * </ul>
 */
@ApplicationScoped
public class SendSettings {

    /** How long one slice of SMS sending runs before giving its thread back. */
    public Duration sliceBudget() {
        return Duration.ofSeconds(20);
    }

    /** Wait before going on when the SMTP server cannot be reached. */
    public Duration reconnectDelay() {
        return Duration.ofSeconds(Long.getLong("crosscast.delivery.reconnectSeconds", 30));
    }

    public double messagesPerSecond() {
        return decimal("crosscast.delivery.rate", 0);
    }

    /** Messages per second of all email deliveries on this server together; 0 = no limit. */
    public double serverMessagesPerSecond() {
        return decimal("crosscast.sending.rate", 0);
    }

    /** SMTP connections per email delivery (at least 1). */
    public int connections() {
        return Math.max(1, Integer.getInteger("crosscast.sending.connections", 8));
    }

    /** SMTP connections of all deliveries on this server together (at least 1). */
    public int maxConnections() {
        return Math.max(1, Integer.getInteger("crosscast.sending.maxConnections", 32));
    }

    /** Ledger rows claimed, and their results written, at a time by one connection (1 to 1,000). */
    public int batchSize() {
        return Math.min(1000, Math.max(1, Integer.getInteger("crosscast.sending.batch", 50)));
    }

    /** Messages at once to one recipient domain over all deliveries; 0 = no limit. */
    public int domainConnections() {
        return Math.max(0, Integer.getInteger("crosscast.sending.domainConnections", 0));
    }

    /** How long claimed rows stay reserved for the server that claimed them. */
    public Duration claimLease() {
        return Duration.ofSeconds(Math.max(10, Long.getLong("crosscast.sending.leaseSeconds", 300)));
    }

    /** How often a running delivery looks whether it was cancelled or paused. */
    public Duration controlInterval() {
        return Duration.ofMillis(250);
    }

    public int maxAttempts() {
        return Integer.getInteger("crosscast.delivery.maxAttempts", 4);
    }

    /** Delay before try {@code attempts + 1}: the first delay, doubled each time. */
    public Duration retryDelay(int attempts) {
        long first = Long.getLong("crosscast.delivery.retryMinutes", 5);
        return Duration.ofMinutes(first << Math.min(Math.max(attempts - 1, 0), 6));
    }

    private static double decimal(String name, double fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
