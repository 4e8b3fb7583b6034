package io.crosscast.delivery;

import io.crosscast.content.LinkRewriter;
import io.crosscast.delivery.internal.LedgerSql;
import io.crosscast.platform.DatabaseMigration;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.TimeStep;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a delivery's tracking logs say over time and per link, and the figures of many deliveries at once.
 * Every figure is an aggregate computed by the database (native SQL, values bound, the same text on H2
 * and PostgreSQL); logs are never read row by row.
 */
@Stateless
public class DeliveryReports {

    /** The most deliveries {@link #stats(Collection)} answers for at once. */
    public static final int MAX_STATS = 500;

    /**
     * Distinct openers (an open or a click) and clickers per hour number, as H2 computes it (its test runs it on H2;
     * PostgreSQL's form, with {@code date_part}, H2 does not know); parameters: delivery id, from, until
     * (timestamps).
     */
    static final String TIMELINE = timelineSql(TimeStep.HOUR, DatabaseVendor.H2);

    /** {@link #TIMELINE} per bucket of any step, as the vendor computes it fastest. */
    static String timelineSql(TimeStep step, DatabaseVendor vendor) {
        return "SELECT x.bucket,"
                + " COUNT(DISTINCT CASE WHEN x.type IN ('OPEN', 'CLICK') THEN x.recipient_id END),"
                + " COUNT(DISTINCT CASE WHEN x.type = 'CLICK' THEN x.recipient_id END)"
                + " FROM (SELECT " + step.bucketOf("t.logged_at", vendor) + " AS bucket, t.type, t.recipient_id"
                + " FROM tracking_log t WHERE t.delivery_id = ? AND t.logged_at >= ? AND t.logged_at < ?) x"
                + " GROUP BY x.bucket";
    }

    /** The ledger statuses of a message that left (as the "sent" figure counts them). */
    private static final String LEFT = "('SENT', 'DELIVERED', 'UNDELIVERED')";

    /**
     * Where a campaign's timeline starts and ends: the first and last sent time of its ledger rows that left,
     * and its last tracking log; parameters: campaign id three times. Nulls when nothing left yet.
     */
    static final String CAMPAIGN_RANGE = "SELECT"
            + " (SELECT MIN(m.sent_at) FROM delivery_message m JOIN delivery d ON d.id = m.delivery_id"
            + " WHERE d.campaign_id = ? AND m.status IN " + LEFT + "),"
            + " (SELECT MAX(m.sent_at) FROM delivery_message m JOIN delivery d ON d.id = m.delivery_id"
            + " WHERE d.campaign_id = ? AND m.status IN " + LEFT + "),"
            + " (SELECT MAX(t.logged_at) FROM tracking_log t JOIN delivery d ON d.id = t.delivery_id"
            + " WHERE d.campaign_id = ?)";

    /**
     * A campaign's messages sent, distinct openers (an open or a click) and distinct clickers per hour
     * number, over all its deliveries: the ledger rows that left are counted by the hour of their sent time;
     * openers and clickers are distinct per delivery and hour (as {@link #TIMELINE}), then summed over the
     * deliveries, like the campaign's key figures. Both halves are grouped by the database, joined by
     * {@code UNION ALL}, and summed per hour. Parameters: campaign id, from, until (ledger), campaign id,
     * from, until (logs).
     */
    static final String CAMPAIGN_TIMELINE = "SELECT x.bucket, SUM(x.sent), SUM(x.opens), SUM(x.clicks) FROM ("
            + "SELECT s.bucket, COUNT(*) AS sent, CAST(0 AS BIGINT) AS opens, CAST(0 AS BIGINT) AS clicks"
            + " FROM (SELECT " + hourOf("m.sent_at") + " AS bucket"
            + " FROM delivery_message m JOIN delivery d ON d.id = m.delivery_id"
            + " WHERE d.campaign_id = ? AND m.status IN " + LEFT + " AND m.sent_at >= ? AND m.sent_at < ?) s"
            + " GROUP BY s.bucket"
            + " UNION ALL"
            + " SELECT o.bucket, CAST(0 AS BIGINT),"
            + " COUNT(DISTINCT CASE WHEN o.type IN ('OPEN', 'CLICK') THEN o.recipient_id END),"
            + " COUNT(DISTINCT CASE WHEN o.type = 'CLICK' THEN o.recipient_id END)"
            + " FROM (SELECT " + hourOf("t.logged_at") + " AS bucket, t.delivery_id, t.type, t.recipient_id"
            + " FROM tracking_log t JOIN delivery d ON d.id = t.delivery_id"
            + " WHERE d.campaign_id = ? AND t.logged_at >= ? AND t.logged_at < ?) o"
            + " GROUP BY o.bucket, o.delivery_id"
            + ") x GROUP BY x.bucket";

