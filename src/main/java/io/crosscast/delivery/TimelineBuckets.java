package io.crosscast.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hour buckets of a timeline, computed in Java so that the SQL only groups by
 * {@code FLOOR(EXTRACT(EPOCH FROM logged_at) / 3600)}, which H2 and PostgreSQL read alike. An hour is
 * numbered by the hours since the epoch (UTC). Plain Java.
 */
public final class TimelineBuckets {

    /** The longest timeline, in hours (four weeks); later activity is left out of the chart. */
    public static final int MAX_HOURS = 28 * 24;

    private TimelineBuckets() {
    }

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
        List<TimelinePoint> points = new ArrayList<>();
        for (long hour = first; hour <= last; hour++) {
            long[] found = counts.get(hour);
            points.add(new TimelinePoint(startOf(hour), found == null ? 0 : found[0], found == null ? 0 : found[1]));
        }
        return points;
    }
}
