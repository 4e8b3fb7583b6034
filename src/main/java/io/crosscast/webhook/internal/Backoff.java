package io.crosscast.webhook.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * When to try a webhook again after a failed attempt: the delays after attempt 1, 2, ... (by default 30 s, 2 min,
 * 10 min, 1 h, 6 h, 24 h: seven attempts over about 31 hours), then never (the event is FAILED).
 */
public record Backoff(List<Duration> delays) {

    /** The system property of the delays, in seconds between commas ({@code 30,120,600,3600,21600,86400}). */
    public static final String PROPERTY = "crosscast.webhooks.retryDelays";

    public static final Backoff DEFAULT = of("30,120,600,3600,21600,86400");

    public Backoff {
        delays = List.copyOf(delays);
    }

    /** The delays written as seconds between commas; an {@link IllegalArgumentException} if one is not. */
    public static Backoff of(String seconds) {
        return new Backoff(Arrays.stream(seconds.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    long value = Long.parseLong(s);
                    if (value < 0) {
                        throw new IllegalArgumentException("A negative delay: " + s);
                    }
                    return Duration.ofSeconds(value);
                })
                .toList());
    }

    /** The server's: {@link #PROPERTY} if set and valid, else {@link #DEFAULT}. */
    public static Backoff configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return of(value);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    /** How many attempts an event gets in all. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after failed attempt number {@code attempts} (1 = the first); empty when it was the last. */
    public Optional<Duration> after(int attempts) {
        return attempts >= 1 && attempts <= delays.size() ? Optional.of(delays.get(attempts - 1)) : Optional.empty();
    }
}