    /**
     * Clicks and distinct clickers per link (same URL and label: one link); parameters: delivery id twice.
     * Clicks are logged with the link's URL and label, which is how they are matched to it. The hidden
     * honeypot link ({@link LinkRewriter#HONEYPOT_LABEL}) is no link of the marketer's: left out (its hits
     * show in the people-and-machines figures).
     */
    static final String CLICKS_PER_LINK = "SELECT l.first_index, l.url, l.label,"
            + " COALESCE(c.clicks, 0), COALESCE(c.clickers, 0)"
            + " FROM (SELECT url, COALESCE(label, '') AS label_key, MAX(label) AS label, MIN(link_index) AS first_index"
            + " FROM delivery_link WHERE delivery_id = ? AND COALESCE(label, '') <> '" + LinkRewriter.HONEYPOT_LABEL
            + "' GROUP BY url, COALESCE(label, '')) l"
            + " LEFT JOIN (SELECT url, COALESCE(label, '') AS label_key, COUNT(*) AS clicks,"
            + " COUNT(DISTINCT recipient_id) AS clickers FROM tracking_log WHERE delivery_id = ? AND type = 'CLICK'"
            + " GROUP BY url, COALESCE(label, '')) c ON c.url = l.url AND c.label_key = l.label_key"
            + " ORDER BY l.first_index";

    /**
     * Recent deliveries' sent, failed, soft-bounced and unsubscribed counts, newest first; parameter: since
     * (started at). Each count reads one delivery's rows through its indexes.
     */
    public static final String RATES = "SELECT d.id, d.label, d.channel, d.campaign_id, d.started_at,"
            + " (SELECT COUNT(*) FROM delivery_message m WHERE m.delivery_id = d.id AND m.status IN " + LEFT + "),"
            + " (SELECT COUNT(*) FROM delivery_message m WHERE m.delivery_id = d.id AND m.status = 'FAILED'),"
            + " (SELECT COUNT(DISTINCT b.recipient_id) FROM delivery_bounce b"
            + " WHERE b.delivery_id = d.id AND b.kind = 'SOFT'),"
            + " (SELECT COUNT(DISTINCT t.recipient_id) FROM tracking_log t"
            + " WHERE t.delivery_id = d.id AND t.type = 'UNSUBSCRIBE')"
            + " FROM delivery d WHERE d.started_at >= ? ORDER BY d.started_at DESC, d.id DESC";

