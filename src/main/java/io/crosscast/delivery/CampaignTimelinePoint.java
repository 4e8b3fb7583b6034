package io.crosscast.delivery;

import java.time.Instant;

/**
 * One hour of a campaign's timeline, summed over its deliveries.
 *
 * @param hour   the start of the hour (UTC)
 * @param sent   ledger rows that left during that hour (SENT, DELIVERED or UNDELIVERED, by their sent time)
 * @param opens  recipients who opened or clicked during that hour, counted once per delivery
 * @param clicks recipients who clicked during that hour, counted once per delivery
 */
public record CampaignTimelinePoint(Instant hour, long sent, long opens, long clicks) {}
