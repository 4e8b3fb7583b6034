package io.crosscast.delivery.internal;

import io.crosscast.audience.RecipientSet;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.platform.sql.SqlValues;

/**
 * The set-based statements that fill a delivery's send ledger, and those that count its figures. Each
 * targeted recipient gets one row: PENDING, or EXCLUDED with the first reason that applies (no address,
 * opted out, quarantined). Column names come from {@link Channel} only, never from input; every value is a
 * bound parameter.
 */
public final class LedgerSql {

    private LedgerSql() {}

    /**
     * {@code INSERT ... SELECT} of the recipients that {@code source} selects, with alias {@code r} on
     * table recipient, into the empty ledger of a draft delivery (a source selects each recipient once).
     * Parameters: delivery id, now (updated_at), then those of {@code source}. (It once skipped recipients already
     * in the ledger with a NOT EXISTS on the new delivery's rows: PostgreSQL, estimating that delivery at one row,
     * answered it by scanning the delivery's growing ledger for each recipient, 27 s for 40,000.)
     *
     * @param source a {@code FROM ... WHERE ...} clause in which {@code r} is the recipient
     */
    /**
     * The test on recipient {@code r} that a ledger row of this channel would be PENDING (not EXCLUDED): an
     * address, no opt-out, no quarantine; fixed SQL, no parameters (a workflow's simulation counts with it).
     */
    public static String sendable(Channel channel) {
        String address = channel == Channel.EMAIL ? "r.email" : "r.mobile_phone";
        String optOut = channel == Channel.EMAIL ? "r.email_opt_out" : "r.sms_opt_out";
        String quarantine = channel == Channel.EMAIL ? "r.email_quarantined_at" : "r.sms_quarantined_at";
        return "(" + address + " IS NOT NULL AND NOT " + optOut + " AND " + quarantine + " IS NULL)";
    }

    public static String insertTargets(Channel channel, String source) {
        String address = channel == Channel.EMAIL ? "r.email" : "r.mobile_phone";
        String optOut = channel == Channel.EMAIL ? "r.email_opt_out" : "r.sms_opt_out";
        String quarantine = channel == Channel.EMAIL ? "r.email_quarantined_at" : "r.sms_quarantined_at";
        return "INSERT INTO delivery_message (delivery_id, recipient_id, address, status, reason, updated_at)"
                + " SELECT ?, r.id, " + address + ","
                + " CASE WHEN " + address + " IS NULL OR " + optOut + " OR " + quarantine + " IS NOT NULL"
                + " THEN 'EXCLUDED' ELSE 'PENDING' END,"
                + " CASE WHEN " + address + " IS NULL THEN 'NO_ADDRESS'"
                + " WHEN " + optOut + " THEN 'OPTED_OUT'"
                + " WHEN " + quarantine + " IS NOT NULL THEN 'QUARANTINED' END, ?"
                + " " + source;
    }

    /**
     * Source clause for a set of recipients given by another table (a workflow population): append its
     * {@link RecipientSet#where()} parameters. The set's FROM must not use the alias {@code r}.
     */
    public static String fromSet(RecipientSet set) {
        return "FROM " + set.from() + " JOIN recipient r ON r.id = " + set.id() + " WHERE "
                + set.where().sql();
    }

    /** Source clause for a condition: append the compiled fragment (alias {@code r}) and its parameters. */
    public static final String FROM_RECIPIENTS = "FROM recipient r WHERE ";

    /**
     * Excludes, among pending rows sharing an address, all but the one of the lowest recipient id: the
     * keepers are computed once by a grouped, uncorrelated subquery (a correlated one made H2 scan the ledger
     * per row). Parameters: now, delivery id, delivery id.
     */
    public static final String EXCLUDE_DUPLICATES =
            "UPDATE delivery_message SET status = 'EXCLUDED', reason = 'DUPLICATE', updated_at = ?"
                    + " WHERE delivery_id = ? AND status = 'PENDING' AND recipient_id NOT IN (SELECT MIN(k.recipient_id)"
                    + " FROM delivery_message k WHERE k.delivery_id = ? AND k.status = 'PENDING' GROUP BY k.address)";

