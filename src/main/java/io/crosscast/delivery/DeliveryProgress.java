package io.crosscast.delivery;

import java.io.Serializable;
import java.time.Instant;

/**
 * A delivery being sent (or paused): its figures and how many messages left in the last minute.
 *
 * @param campaignId the campaign it is part of, or null
 * @param lastMinute messages that left during the last minute (the current rate, per minute)
 */
public record DeliveryProgress(
        long id,
        String label,
        Channel channel,
        DeliveryStatus status,
        Long campaignId,
        Instant startedAt,
        DeliveryStats stats,
        long lastMinute)
        implements Serializable {}
