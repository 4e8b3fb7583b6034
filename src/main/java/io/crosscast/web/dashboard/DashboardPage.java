package io.crosscast.web.dashboard;

import io.crosscast.dashboard.DashboardAlert;
import io.crosscast.dashboard.DashboardLive;
import io.crosscast.dashboard.DashboardService;
import io.crosscast.dashboard.DashboardTrend;
import io.crosscast.dashboard.TrendPoint;
import io.crosscast.delivery.DeliveryProgress;
import io.crosscast.platform.TimeStep;
import io.crosscast.web.Messages;
import io.crosscast.web.delivery.ChartJson;
import io.crosscast.web.delivery.DeliveryUi;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Backing bean of the home page (index.xhtml), the marketer's dashboard: running campaigns, deliveries in
 * progress and alerts (polled every few seconds), and the last 7 or 30 days as charts, whose time step the
 * marketer may change. One call of {@link DashboardService} per part.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DashboardService dashboard;

    private DashboardLive live;
    private DashboardTrend trend;
    private int days = 7;
    /** The step the marketer chose, null: the one that suits the span. */
    private TimeStep step;

    private String activityChart;
    private String quarantineChart;

    /** Reads everything (the page's first request). */
    public void load() {
        if (live == null) {
            refreshLive();
            refreshTrend();
        }
    }

    /** The poll: running campaigns, deliveries in progress and alerts again. */
    public void refreshLive() {
        live = dashboard.live();
    }

    /** The charts again (the span or the step changed). */
    public void refreshTrend() {
        trend = dashboard.trend(days, step);
        List<TrendPoint> points = trend.points();
        List<String> labels =
                points.stream().map(p -> label(p.at(), trend.step())).toList();
        activityChart = ChartJson.line(
                labels,
                List.of(
                        series("dashboard.chart.sent", points, TrendPoint::sent, "#64748b"),
                        series("dashboard.chart.peopleOpens", points, TrendPoint::peopleOpens, "#3b82f6"),
                        series("dashboard.chart.machineOpens", points, TrendPoint::machineOpens, "#93c5fd"),
                        series("dashboard.chart.peopleClicks", points, TrendPoint::peopleClicks, "#22c55e"),
                        series("dashboard.chart.machineClicks", points, TrendPoint::machineClicks, "#f97316")));
        quarantineChart = ChartJson.bar(
                labels,
                List.of(
                        series("dashboard.chart.emailQuarantined", points, TrendPoint::emailQuarantined, "#ef4444"),
                        series("dashboard.chart.smsQuarantined", points, TrendPoint::smsQuarantined, "#a855f7")),
                false);
    }

    /** The span changed: the step that suits it, unless the chosen one still applies. */
    public void daysChanged() {
        if (step != null && !TimeStep.allowed(java.time.Duration.ofDays(days)).contains(step)) {
            step = null;
        }
        refreshTrend();
    }

    private static ChartJson.Series series(
            String key, List<TrendPoint> points, ToLongFunction<TrendPoint> value, String color) {
        return new ChartJson.Series(
                Messages.text(key),
                points.stream().map(p -> value.applyAsLong(p)).toList(),
                color);
    }

    private static String label(Instant at, TimeStep step) {
        return DeliveryUi.formatStep(at, step);
    }

    /** An alert in the viewer's words. */
    public String alertText(DashboardAlert alert) {
        return switch (alert.kind()) {
            case FAILED_ACTIVITY ->
                Messages.text(
                        "dashboard.alert.failedActivity",
                        alert.subject(),
                        alert.activityId(),
                        Messages.text(alert.error()));
            case BOUNCE_RATE -> Messages.text("dashboard.alert.bounceRate", alert.subject(), percent(alert.rate()));
            case OPT_OUT_RATE -> Messages.text("dashboard.alert.optOutRate", alert.subject(), percent(alert.rate()));
        };
    }

    /** A delivery's sending rate in the viewer's words. */
    public String rateText(DeliveryProgress progress) {
        return Messages.text(
                "dashboard.sending.rate",
                NumberFormat.getIntegerInstance(Messages.locale()).format(progress.lastMinute()));
    }

    private static String percent(double rate) {
        NumberFormat format = NumberFormat.getPercentInstance(Messages.locale());
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }

    public DashboardLive getLive() {
        return live;
    }

    public DashboardTrend getTrend() {
        return trend;
    }

    public String getActivityChart() {
        return activityChart;
    }

    public String getQuarantineChart() {
        return quarantineChart;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days == 30 ? 30 : 7;
    }

    public TimeStep getStep() {
        return step == null && trend != null ? trend.step() : step;
    }

    public void setStep(TimeStep step) {
        this.step = step;
    }
}
