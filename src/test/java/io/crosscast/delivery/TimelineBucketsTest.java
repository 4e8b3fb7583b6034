package io.crosscast.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineBucketsTest {

    private static final Instant START = Instant.parse("2026-11-29T10:17:00Z");

    @Test
    void hoursAreCountedFromTheEpochInUtc() {
        long hour = TimelineBuckets.hourOf(START);
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), TimelineBuckets.startOf(hour));
        assertEquals(hour, TimelineBuckets.hourOf(Instant.parse("2026-11-29T10:59:59.999Z")));
        assertEquals(hour + 1, TimelineBuckets.hourOf(Instant.parse("2026-11-29T11:00:00Z")));
        assertEquals(-1, TimelineBuckets.hourOf(Instant.parse("1969-12-31T23:30:00Z")));
    }

    @Test
    void theTimelineRunsToTheLastActivityOrUntilAndIsCapped() {
        long first = TimelineBuckets.hourOf(START);
        assertEquals(first, TimelineBuckets.lastHour(first, null, null));
        assertEquals(first + 3, TimelineBuckets.lastHour(first, START.plusSeconds(3 * 3600), null));
        assertEquals(
                first + 5, TimelineBuckets.lastHour(first, START.plusSeconds(3 * 3600), START.plusSeconds(5 * 3600)));
        assertEquals(first, TimelineBuckets.lastHour(first, START.minusSeconds(7200), null), "never before the start");
        assertEquals(
                first + TimelineBuckets.MAX_HOURS - 1,
                TimelineBuckets.lastHour(first, START.plusSeconds(400L * 24 * 3600), null));
    }

    @Test
    void everyHourGetsAPointAndHoursWithoutActivityAreZeros() {
        long first = TimelineBuckets.hourOf(START);
        List<TimelinePoint> points =
                TimelineBuckets.fill(first, first + 3, Map.of(first, new long[] {5, 2}, first + 2, new long[] {1, 0}));
        assertEquals(
                List.of(
                        new TimelinePoint(Instant.parse("2026-11-29T10:00:00Z"), 5, 2),
                        new TimelinePoint(Instant.parse("2026-11-29T11:00:00Z"), 0, 0),
                        new TimelinePoint(Instant.parse("2026-11-29T12:00:00Z"), 1, 0),
                        new TimelinePoint(Instant.parse("2026-11-29T13:00:00Z"), 0, 0)),
                points);
    }

    @Test
    void aCampaignTimelineFillsItsThreeSeriesWithZeros() {
        long first = TimelineBuckets.hourOf(START);
        List<CampaignTimelinePoint> points = TimelineBuckets.fillCampaign(
                first,
                first + 2,
                Map.of(first, new long[] {120, 30, 4}, first + 2, new long[] {0, 7, 1}, first + 9, new long[] {1, 1, 1
                }));
        assertEquals(
                List.of(
                        new CampaignTimelinePoint(Instant.parse("2026-11-29T10:00:00Z"), 120, 30, 4),
                        new CampaignTimelinePoint(Instant.parse("2026-11-29T11:00:00Z"), 0, 0, 0),
                        new CampaignTimelinePoint(Instant.parse("2026-11-29T12:00:00Z"), 0, 7, 1)),
                points,
                "counts outside the hours asked for are left out");
        assertEquals(
                List.of(new CampaignTimelinePoint(Instant.parse("2026-11-29T10:00:00Z"), 0, 0, 0)),
                TimelineBuckets.fillCampaign(first, first, Map.of()));
    }
}
