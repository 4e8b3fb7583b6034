package io.crosscast.dashboard;

import io.crosscast.delivery.DeliveryProgress;
import java.io.Serializable;
import java.util.List;

/** What moves now: running campaigns, deliveries being sent, and alerts. */
public record DashboardLive(
        List<RunningCampaign> campaigns, List<DeliveryProgress> deliveries, List<DashboardAlert> alerts)
        implements Serializable {}
