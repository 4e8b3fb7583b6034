package io.crosscast.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Hour buckets of a timeline, computed in Java so that the SQL only groups by
 * {@code FLOOR(EXTRACT(EPOCH FROM logged_at) / 3600)}, which H2 and PostgreSQL read alike. An hour is
 * numbered by the hours since the epoch (UTC). Plain Java.
 */
public final class TimelineBuckets {

    /** The longest timeline, in hours (four weeks); later activity is left out of the chart. */
    public static final int MAX_HOURS = 28 * 24;

    private TimelineBuckets() {}

    /** The number of the hour that contains {@code instant}. */
    public static long hourOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 3600L);
    }

    /** The start of hour number {@code hour}. */
    public static Instant startOf(long hour) {
        return Instant.ofEpochSecond(hour * 3600L);
    }

    /**
     * The last hour of a timeline that starts at hour {@code first}: the later of the last activity and
     * {@code until} (null: none), at least {@code first}, at most {@link #MAX_HOURS} hours after it.
     */
    public static long lastHour(long first, Instant lastActivity, Instant until) {
        long last = first;
        if (lastActivity != null) {
            last = Math.max(last, hourOf(lastActivity));
        }
        if (until != null) {
            last = Math.max(last, hourOf(until));
        }
        return Math.min(last, first + MAX_HOURS - 1);
    }

    /**
     * One point per hour from {@code first} to {@code last}, both included: the counts found for that hour
     * ({@code {opens, clicks}}), else zeros.
     */
    public static List<TimelinePoint> fill(long first, long last, Map<Long, long[]> counts) {
        return points(first, last, counts, 2, (hour, c) -> new TimelinePoint(hour, c[0], c[1]));
    }

    /**
     * As {@link #fill}, with three series: the counts found for an hour are {@code {sent, opens, clicks}}.
     */
    public static List<CampaignTimelinePoint> fillCampaign(long first, long last, Map<Long, long[]> counts) {
        return points(first, last, counts, 3, (hour, c) -> new CampaignTimelinePoint(hour, c[0], c[1], c[2]));
    }

    /** One point per hour, made of the hour's start and its counts ({@code width} zeros when none). */
    private static <T> List<T> points(
            long first, long last, Map<Long, long[]> counts, int width, BiFunction<Instant, long[], T> point) {
        long[] zeros = new long[width];
        List<T> points = new ArrayList<>();
        for (long hour = first; hour <= last; hour++) {
            long[] found = counts.get(hour);
            points.add(point.apply(startOf(hour), found == null ? zeros : found));
        }
        return points;
    }
}
