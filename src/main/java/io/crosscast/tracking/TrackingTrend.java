package io.crosscast.tracking;

import io.crosscast.platform.DatabaseMigration;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.TimeStep;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens and clicks of all deliveries over time, people apart from machines ({@code tracking_log.actor}): one
 * grouped statement over a time range, answered from the index on (logged_at, type, actor) (V24).
 */
@Stateless
public class TrackingTrend {

    /** The counts of one bucket, in this order. */
    public static final int PEOPLE_OPENS = 0;

    public static final int MACHINE_OPENS = 1;
    public static final int PEOPLE_CLICKS = 2;
    public static final int MACHINE_CLICKS = 3;
    /** Opens and clicks the classifier has not looked at yet (actor NULL). */
    public static final int UNCLASSIFIED = 4;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DatabaseMigration database;

    /**
     * Tracking hits (logs) per time step from {@code from} (included) to {@code until} (excluded): bucket number
     * ({@link TimeStep#bucketOf(Instant)}) to counts indexed by {@link #PEOPLE_OPENS}...{@link #UNCLASSIFIED}.
     * A hit is counted once (not distinct recipients: a recipient opening twice is two opens). Buckets without
     * hits are absent.
     */
    public Map<Long, long[]> hitsPer(Instant from, Instant until, TimeStep step) {
        Map<Long, long[]> counts = new HashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        hitsPerStep(step, database.vendor()),
                        List.of(SqlValues.timestamp(from), SqlValues.timestamp(until)))
                .getResultList()) {
            Object[] r = (Object[]) row;
            long[] c = new long[5];
            for (int i = 0; i < c.length; i++) {
                c[i] = SqlValues.number(r[i + 1]);
            }
            counts.put(SqlValues.number(r[0]), c);
        }
        return counts;
    }

    /** The statement of {@link #hitsPer}; parameters: from, until. */
    public static String hitsPerStep(TimeStep step, DatabaseVendor vendor) {
        return "SELECT x.bucket,"
                + " SUM(CASE WHEN x.type = 'OPEN' AND x.actor = 'PERSON' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.type = 'OPEN' AND x.actor <> 'PERSON' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.type = 'CLICK' AND x.actor = 'PERSON' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.type = 'CLICK' AND x.actor <> 'PERSON' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN x.actor IS NULL THEN 1 ELSE 0 END)"
                + " FROM (SELECT " + step.bucketOf("t.logged_at", vendor)
                + " AS bucket, t.type, t.actor FROM tracking_log t"
                + " WHERE t.logged_at >= ? AND t.logged_at < ? AND t.type IN ('OPEN', 'CLICK')) x"
                + " GROUP BY x.bucket";
    }
}
