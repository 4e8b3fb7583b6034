package io.crosscast.delivery.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * How sending behaves, from system properties an administrator sets on the server (e.g. in
 * {@code standalone.xml} or with {@code -D}):
 * <ul>
 * <li>{@code crosscast.delivery.rate}: messages per second per delivery, 0 = as fast as the server takes
 *     them (default 0)</li>
 * <li>{@code crosscast.delivery.maxAttempts}: tries before a transient failure becomes FAILED (default 4)</li>
 * <li>{@code crosscast.delivery.retryMinutes}: first retry delay, doubled on each try (default 5)</li>
 * <li>{@code crosscast.delivery.reconnectSeconds}: wait before trying again when the SMTP server cannot
 *     be reached (default 30)</li>
 * </ul>
 */
@ApplicationScoped
public class SendSettings {

    /** How long one slice of sending runs before giving its thread back. */
    public Duration sliceBudget() {
        return Duration.ofSeconds(20);
    }

    /** Wait before going on when the SMTP server cannot be reached. */
    public Duration reconnectDelay() {
        return Duration.ofSeconds(Long.getLong("crosscast.delivery.reconnectSeconds", 30));
    }

    public double messagesPerSecond() {
        return Double.parseDouble(System.getProperty("crosscast.delivery.rate", "0"));
    }

    public int maxAttempts() {
        return Integer.getInteger("crosscast.delivery.maxAttempts", 4);
    }

    /** Delay before try {@code attempts + 1}: the first delay, doubled each time. */
    public Duration retryDelay(int attempts) {
        long first = Long.getLong("crosscast.delivery.retryMinutes", 5);
        return Duration.ofMinutes(first << Math.min(Math.max(attempts - 1, 0), 6));
    }
}