    /** Messages that left per bucket of {@code step}, all deliveries; parameters: from, until. */
    public static String sentPerStep(TimeStep step, DatabaseVendor vendor) {
        return "SELECT x.bucket, COUNT(*) FROM (SELECT " + step.bucketOf("m.sent_at", vendor) + " AS bucket"
                + " FROM delivery_message m WHERE m.sent_at >= ? AND m.sent_at < ? AND m.status IN " + LEFT + ") x"
                + " GROUP BY x.bucket";
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatabaseMigration database;

    @EJB
    private DeliveryService deliveries;

    private final Clock clock = Clock.systemUTC();

    /**
     * Distinct openers and clickers per hour, from the hour the delivery started to its last activity (to
     * the current hour while it is sending), at most {@link TimelineBuckets#MAX_HOURS} hours; hours without
     * activity are zeros. Empty for a delivery that never started.
     *
     * @throws DeliveryException NOT_FOUND
     */
    public List<TimelinePoint> timeline(long deliveryId) {
        return timeline(deliveryId, TimeStep.HOUR);
    }

    /**
     * How long the delivery's timeline spans: from its start to its last activity (now while it is sending);
     * null for a delivery that never started. What {@link TimeStep#forSpan} chooses the chart's step from.
     *
     * @throws DeliveryException NOT_FOUND
     */
    public Duration timelineSpan(long deliveryId) {
        Delivery delivery = deliveries.get(deliveryId);
        if (delivery.getStartedAt() == null) {
            return null;
        }
        Instant end = timelineEnd(delivery);
        return end.isAfter(delivery.getStartedAt()) ? Duration.between(delivery.getStartedAt(), end) : Duration.ZERO;
    }

    /** The later of the last tracking log and the end of the sending (now while it is sending). */
    private Instant timelineEnd(Delivery delivery) {
        Instant lastActivity = SqlValues.instant(NativeSql.query(
                        em, "SELECT MAX(logged_at) FROM tracking_log WHERE delivery_id = ?", List.of(delivery.getId()))
                .getSingleResult());
        Instant until = delivery.getStatus() == DeliveryStatus.SENDING ? Instant.now(clock) : delivery.getFinishedAt();
        Instant end = delivery.getStartedAt();
        for (Instant candidate : new Instant[] {lastActivity, until}) {
            if (candidate != null && candidate.isAfter(end)) {
                end = candidate;
            }
        }
        return end;
    }

    /**
     * Distinct openers and clickers per {@code step} (a minute, an hour, a day), from the step the delivery
     * started in to its last activity (to now while it is sending), at most {@link TimeStep#MAX_POINTS} steps
     * ({@link TimelineBuckets#MAX_HOURS} for hours); steps without activity are zeros. Empty for a delivery that
     * never started.
     *
     * @throws DeliveryException NOT_FOUND
     */
    public List<TimelinePoint> timeline(long deliveryId, TimeStep step) {
        Delivery delivery = deliveries.get(deliveryId);
        if (delivery.getStartedAt() == null) {
            return List.of();
        }
        long first = step.bucketOf(delivery.getStartedAt());
        long most = step == TimeStep.HOUR ? TimelineBuckets.MAX_HOURS : TimeStep.MAX_POINTS;
        long last = Math.min(Math.max(first, step.bucketOf(timelineEnd(delivery))), first + most - 1);

        Map<Long, long[]> counts = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        timelineSql(step, database.vendor()),
                        List.of(
                                deliveryId,
                                SqlValues.timestamp(step.startOf(first)),
                                SqlValues.timestamp(step.startOf(last + 1))))
                .getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(SqlValues.number(r[0]), new long[] {SqlValues.number(r[1]), SqlValues.number(r[2])});
        }
        List<TimelinePoint> points = new ArrayList<>();
        for (long bucket = first; bucket <= last; bucket++) {
            long[] c = counts.getOrDefault(bucket, new long[2]);
            points.add(new TimelinePoint(step.startOf(bucket), c[0], c[1]));
        }
        return points;
    }

    /**
     * A campaign over time: per hour, the messages its deliveries sent and their distinct openers and
     * clickers (summed over the deliveries, see {@link #CAMPAIGN_TIMELINE}), from the hour of the first
     * message sent to the last message sent or tracking log, at most {@link TimelineBuckets#MAX_HOURS}
     * hours; hours without activity are zeros. Empty while none of its deliveries sent anything (and for an
     * unknown campaign: the caller checks that it exists).
     */
    public List<CampaignTimelinePoint> campaignTimeline(long campaignId) {
        Object[] range = (Object[]) NativeSql.query(em, CAMPAIGN_RANGE, List.of(campaignId, campaignId, campaignId))
                .getSingleResult();
        Instant firstSent = SqlValues.instant(range[0]);
        if (firstSent == null) {
            return List.of();
        }
        long first = TimelineBuckets.hourOf(firstSent);
        Instant lastSent = SqlValues.instant(range[1]);
        Instant lastLog = SqlValues.instant(range[2]);
        Instant lastActivity = lastLog == null || lastLog.isBefore(lastSent) ? lastSent : lastLog;
        long last = TimelineBuckets.lastHour(first, lastActivity, null);

        Object from = SqlValues.timestamp(TimelineBuckets.startOf(first));
        Object until = SqlValues.timestamp(TimelineBuckets.startOf(last + 1));
        Map<Long, long[]> counts = new HashMap<>();
        for (Object row : NativeSql.query(
                        em, CAMPAIGN_TIMELINE, List.of(campaignId, from, until, campaignId, from, until))
                .getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(
                    SqlValues.number(r[0]),
                    new long[] {SqlValues.number(r[1]), SqlValues.number(r[2]), SqlValues.number(r[3])});
        }
        return TimelineBuckets.fillCampaign(first, last, counts);
    }

    /**
     * Messages of all deliveries that left per bucket of {@code step} from {@code from} (included) to
     * {@code until} (excluded), by their sent time: bucket number ({@link TimeStep#bucketOf(Instant)}) to count;
     * buckets without any are absent. One grouped statement over the index on sent_at (V24).
     */
    public Map<Long, Long> sentPer(Instant from, Instant until, TimeStep step) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        sentPerStep(step, database.vendor()),
                        List.of(SqlValues.timestamp(from), SqlValues.timestamp(until)))
                .getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(SqlValues.number(r[0]), SqlValues.number(r[1]));
        }
        return counts;
    }

    /**
     * The deliveries being sent or paused (at most {@code max}, latest started first) with their figures and
     * the messages that left during the last minute.
     */
    public List<DeliveryProgress> inProgress(int max) {
        List<Delivery> live = em.createQuery(
                        "SELECT d FROM Delivery d WHERE d.status IN :statuses ORDER BY d.startedAt DESC, d.id DESC",
                        Delivery.class)
                .setParameter("statuses", List.of(DeliveryStatus.SENDING, DeliveryStatus.PAUSED))
                .setMaxResults(Math.min(max, MAX_STATS))
                .getResultList();
        if (live.isEmpty()) {
            return List.of();
        }
        List<Long> ids = live.stream().map(Delivery::getId).toList();
        Map<Long, DeliveryStats> figures = stats(ids);
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        List<Object> parameters = new ArrayList<>(ids);
        parameters.add(SqlValues.timestamp(Instant.now(clock).minusSeconds(60)));
        Map<Long, Long> lastMinute = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        "SELECT delivery_id, COUNT(*) FROM delivery_message WHERE delivery_id IN (" + in + ")"
                                + " AND sent_at >= ? AND status IN " + LEFT + " GROUP BY delivery_id",
                        parameters)
                .getResultList()) {
            Object[] r = (Object[]) row;
            lastMinute.put(SqlValues.number(r[0]), SqlValues.number(r[1]));
        }
        return live.stream()
                .map(d -> new DeliveryProgress(
                        d.getId(),
                        d.getLabel(),
                        d.getChannel(),
                        d.getStatus(),
                        d.getCampaignId(),
                        d.getStartedAt(),
                        figures.get(d.getId()),
                        lastMinute.getOrDefault(d.getId(), 0L)))
                .toList();
    }

    /** The bounce and opt-out figures of the deliveries started since {@code since}, at most {@code max}. */
    public List<DeliveryRates> rates(Instant since, int max) {
        List<DeliveryRates> rates = new ArrayList<>();
        for (Object row : NativeSql.query(em, RATES, List.of(SqlValues.timestamp(since)))
                .setMaxResults(max)
                .getResultList()) {
            Object[] r = (Object[]) row;
            rates.add(new DeliveryRates(
                    SqlValues.number(r[0]),
                    (String) r[1],
                    Channel.valueOf((String) r[2]),
                    r[3] == null ? null : SqlValues.number(r[3]),
                    SqlValues.instant(r[4]),
                    SqlValues.number(r[5]),
                    SqlValues.number(r[6]),
                    SqlValues.number(r[7]),
                    SqlValues.number(r[8])));
        }
        return rates;
    }

    /**
     * The hour number of a timestamp column (hours since the epoch, UTC): the same text on H2 and PostgreSQL.
     * {@code column} is a constant of this class, never input.
     */
    private static String hourOf(String column) {
        return "FLOOR(EXTRACT(EPOCH FROM " + column + ") / 3600)";
    }

    /**
     * Every tracked link of the delivery (frozen when its sending started) in document order, with its
     * clicks and distinct clickers. Empty for a draft.
     *
     * @throws DeliveryException NOT_FOUND
     */
    public List<LinkClicks> clicksPerLink(long deliveryId) {
        deliveries.get(deliveryId);
        List<LinkClicks> links = new ArrayList<>();
        for (Object row : NativeSql.query(em, CLICKS_PER_LINK, List.of(deliveryId, deliveryId))
                .getResultList()) {
            Object[] r = (Object[]) row;
            links.add(new LinkClicks(
                    (int) SqlValues.number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    SqlValues.number(r[3]),
                    SqlValues.number(r[4])));
        }
        return links;
    }

    /**
     * The figures of several deliveries (as {@link DeliveryService#stats}) with two grouped statements;
     * a delivery without ledger or logs (a draft, an unknown id) gets zeros. At most {@link #MAX_STATS} ids.
     */
    public Map<Long, DeliveryStats> stats(Collection<Long> deliveryIds) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(deliveryIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > MAX_STATS) {
            throw new IllegalArgumentException("At most " + MAX_STATS + " deliveries at once: " + ids.size());
        }
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<Long, long[]> ledger = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        "SELECT delivery_id, " + LedgerSql.LEDGER_FIGURES
                                + " FROM delivery_message WHERE delivery_id IN (" + in + ") GROUP BY delivery_id",
                        ids)
                .getResultList()) {
            Object[] r = (Object[]) row;
            ledger.put(SqlValues.number(r[0]), LedgerSql.numbers(r, 1));
        }
        Map<Long, long[]> tracking = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        "SELECT delivery_id, " + LedgerSql.TRACKING_FIGURES
                                + " FROM tracking_log WHERE delivery_id IN (" + in + ") GROUP BY delivery_id",
                        ids)
                .getResultList()) {
            Object[] r = (Object[]) row;
            tracking.put(SqlValues.number(r[0]), LedgerSql.numbers(r, 1));
        }
        Map<Long, long[]> bounces = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        "SELECT delivery_id, " + LedgerSql.BOUNCE_FIGURES
                                + " FROM delivery_bounce WHERE delivery_id IN (" + in + ") GROUP BY delivery_id",
                        ids)
                .getResultList()) {
            Object[] r = (Object[]) row;
            bounces.put(SqlValues.number(r[0]), LedgerSql.numbers(r, 1));
        }
        Map<Long, DeliveryStats> stats = new HashMap<>();
        for (Long id : ids) {
            stats.put(id, LedgerSql.stats(ledger.get(id), tracking.get(id), bounces.get(id)));
        }
        return stats;
    }
}
