package io.crosscast.campaign;

import io.crosscast.delivery.DeliveryStats;
import java.util.Collection;

/**
 * A campaign's key figures: the sums over its deliveries. A recipient of two deliveries counts twice, as
 * two messages. Rates are over {@link #sent()}.
 */
public record CampaignFigures(int deliveries, long targeted, long sent, long opened, long clicked)
        implements java.io.Serializable {

    public static CampaignFigures sum(Collection<DeliveryStats> stats) {
        long targeted = 0;
        long sent = 0;
        long opened = 0;
        long clicked = 0;
        for (DeliveryStats s : stats) {
            targeted += s.targeted();
            sent += s.sent();
            opened += s.opened();
            clicked += s.clicked();
        }
        return new CampaignFigures(stats.size(), targeted, sent, opened, clicked);
    }

    public double openRate() {
        return sent == 0 ? 0 : (double) opened / sent;
    }

    public double clickRate() {
        return sent == 0 ? 0 : (double) clicked / sent;
    }
}
