package io.crosscast.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDefaultGrowsFrom30SecondsToADayOverSevenAttempts() {
        Backoff backoff = Backoff.DEFAULT;
        assertEquals(7, backoff.maxAttempts());
        assertEquals(Optional.of(Duration.ofSeconds(30)), backoff.after(1));
        assertEquals(Optional.of(Duration.ofMinutes(2)), backoff.after(2));
        assertEquals(Optional.of(Duration.ofMinutes(10)), backoff.after(3));
        assertEquals(Optional.of(Duration.ofHours(1)), backoff.after(4));
        assertEquals(Optional.of(Duration.ofHours(6)), backoff.after(5));
        assertEquals(Optional.of(Duration.ofHours(24)), backoff.after(6));
        assertEquals(Optional.empty(), backoff.after(7), "the seventh failure is the last");
    }

    @Test
    void delaysAreReadAsSecondsBetweenCommas() {
        Backoff backoff = Backoff.of(" 1, 2 ,5");
        assertEquals(4, backoff.maxAttempts());
        assertEquals(Optional.of(Duration.ofSeconds(5)), backoff.after(3));
        assertEquals(Optional.empty(), backoff.after(4));
        assertEquals(1, Backoff.of("").maxAttempts(), "no retry at all");
        assertThrows(IllegalArgumentException.class, () -> Backoff.of("10,-1"));
        assertThrows(IllegalArgumentException.class, () -> Backoff.of("ten"));
    }
}
