package io.crosscast.dashboard;

import java.io.Serializable;
import java.time.Instant;

/**
 * One step of the dashboard's charts: messages sent, opens and clicks by people and by machines (tracking
 * hits), and addresses and numbers quarantined.
 *
 * @param at the start of the step (UTC)
 */
public record TrendPoint(
        Instant at,
        long sent,
        long peopleOpens,
        long machineOpens,
        long peopleClicks,
        long machineClicks,
        long unclassified,
        long emailQuarantined,
        long smsQuarantined)
        implements Serializable {}
