package io.crosscast.delivery;

import io.crosscast.content.LinkRewriter;
import io.crosscast.delivery.internal.LedgerSql;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
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
     * Distinct openers (an open or a click) and clickers per hour number; parameters: delivery id, from,
     * until (timestamps).
     */
    static final String TIMELINE = "SELECT x.bucket,"
            + " COUNT(DISTINCT CASE WHEN x.type IN ('OPEN', 'CLICK') THEN x.recipient_id END),"
            + " COUNT(DISTINCT CASE WHEN x.type = 'CLICK' THEN x.recipient_id END)"
            + " FROM (SELECT " + hourOf("t.logged_at") + " AS bucket, t.type, t.recipient_id"
            + " FROM tracking_log t WHERE t.delivery_id = ? AND t.logged_at >= ? AND t.logged_at < ?) x"
            + " GROUP BY x.bucket";

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

    @PersistenceContext
    private EntityManager em;

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
        Delivery delivery = deliveries.get(deliveryId);
        if (delivery.getStartedAt() == null) {
            return List.of();
        }
        long first = TimelineBuckets.hourOf(delivery.getStartedAt());
        Instant lastActivity = SqlValues.instant(NativeSql.query(
                        em, "SELECT MAX(logged_at) FROM tracking_log WHERE delivery_id = ?", List.of(deliveryId))
                .getSingleResult());
        Instant until = delivery.getStatus() == DeliveryStatus.SENDING ? Instant.now(clock) : delivery.getFinishedAt();
        long last = TimelineBuckets.lastHour(first, lastActivity, until);

        Map<Long, long[]> counts = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        TIMELINE,
                        List.of(
                                deliveryId,
                                SqlValues.timestamp(TimelineBuckets.startOf(first)),
                                SqlValues.timestamp(TimelineBuckets.startOf(last + 1))))
                .getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(SqlValues.number(r[0]), new long[] {SqlValues.number(r[1]), SqlValues.number(r[2])});
        }
        return TimelineBuckets.fill(first, last, counts);
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
