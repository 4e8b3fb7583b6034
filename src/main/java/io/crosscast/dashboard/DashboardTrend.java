package io.crosscast.dashboard;

import io.crosscast.platform.TimeStep;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard's charts over the last days: one point per step from {@code from} to {@code until}.
 *
 * @param steps the steps the marketer may choose for this span
 */
public record DashboardTrend(Instant from, Instant until, TimeStep step, List<TimeStep> steps, List<TrendPoint> points)
        implements Serializable {

    public long totalSent() {
        return points.stream().mapToLong(TrendPoint::sent).sum();
    }

    public long totalPeopleOpens() {
        return points.stream().mapToLong(TrendPoint::peopleOpens).sum();
    }

    public long totalMachineOpens() {
        return points.stream().mapToLong(TrendPoint::machineOpens).sum();
    }

    public long totalPeopleClicks() {
        return points.stream().mapToLong(TrendPoint::peopleClicks).sum();
    }

    public long totalMachineClicks() {
        return points.stream().mapToLong(TrendPoint::machineClicks).sum();
    }

    public long totalUnclassified() {
        return points.stream().mapToLong(TrendPoint::unclassified).sum();
    }

    public long totalQuarantined() {
        return points.stream()
                .mapToLong(p -> p.emailQuarantined() + p.smsQuarantined())
                .sum();
    }
}
