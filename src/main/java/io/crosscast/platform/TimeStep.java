package io.crosscast.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The step of a time chart: a minute, an hour or a day (UTC). {@link #forSpan} picks the step that suits the
 * span of the data (a few dozen to a few hundred points); {@link #allowed} lists the steps a marketer may choose
 * instead (those that give at most {@link #MAX_POINTS} points). A bucket is numbered by the steps since the epoch,
 * which SQL computes as {@code FLOOR(EXTRACT(EPOCH FROM column) / seconds)} (see {@link #bucketOf(String)}), the
 * same text on H2 and PostgreSQL. Plain Java.
 */
public enum TimeStep {
    MINUTE(60),
    HOUR(3600),
    DAY(86400);

    /** The most points a chart draws: a finer step over a longer span is not offered. */
    public static final int MAX_POINTS = 2000;

    private final long seconds;

    TimeStep(long seconds) {
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }

    /**
     * The step for data spanning {@code span}: minutes up to 3 hours, hours up to 4 days, days beyond; a null
     * or negative span (no data, one point) is a minute's.
     */
    public static TimeStep forSpan(Duration span) {
        if (span == null || span.compareTo(Duration.ofHours(3)) <= 0) {
            return MINUTE;
        }
        if (span.compareTo(Duration.ofDays(4)) <= 0) {
            return HOUR;
        }
        return DAY;
    }

    /** The step for data from {@code first} to {@code last} (both null: no data). */
    public static TimeStep forSpan(Instant first, Instant last) {
        return first == null || last == null ? MINUTE : forSpan(Duration.between(first, last));
    }

    /** The steps that draw {@code span} in at most {@link #MAX_POINTS} points, finest first (DAY always). */
    public static List<TimeStep> allowed(Duration span) {
        return Arrays.stream(values())
                .filter(step -> step == DAY || step.points(span) <= MAX_POINTS)
                .toList();
    }

    /** The number of points of {@code span} at this step (at least 1). */
    public long points(Duration span) {
        long s = span == null ? 0 : Math.max(0, span.getSeconds());
        return s / seconds + 1;
    }

    /** The number of the bucket that contains {@code instant}. */
    public long bucketOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), seconds);
    }

    /** The start of bucket number {@code bucket}. */
    public Instant startOf(long bucket) {
        return Instant.ofEpochSecond(bucket * seconds);
    }

    /**
     * The SQL expression of the bucket number of a timestamp column, the same text on H2 and PostgreSQL.
     * {@code column} must be a constant of the caller's code, never input; the divisor is this step's constant.
     */
    public String bucketOf(String column) {
        return "FLOOR(EXTRACT(EPOCH FROM " + column + ") / " + seconds + ")";
    }

    /**
     * {@link #bucketOf(String)} as the vendor computes it fastest: H2's {@code EXTRACT(EPOCH ...)} is a decimal,
     * six times slower over a million rows than the whole seconds of {@code DATEDIFF} (divided as integers, which
     * is the floor for times after 1970). PostgreSQL's {@code EXTRACT} is a {@code numeric} too (since 14):
     * {@code date_part} gives a double, 4.4 s instead of 8.0 s over 10 million rows; the floor of its quotient is
     * exact at these magnitudes (microseconds of a 10-digit epoch fit a double's 53 bits).
     */
    public String bucketOf(String column, DatabaseVendor vendor) {
        if (vendor == DatabaseVendor.H2) {
            return "(DATEDIFF(SECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', " + column + ") / " + seconds
                    + ")";
        }
        return "FLOOR(date_part('epoch', " + column + ") / " + seconds + ")";
    }

    /** The step named {@code name} (any case), or {@code fallback} when it names none. */
    public static TimeStep parse(String name, TimeStep fallback) {
        if (name != null) {
            for (TimeStep step : values()) {
                if (step.name().equalsIgnoreCase(name.trim())) {
                    return step;
                }
            }
        }
        return fallback;
    }
}
