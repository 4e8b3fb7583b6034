package io.crosscast.dashboard;

import io.crosscast.audience.QuarantineService;
import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignStatus;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.delivery.DeliveryProgress;
import io.crosscast.delivery.DeliveryRates;
import io.crosscast.delivery.DeliveryReports;
import io.crosscast.platform.TimeStep;
import io.crosscast.tracking.TrackingTrend;
import io.crosscast.workflow.RunView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The marketer's home dashboard: what runs, what sends, what went wrong, and how the last days went. It owns
 * no table: each figure is a read-only summary given by the service of the concept that owns the data
 * (campaigns and their runs, the delivery ledger, tracking logs, quarantines), each one grouped statement.
 */
@Stateless
public class DashboardService {

    /** The most running campaigns and deliveries in progress shown. */
    public static final int MAX_ROWS = 20;

    /** The most recent deliveries whose rates are looked at. */
    public static final int MAX_RATED = 200;

    @EJB
    private CampaignService campaigns;

    @EJB
    private CampaignWorkflowService campaignWorkflows;

    @EJB
    private DeliveryReports deliveries;

    @EJB
    private TrackingTrend tracking;

    @EJB
    private QuarantineService quarantines;

    private final Clock clock = Clock.systemUTC();

    /** Running campaigns, deliveries in progress, and alerts (thresholds of {@link DashboardSettings}). */
    public DashboardLive live() {
        DashboardSettings settings = DashboardSettings.configured();
        List<RunningCampaign> running = new ArrayList<>();
        List<DashboardAlert> alerts = new ArrayList<>();
        for (Campaign campaign : campaigns.page(null, CampaignStatus.RUNNING, 0, MAX_ROWS)) {
            Optional<RunView> run = campaignWorkflows.latestRunView(campaign.getId());
            running.add(running(campaign, run.orElse(null)));
            run.ifPresent(view -> view.activities().forEach((id, activity) -> {
                if ("FAILED".equals(activity.phase())) {
                    alerts.add(new DashboardAlert(
                            DashboardAlert.Kind.FAILED_ACTIVITY,
                            campaign.getLabel(),
                            campaign.getId(),
                            null,
                            id,
                            0,
                            activity.text()));
                }
            }));
        }
        List<DeliveryProgress> sending = deliveries.inProgress(MAX_ROWS);
        Instant since = Instant.now(clock).minus(Duration.ofDays(settings.alertDays()));
        for (DeliveryRates rates : deliveries.rates(since, MAX_RATED)) {
            alerts.addAll(rateAlerts(rates, settings));
        }
        return new DashboardLive(running, sending, alerts);
    }

    /** The alerts a delivery's rates raise: above a threshold (a percentage), each rate its alert. */
    static List<DashboardAlert> rateAlerts(DeliveryRates rates, DashboardSettings settings) {
        List<DashboardAlert> alerts = new ArrayList<>();
        if (rates.bounceRate() * 100 > settings.bouncePercent()) {
            alerts.add(new DashboardAlert(
                    DashboardAlert.Kind.BOUNCE_RATE,
                    rates.label(),
                    rates.campaignId(),
                    rates.id(),
                    null,
                    rates.bounceRate(),
                    null));
        }
        if (rates.optOutRate() * 100 > settings.optOutPercent()) {
            alerts.add(new DashboardAlert(
                    DashboardAlert.Kind.OPT_OUT_RATE,
                    rates.label(),
                    rates.campaignId(),
                    rates.id(),
                    null,
                    rates.optOutRate(),
                    null));
        }
        return alerts;
    }

    private static RunningCampaign running(Campaign campaign, RunView run) {
        if (run == null) {
            return new RunningCampaign(campaign.getId(), campaign.getLabel(), null, null, 0, 0, null);
        }
        int active = 0;
        int waiting = 0;
        Instant next = null;
        for (RunView.ActivityView activity : run.activities().values()) {
            if ("RUNNING".equals(activity.phase())) {
                active++;
            } else if ("WAITING".equals(activity.phase())) {
                waiting++;
                Instant wakeUp = instant(activity.wakeUp());
                if (wakeUp != null && (next == null || wakeUp.isBefore(next))) {
                    next = wakeUp;
                }
            }
        }
        return new RunningCampaign(
                campaign.getId(), campaign.getLabel(), run.runId(), run.status(), active, waiting, next);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Sent, opened and clicked (people and machines apart) and quarantined over the last {@code days} days,
     * per {@code step} (null: the step that suits the span, see {@link TimeStep#forSpan}; a step finer than
     * {@link TimeStep#allowed} gives is replaced by that one). Steps without anything are zeros.
     */
    public DashboardTrend trend(int days, TimeStep step) {
        Instant now = Instant.now(clock);
        Duration span = Duration.ofDays(Math.max(1, Math.min(days, 366)));
        List<TimeStep> steps = TimeStep.allowed(span);
        TimeStep chosen = step == null || !steps.contains(step) ? TimeStep.forSpan(span) : step;
        long first = chosen.bucketOf(now.minus(span));
        long last = chosen.bucketOf(now);
        Instant from = chosen.startOf(first);
        Instant until = chosen.startOf(last + 1);
        Map<Long, Long> sent = deliveries.sentPer(from, until, chosen);
        Map<Long, long[]> hits = tracking.hitsPer(from, until, chosen);
        Map<Long, long[]> quarantined = quarantines.quarantinedPer(from, until, chosen);
        return new DashboardTrend(from, until, chosen, steps, points(chosen, first, last, sent, hits, quarantined));
    }

    /** One point per bucket from {@code first} to {@code last}, both included; zeros where nothing was found. */
    static List<TrendPoint> points(
            TimeStep step,
            long first,
            long last,
            Map<Long, Long> sent,
            Map<Long, long[]> hits,
            Map<Long, long[]> quarantined) {
        long[] noHits = new long[5];
        long[] noQuarantine = new long[2];
        List<TrendPoint> points = new ArrayList<>();
        for (long bucket = first; bucket <= last; bucket++) {
            long[] h = hits.getOrDefault(bucket, noHits);
            long[] q = quarantined.getOrDefault(bucket, noQuarantine);
            points.add(new TrendPoint(
                    step.startOf(bucket),
                    sent.getOrDefault(bucket, 0L),
                    h[TrackingTrend.PEOPLE_OPENS],
                    h[TrackingTrend.MACHINE_OPENS],
                    h[TrackingTrend.PEOPLE_CLICKS],
                    h[TrackingTrend.MACHINE_CLICKS],
                    h[TrackingTrend.UNCLASSIFIED],
                    q[0],
                    q[1]));
        }
        return points;
    }
}
