package io.crosscast.delivery;

import java.time.Instant;

/**
 * One hour of a delivery's tracking timeline.
 *
 * @param hour   the start of the hour (UTC)
 * @param opens  distinct recipients who opened or clicked during that hour
 * @param clicks distinct recipients who clicked during that hour
 */
public record TimelinePoint(Instant hour, long opens, long clicks) {}
