package io.crosscast.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryRates;
import io.crosscast.platform.TimeStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rates raise an alert, and how the charts' points are filled. */
class DashboardRulesTest {

    private static final DashboardSettings SETTINGS = new DashboardSettings(5, 2, 7);

    private static DeliveryRates rates(long sent, long failed, long softBounced, long unsubscribed) {
        return new DeliveryRates(
                9, "Spring", Channel.EMAIL, 3L, Instant.EPOCH, sent, failed, softBounced, unsubscribed);
    }

    @Test
    void aRateAboveItsThresholdIsAnAlert() {
        assertEquals(List.of(), DashboardService.rateAlerts(rates(100, 5, 0, 2), SETTINGS), "5/105 and 2/100");
        List<DashboardAlert> bounces = DashboardService.rateAlerts(rates(100, 4, 3, 0), SETTINGS);
        assertEquals(1, bounces.size());
        assertEquals(DashboardAlert.Kind.BOUNCE_RATE, bounces.get(0).kind());
        assertEquals(7.0 / 104, bounces.get(0).rate(), 1e-9);
        assertEquals(9L, bounces.get(0).deliveryId());
        assertEquals(3L, bounces.get(0).campaignId());
        List<DashboardAlert> both = DashboardService.rateAlerts(rates(10, 1, 0, 1), SETTINGS);
        assertEquals(
                List.of(DashboardAlert.Kind.BOUNCE_RATE, DashboardAlert.Kind.OPT_OUT_RATE),
                both.stream().map(DashboardAlert::kind).toList());
        assertEquals(0.1, both.get(1).rate(), 1e-9);
        assertEquals(List.of(), DashboardService.rateAlerts(rates(0, 0, 0, 0), SETTINGS), "nothing sent");
    }

    @Test
    void pointsAreFilledWithZerosBetweenTheFirstAndTheLastStep() {
        long first = TimeStep.DAY.bucketOf(Instant.parse("2026-11-20T12:00:00Z"));
        List<TrendPoint> points = DashboardService.points(
                TimeStep.DAY,
                first,
                first + 2,
                Map.of(first, 4L),
                Map.of(first + 2, new long[] {1, 2, 3, 4, 5}),
                Map.of(first + 1, new long[] {6, 7}));
        assertEquals(
                List.of(
                        new TrendPoint(Instant.parse("2026-11-20T00:00:00Z"), 4, 0, 0, 0, 0, 0, 0, 0),
                        new TrendPoint(Instant.parse("2026-11-21T00:00:00Z"), 0, 0, 0, 0, 0, 0, 6, 7),
                        new TrendPoint(Instant.parse("2026-11-22T00:00:00Z"), 0, 1, 2, 3, 4, 5, 0, 0)),
                points);
    }

    @Test
    void thresholdsComeFromSystemPropertiesWithDefaults() {
        System.clearProperty(DashboardSettings.BOUNCE_PERCENT);
        System.setProperty(DashboardSettings.OPT_OUT_PERCENT, "0.5");
        System.setProperty(DashboardSettings.ALERT_DAYS, "3");
        try {
            assertEquals(new DashboardSettings(5, 0.5, 3), DashboardSettings.configured());
            System.setProperty(DashboardSettings.OPT_OUT_PERCENT, "lots");
            assertEquals(2, DashboardSettings.configured().optOutPercent(), "an unreadable value: the default");
        } finally {
            System.clearProperty(DashboardSettings.OPT_OUT_PERCENT);
            System.clearProperty(DashboardSettings.ALERT_DAYS);
        }
    }
}