    /** How many pending rows share an address with another; one parameter, the delivery id. */
    public static final String DUPLICATE_COUNT = "SELECT COUNT(*) - COUNT(DISTINCT address) FROM delivery_message"
            + " WHERE delivery_id = ? AND status = 'PENDING'";

    /**
     * Ledger figures, columns over {@code delivery_message} rows: targeted, pending, sent (SENT, DELIVERED or
     * UNDELIVERED), failed, excluded, delivered, undelivered.
     */
    public static final String LEDGER_FIGURES = "COUNT(*),"
            + " COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status IN ('SENT', 'DELIVERED', 'UNDELIVERED') THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status = 'EXCLUDED' THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN status = 'UNDELIVERED' THEN 1 ELSE 0 END), 0)";

    /** {@link #LEDGER_FIGURES} of one delivery; one parameter, the delivery id. */
    public static final String LEDGER_COUNTS =
            "SELECT " + LEDGER_FIGURES + " FROM delivery_message WHERE delivery_id = ?";

    /**
     * Tracking figures, columns over {@code tracking_log} rows: distinct recipients who opened (or clicked),
     * clicked, unsubscribed.
     */
    public static final String TRACKING_FIGURES =
            "COUNT(DISTINCT CASE WHEN type IN ('OPEN', 'CLICK') THEN recipient_id END),"
                    + " COUNT(DISTINCT CASE WHEN type = 'CLICK' THEN recipient_id END),"
                    + " COUNT(DISTINCT CASE WHEN type = 'UNSUBSCRIBE' THEN recipient_id END)";

    /** {@link #TRACKING_FIGURES} of one delivery; one parameter, the delivery id. */
    public static final String TRACKING_COUNTS =
            "SELECT " + TRACKING_FIGURES + " FROM tracking_log WHERE delivery_id = ?";

    /**
     * Bounce figures, columns over {@code delivery_bounce} rows: distinct recipients with a hard bounce, with a
     * soft one.
     */
    public static final String BOUNCE_FIGURES = "COUNT(DISTINCT CASE WHEN kind = 'HARD' THEN recipient_id END),"
            + " COUNT(DISTINCT CASE WHEN kind = 'SOFT' THEN recipient_id END)";

    /** {@link #BOUNCE_FIGURES} of one delivery; one parameter, the delivery id. */
    public static final String BOUNCE_COUNTS =
            "SELECT " + BOUNCE_FIGURES + " FROM delivery_bounce WHERE delivery_id = ?";

    /** The numbers of a result row, from column {@code from} on. */
    public static long[] numbers(Object[] row, int from) {
        long[] numbers = new long[row.length - from];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = SqlValues.number(row[from + i]);
        }
        return numbers;
    }

    /**
     * A delivery's figures from the values of {@link #LEDGER_FIGURES} and {@link #TRACKING_FIGURES}; null
     * (a delivery without ledger rows or without logs) counts as zeros.
     */
    public static DeliveryStats stats(long[] ledger, long[] tracking) {
        return stats(ledger, tracking, null);
    }

    /** As {@link #stats(long[], long[])}, with the values of {@link #BOUNCE_FIGURES} (null: zeros). */
    public static DeliveryStats stats(long[] ledger, long[] tracking, long[] bounces) {
        long[] l = ledger == null ? new long[7] : ledger;
        long[] t = tracking == null ? new long[3] : tracking;
        long[] b = bounces == null ? new long[2] : bounces;
        return new DeliveryStats(l[0], l[1], l[2], l[3], l[4], t[0], t[1], t[2], l[5], l[6], b[0], b[1]);
    }
}
