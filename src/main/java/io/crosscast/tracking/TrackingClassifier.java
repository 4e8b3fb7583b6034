package io.crosscast.tracking;

import io.crosscast.platform.Datasources;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.tracking.classify.ActorRules;
import io.crosscast.tracking.internal.ActorClassification;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * People or machines: classifies the tracking logs off the hot path (a hit whose own request says who made it
 * is written with its verdict, {@code TrackingLogRow#verdict}; the others are written unclassified, then
 * this pass, run every few seconds by a Quartz job and before the readers that need it, says who made them:
 * {@link ActorClassification}, rules from {@link ActorRules#standard()}), and reads a delivery's figures by
 * actor.
 */
@Stateless
public class TrackingClassifier {

    private static final Logger LOG = Logger.getLogger(TrackingClassifier.class.getName());
    private static final ActorClassification CLASSIFICATION = new ActorClassification(ActorRules.standard());
    /** Ids of {@code tracking_log} classified per transaction. */
    static final long SLICE = 20_000;
    /**
     * One pass at a time on this node: the Quartz job's pass and a workflow's pass before a people-only
     * condition queue here rather than wait on each other's row locks (the job itself runs once in a cluster;
     * a pass of another node holds at most one slice's rows at a time).
     */
    private static final ReentrantLock ONE_PASS = new ReentrantLock();

    /** The first and last id of the logs not classified yet (on PostgreSQL from V29's partial index). */
    public static final String PENDING_IDS = "SELECT MIN(id), MAX(id) FROM tracking_log WHERE actor IS NULL";

    /** Hits by actor, reason and type of one delivery; parameter: the delivery id. */
    static final String REASONS = "SELECT actor, actor_reason, type, COUNT(*), COUNT(DISTINCT recipient_id)"
            + " FROM tracking_log WHERE delivery_id = ? AND type IN ('OPEN', 'CLICK') AND actor IS NOT NULL"
            + " GROUP BY actor, actor_reason, type ORDER BY COUNT(*) DESC, actor, actor_reason, type";

    /** Distinct recipients by actor; parameter: the delivery id. */
    static final String RECIPIENTS = "SELECT"
            + " COUNT(DISTINCT CASE WHEN actor = 'PERSON' AND type IN ('OPEN', 'CLICK') THEN recipient_id END),"
            + " COUNT(DISTINCT CASE WHEN actor = 'PERSON' AND type = 'CLICK' THEN recipient_id END),"
            + " COUNT(DISTINCT CASE WHEN actor IN ('PRIVACY_PROXY', 'SCANNER') AND type IN ('OPEN', 'CLICK')"
            + " THEN recipient_id END),"
            + " COUNT(DISTINCT CASE WHEN actor = 'SCANNER' AND type = 'CLICK' THEN recipient_id END),"
            + " COUNT(CASE WHEN actor IS NULL AND type IN ('OPEN', 'CLICK') THEN 1 END)"
            + " FROM tracking_log WHERE delivery_id = ?";

    @Resource(lookup = Datasources.JTA)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /**
     * Classifies every log not classified yet when the call starts, a slice of at most {@value #SLICE} ids per
     * transaction (a backlog of millions never makes one huge transaction that readers of the log must read
     * around), then reconsiders the recent PERSON verdicts; returns how many logs each rule classified.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, Integer> classify() {
        TrackingClassifier self = context.getBusinessObject(TrackingClassifier.class);
        Map<String, Integer> counts = new LinkedHashMap<>();
        ONE_PASS.lock();
        try {
            long[] pending = self.pendingIds();
            if (pending != null) {
                for (long first = pending[0]; first <= pending[1]; first += SLICE) {
                    self.classify(new ActorClassification.Slice(first, Math.min(pending[1], first + SLICE - 1)))
                            .forEach((reason, count) -> counts.merge(reason, count, Integer::sum));
                }
            }
            self.reconsider().forEach((reason, count) -> counts.merge(reason, count, Integer::sum));
        } finally {
            ONE_PASS.unlock();
        }
        if (!counts.isEmpty()) {
            LOG.fine(() -> "Tracking logs classified: " + counts);
        }
        return counts;
    }

    /** The first and last id of the logs not classified yet, or null when there is none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long[] pendingIds() {
        Object[] r = (Object[]) NativeSql.query(em, PENDING_IDS, List.of()).getSingleResult();
        return r[0] == null ? null : new long[] {SqlValues.number(r[0]), SqlValues.number(r[1])};
    }

    /** One slice of {@link #classify()}, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> classify(ActorClassification.Slice slice) {
        try (Connection connection = dataSource.getConnection()) {
            return CLASSIFICATION.run(connection, slice);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot classify the tracking logs: " + e.getMessage(), e);
        }
    }

    /** The corrections of recent PERSON verdicts of {@link #classify()}, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Integer> reconsider() {
        try (Connection connection = dataSource.getConnection()) {
            return CLASSIFICATION.reconsider(connection, Instant.now(clock));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot classify the tracking logs: " + e.getMessage(), e);
        }
    }

    /** People's and machines' figures of a delivery (classifying what is pending first is the caller's choice). */
    public ActorFigures figures(long deliveryId) {
        Object[] r =
                (Object[]) NativeSql.query(em, RECIPIENTS, List.of(deliveryId)).getSingleResult();
        List<ActorFigures.ReasonCount> reasons = new ArrayList<>();
        for (Object row : NativeSql.query(em, REASONS, List.of(deliveryId)).getResultList()) {
            Object[] c = (Object[]) row;
            reasons.add(new ActorFigures.ReasonCount(
                    String.valueOf(c[0]),
                    c[1] == null ? "" : String.valueOf(c[1]),
                    String.valueOf(c[2]),
                    SqlValues.number(c[3]),
                    SqlValues.number(c[4])));
        }
        return new ActorFigures(
                SqlValues.number(r[0]),
                SqlValues.number(r[1]),
                SqlValues.number(r[2]),
                SqlValues.number(r[3]),
                SqlValues.number(r[4]),
                reasons);
    }
}
