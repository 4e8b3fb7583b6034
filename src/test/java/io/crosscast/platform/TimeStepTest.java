package io.crosscast.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeStepTest {

    @Test
    void theStepSuitsTheSpan() {
        assertEquals(TimeStep.MINUTE, TimeStep.forSpan((Duration) null), "no data");
        assertEquals(TimeStep.MINUTE, TimeStep.forSpan(Duration.ZERO));
        assertEquals(TimeStep.MINUTE, TimeStep.forSpan(Duration.ofMinutes(20)));
        assertEquals(TimeStep.MINUTE, TimeStep.forSpan(Duration.ofHours(3)), "3 hours: 181 minutes");
        assertEquals(TimeStep.HOUR, TimeStep.forSpan(Duration.ofHours(3).plusSeconds(1)));
        assertEquals(TimeStep.HOUR, TimeStep.forSpan(Duration.ofDays(2)));
        assertEquals(TimeStep.HOUR, TimeStep.forSpan(Duration.ofDays(4)), "4 days: 97 hours");
        assertEquals(TimeStep.DAY, TimeStep.forSpan(Duration.ofDays(4).plusSeconds(1)));
        assertEquals(TimeStep.DAY, TimeStep.forSpan(Duration.ofDays(30)));
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(TimeStep.HOUR, TimeStep.forSpan(t, t.plus(Duration.ofHours(10))));
        assertEquals(TimeStep.MINUTE, TimeStep.forSpan(null, null));
    }

    @Test
    void aFinerStepIsOfferedOnlyWhenItDrawsFewEnoughPoints() {
        assertEquals(List.of(TimeStep.MINUTE, TimeStep.HOUR, TimeStep.DAY), TimeStep.allowed(Duration.ofHours(12)));
        assertEquals(List.of(TimeStep.HOUR, TimeStep.DAY), TimeStep.allowed(Duration.ofDays(7)), "10,081 minutes");
        assertEquals(List.of(TimeStep.HOUR, TimeStep.DAY), TimeStep.allowed(Duration.ofDays(30)), "721 hours");
        assertEquals(List.of(TimeStep.DAY), TimeStep.allowed(Duration.ofDays(100)), "2,401 hours");
        assertEquals(List.of(TimeStep.DAY), TimeStep.allowed(Duration.ofDays(10_000)), "days always");
        assertEquals(8, TimeStep.DAY.points(Duration.ofDays(7)));
        assertEquals(1, TimeStep.MINUTE.points(null));
    }

    @Test
    void bucketsAreStepsSinceTheEpochInUtc() {
        Instant at = Instant.parse("2026-12-03T04:05:06Z");
        assertEquals(Instant.parse("2026-12-03T04:05:00Z"), TimeStep.MINUTE.startOf(TimeStep.MINUTE.bucketOf(at)));
        assertEquals(Instant.parse("2026-12-03T04:00:00Z"), TimeStep.HOUR.startOf(TimeStep.HOUR.bucketOf(at)));
        assertEquals(Instant.parse("2026-12-03T00:00:00Z"), TimeStep.DAY.startOf(TimeStep.DAY.bucketOf(at)));
        assertEquals(-1, TimeStep.DAY.bucketOf(Instant.parse("1969-12-31T23:00:00Z")), "before the epoch");
        assertEquals("FLOOR(EXTRACT(EPOCH FROM t.logged_at) / 86400)", TimeStep.DAY.bucketOf("t.logged_at"));
        assertEquals(
                "FLOOR(date_part('epoch', x) / 3600)",
                TimeStep.HOUR.bucketOf("x", DatabaseVendor.POSTGRESQL),
                "PostgreSQL: a double, faster than EXTRACT's numeric");
        assertEquals(
                "(DATEDIFF(SECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', x) / 60)",
                TimeStep.MINUTE.bucketOf("x", DatabaseVendor.H2));
    }

    @Test
    void aStepIsParsedFromItsName() {
        assertEquals(TimeStep.HOUR, TimeStep.parse("hour", TimeStep.DAY));
        assertEquals(TimeStep.DAY, TimeStep.parse(" Day ", null));
        assertEquals(TimeStep.DAY, TimeStep.parse("week", TimeStep.DAY));
        assertEquals(null, TimeStep.parse(null, null));
    }
}
