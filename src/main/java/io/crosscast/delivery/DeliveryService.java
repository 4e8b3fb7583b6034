package io.crosscast.delivery;

import io.crosscast.audience.RecipientSet;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.condition.SqlFragment;
import io.crosscast.delivery.internal.ContentCheck;
import io.crosscast.delivery.internal.DeliverySendJob;
import io.crosscast.delivery.internal.LedgerSql;
import io.crosscast.delivery.internal.SendingRequested;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.scheduling.SchedulerService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.SchedulerException;

/**
 * Deliveries: write them, target them (the ledger is filled set-based from a condition or a workflow
 * population), start and cancel their sending, read their figures and their ledger. Sending itself is
 * done in the background by {@link DeliverySendJob}, which calls {@link DeliverySending}.
 */
@Stateless
public class DeliveryService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<SendingRequested> sendingRequested;

    @Inject
    private Event<DeliveryFinished> finished;

    @Inject
    private ConditionCompiler compiler;

    @Inject
    private ContentCheck contentCheck;

    @EJB
    private SchedulerService scheduler;

    private final Clock clock = Clock.systemUTC();

    /** Takes every delivery out of the campaign (it is being deleted): they stay, part of no campaign. */
    public void detachFromCampaign(long campaignId) {
        em.createQuery("UPDATE Delivery d SET d.campaignId = NULL WHERE d.campaignId = :campaign")
                .setParameter("campaign", campaignId)
                .executeUpdate();
    }

    /** Creates a draft; its content is checked and its links normalised as for {@link #update}. */
    public Delivery create(Channel channel, DeliveryContent written) {
        DeliveryContent content = contentCheck.withLinksNormalised(channel, written);
        requireValid(channel, content, false);
        Delivery delivery = new Delivery(channel, content, Instant.now(clock));
        em.persist(delivery);
        em.flush();
        return delivery;
    }

    /**
     * Changes a draft's content: the label is required, addresses, personalisation and links must be valid;
     * links are stored normalised (as browsers read them: {@code LinkUrl}).
     */
    public Delivery update(long deliveryId, DeliveryContent written) {
        Delivery delivery = get(deliveryId);
        if (delivery.getStatus() != DeliveryStatus.DRAFT) {
            throw DeliveryException.conflict(
                    DeliveryProblem.of(DeliveryProblem.Code.SENT_CANNOT_CHANGE, delivery.getLabel()));
        }
        DeliveryContent content = contentCheck.withLinksNormalised(delivery.getChannel(), written);
        requireValid(delivery.getChannel(), content, false);
        delivery.apply(content, Instant.now(clock));
        return delivery;
    }

    /**
     * Makes the delivery part of the campaign (null: of none), whatever its status; the campaign is checked
     * by {@code CampaignService}, which calls this.
     */
    public Delivery attachToCampaign(long deliveryId, Long campaignId) {
        Delivery delivery = get(deliveryId);
        delivery.attachTo(campaignId, Instant.now(clock));
        return delivery;
    }

    /** The deliveries of a campaign, newest first, at most {@code max}. */
    public List<Delivery> ofCampaign(long campaignId, int max) {
        return em.createQuery(
                        "SELECT d FROM Delivery d WHERE d.campaignId = :campaign ORDER BY d.id DESC", Delivery.class)
                .setParameter("campaign", campaignId)
                .setMaxResults(max)
                .getResultList();
    }

    public Optional<Delivery> find(long deliveryId) {
        return Optional.ofNullable(em.find(Delivery.class, deliveryId));
    }

    /** The delivery, or {@link DeliveryException} NOT_FOUND. */
    public Delivery get(long deliveryId) {
        return find(deliveryId).orElseThrow(() -> DeliveryException.notFound(deliveryId));
    }

    /** Deliveries, newest first. */
    public List<Delivery> page(int first, int pageSize) {
        return em.createQuery("SELECT d FROM Delivery d ORDER BY d.id DESC", Delivery.class)
                .setFirstResult(first)
                .setMaxResults(pageSize)
                .getResultList();
    }

    public long count() {
        return em.createQuery("SELECT COUNT(d) FROM Delivery d", Long.class).getSingleResult();
    }

    /**
     * The deliveries that have been sent or are sending, newest first (by start of sending), at most
     * {@code max}: what a behaviour rule or a tracking-log condition can name. Ids, labels and start times
     * only, never the content.
     */
    public List<DeliveryChoice> sentChoices(int max) {
        return em.createQuery(
                        "SELECT new io.crosscast.delivery.DeliveryChoice(d.id, d.label, d.startedAt)"
                                + " FROM Delivery d WHERE d.status IN :statuses ORDER BY d.startedAt DESC, d.id DESC",
                        DeliveryChoice.class)
                .setParameter("statuses", List.of(DeliveryStatus.SENDING, DeliveryStatus.SENT))
                .setMaxResults(max)
                .getResultList();
    }

    /** One delivery as a chooser shows it, whatever its status (e.g. named by a stored condition). */
    public Optional<DeliveryChoice> choice(long deliveryId) {
        return em.createQuery(
                        "SELECT new io.crosscast.delivery.DeliveryChoice(d.id, d.label, d.startedAt)"
                                + " FROM Delivery d WHERE d.id = :id",
                        DeliveryChoice.class)
                .setParameter("id", deliveryId)
                .getResultStream()
                .findFirst();
    }

    /** Deletes a delivery with its ledger and tracking logs; not while it is sending. */
    public void delete(long deliveryId) {
        Delivery delivery = get(deliveryId);
        if (delivery.getStatus() == DeliveryStatus.SENDING) {
            throw DeliveryException.conflict(
                    DeliveryProblem.of(DeliveryProblem.Code.SENDING_CANNOT_BE_DELETED, delivery.getLabel()));
        }
        em.remove(delivery);
    }

    /** Every problem of this content (English messages and codes); empty when it can be saved (or sent). */
    public List<DeliveryProblem> problems(Channel channel, DeliveryContent content, boolean toSend) {
        return contentCheck.problems(channel, content, toSend);
    }

    /**
     * Targets the recipients matching {@code condition} and starts sending: one ledger row each, PENDING
     * or EXCLUDED with its reason.
     */
    public DeliveryStats sendToCondition(long deliveryId, Condition condition) {
        Delivery delivery = startable(get(deliveryId));
        SqlFragment where = compiler.compile(condition, "r");
        List<Object> parameters = new ArrayList<>(List.of(delivery.getId(), now()));
        parameters.addAll(where.parameters());
        NativeSql.update(
                em,
                LedgerSql.insertTargets(delivery.getChannel(), LedgerSql.FROM_RECIPIENTS + where.sql()),
                parameters);
        start(delivery);
        return stats(delivery.getId());
    }

    /**
     * The SQL test on recipient {@code r} that a delivery of {@code channel} would send to them (an address, not
     * opted out, not quarantined: the ledger's exclusions, duplicates of SMS phones aside); fixed SQL of the code,
     * no parameters. A workflow's simulation targets with it and writes no ledger.
     */
    public String sendableTest(Channel channel) {
        return LedgerSql.sendable(channel);
    }

    /**
     * Sends a delivery to a workflow population. A delivery that was already sent (an earlier run, or a
     * loop) is copied first: each sending has its own ledger and tracking. Returns the delivery that sends.
     */
    public Delivery sendToPopulation(long deliveryId, RecipientSet population, long runId, String activityId) {
        Delivery delivery = get(deliveryId);
        if (delivery.getStatus() != DeliveryStatus.DRAFT) {
            Delivery copy = Delivery.copyOf(delivery, delivery.getLabel(), Instant.now(clock));
            em.persist(copy);
            em.flush();
            delivery = copy;
        }
        startable(delivery);
        delivery.sentBy(runId, activityId);
        List<Object> parameters = new ArrayList<>(List.of(delivery.getId(), now()));
        parameters.addAll(population.where().parameters());
        NativeSql.update(em, LedgerSql.insertTargets(delivery.getChannel(), LedgerSql.fromSet(population)), parameters);
        start(delivery);
        return delivery;
    }

    private Delivery startable(Delivery delivery) {
        if (delivery.getStatus() != DeliveryStatus.DRAFT) {
            throw DeliveryException.conflict(
                    DeliveryProblem.of(DeliveryProblem.Code.ALREADY_SENT, delivery.getLabel()));
        }
        requireValid(delivery.getChannel(), delivery.content(), true);
        return delivery;
    }

    private void start(Delivery delivery) {
        Instant now = Instant.now(clock);
        if (delivery.getChannel() == Channel.SMS
                && NativeSql.count(em, LedgerSql.DUPLICATE_COUNT, List.of(delivery.getId())) > 0) {
            // Emails are unique among recipients (email_key), mobile phones are not.
            NativeSql.update(
                    em,
                    LedgerSql.EXCLUDE_DUPLICATES,
                    List.of(SqlValues.timestamp(now), delivery.getId(), delivery.getId()));
        }
        contentCheck.freezeLinks(delivery);
        delivery.startSending(now);
        scheduleSending(delivery.getId(), now);
        sendingRequested.fire(new SendingRequested(delivery.getId()));
    }

    /**
     * Pauses a sending delivery: within a second nothing more goes out (messages in hand finish); its pending
     * messages wait in the ledger until {@link #resume}.
     */
    public void pause(long deliveryId) {
        Delivery delivery = get(deliveryId);
        if (delivery.getStatus() != DeliveryStatus.SENDING) {
            throw DeliveryException.conflict(DeliveryProblem.of(DeliveryProblem.Code.NOT_SENDING, delivery.getLabel()));
        }
        delivery.pauseOrResume(true, Instant.now(clock));
        unschedule(deliveryId);
    }

    /** Resumes a paused delivery: it sends again at once. */
    public void resume(long deliveryId) {
        Delivery delivery = get(deliveryId);
        if (delivery.getStatus() != DeliveryStatus.PAUSED) {
            throw DeliveryException.conflict(DeliveryProblem.of(DeliveryProblem.Code.NOT_PAUSED, delivery.getLabel()));
        }
        delivery.pauseOrResume(false, Instant.now(clock));
        scheduleSending(deliveryId, Instant.now(clock));
        sendingRequested.fire(new SendingRequested(deliveryId));
    }

    /**
     * Stops a sending or paused delivery for good: its pending messages are never sent (they stay PENDING in the
     * ledger); a message in hand finishes, nothing more goes out after a second.
     */
    public void cancel(long deliveryId) {
        Delivery delivery = get(deliveryId);
        if (delivery.getStatus() != DeliveryStatus.SENDING && delivery.getStatus() != DeliveryStatus.PAUSED) {
            throw DeliveryException.conflict(DeliveryProblem.of(DeliveryProblem.Code.NOT_SENDING, delivery.getLabel()));
        }
        delivery.finish(DeliveryStatus.CANCELLED, Instant.now(clock));
        unschedule(deliveryId);
    }

    private void unschedule(long deliveryId) {
        try {
            scheduler.cancel(DeliverySendJob.key(deliveryId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot cancel the sending job: " + e.getMessage(), e);
        }
    }

    /** Schedules the next slice of sending at {@code at}. */
    public void scheduleSending(long deliveryId, Instant at) {
        try {
            scheduler.scheduleOnce(
                    DeliverySendJob.key(deliveryId),
                    DeliverySendJob.class,
                    at,
                    Map.of(DeliverySendJob.DELIVERY_ID, Long.toString(deliveryId)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule the sending: " + e.getMessage(), e);
        }
    }

    /**
     * After a run of sending, in one transaction: marks the delivery SENT when nothing is pending any more, else
     * schedules the next run when the first pending row is due (a retry's time, or the end of another server's
     * claim), and not before {@code retryAt} when the run stopped early (SMTP server unreachable). Returns whether
     * it is finished.
     */
    public boolean afterSlice(long deliveryId, Instant retryAt) {
        // Locked: in a cluster several nodes end their runs of one delivery at about the same time; the first
        // finishes it, the others wait for its commit and see it SENT (not a version conflict after the fact).
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return false;
        }
        if (delivery.getStatus() != DeliveryStatus.SENDING) {
            return false;
        }
        Object earliest = NativeSql.query(
                        em,
                        "SELECT MIN(GREATEST(COALESCE(next_attempt_at, ?),"
                                + " COALESCE(claimed_until, ?))) FROM delivery_message WHERE delivery_id = ? AND status = 'PENDING'",
                        List.of(epoch(), epoch(), deliveryId))
                .getSingleResult();
        Instant now = Instant.now(clock);
        if (earliest == null) {
            delivery.finish(DeliveryStatus.SENT, now);
            unschedule(deliveryId);
            finished.fire(new DeliveryFinished(deliveryId, delivery.getRunId(), delivery.getActivityId()));
            return true;
        }
        Instant at = SqlValues.instant(earliest);
        if (retryAt != null && retryAt.isAfter(at)) {
            at = retryAt;
        }
        scheduleSending(deliveryId, at.isBefore(now) ? now : at);
        return false;
    }

    /** The deliveries that are SENDING (to resume them when the server starts). */
    public List<Long> sendingIds() {
        return em.createQuery("SELECT d.id FROM Delivery d WHERE d.status = :status", Long.class)
                .setParameter("status", DeliveryStatus.SENDING)
                .getResultList();
    }

    private static Object epoch() {
        return SqlValues.timestamp(Instant.EPOCH);
    }

    /** Ledger and tracking figures (SMS receipts included). */
    public DeliveryStats stats(long deliveryId) {
        Object[] ledger = (Object[]) NativeSql.query(em, LedgerSql.LEDGER_COUNTS, List.of(deliveryId))
                .getSingleResult();
        Object[] tracking = (Object[]) NativeSql.query(em, LedgerSql.TRACKING_COUNTS, List.of(deliveryId))
                .getSingleResult();
        Object[] bounces = (Object[]) NativeSql.query(em, LedgerSql.BOUNCE_COUNTS, List.of(deliveryId))
                .getSingleResult();
        return LedgerSql.stats(
                LedgerSql.numbers(ledger, 0), LedgerSql.numbers(tracking, 0), LedgerSql.numbers(bounces, 0));
    }

    /** One page of the ledger, by recipient id, optionally only rows of one status. */
    public List<LedgerEntry> ledger(long deliveryId, MessageStatus status, int first, int pageSize) {
        String sql = "SELECT dm.recipient_id, r.first_name, r.last_name, dm.address, dm.status, dm.reason,"
                + " dm.message_id, dm.sent_at, dm.attempts FROM delivery_message dm"
                + " LEFT JOIN recipient r ON r.id = dm.recipient_id WHERE dm.delivery_id = ?"
                // Ordered by an index's own columns (the primary key, or the pending index with the status),
                // so that H2 reads the page in index order instead of sorting the whole delivery's ledger.
                + (status == null
                        ? " ORDER BY dm.delivery_id, dm.recipient_id"
                        : " AND dm.status = ? ORDER BY dm.delivery_id, dm.status, dm.recipient_id");
        List<Object> parameters = status == null ? List.of(deliveryId) : List.of(deliveryId, status.name());
        List<LedgerEntry> entries = new ArrayList<>();
        for (Object row : NativeSql.query(em, sql, parameters)
                .setFirstResult(first)
                .setMaxResults(pageSize)
                .getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new LedgerEntry(
                    number(r[0]),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    MessageStatus.valueOf((String) r[4]),
                    (String) r[5],
                    (String) r[6],
                    r[7] == null ? null : SqlValues.instant(r[7]),
                    (int) number(r[8])));
        }
        return entries;
    }

    /** How many ledger rows (of one status, or all). */
    public long ledgerCount(long deliveryId, MessageStatus status) {
        return status == null
                ? NativeSql.count(
                        em, "SELECT COUNT(*) FROM delivery_message WHERE delivery_id = ?", List.of(deliveryId))
                : NativeSql.count(
                        em,
                        "SELECT COUNT(*) FROM delivery_message WHERE delivery_id = ? AND status = ?",
                        List.of(deliveryId, status.name()));
    }

    private void requireValid(Channel channel, DeliveryContent content, boolean toSend) {
        List<DeliveryProblem> problems = contentCheck.problems(channel, content, toSend);
        if (!problems.isEmpty()) {
            throw DeliveryException.invalid(problems);
        }
    }

    private static long number(Object value) {
        return SqlValues.number(value);
    }

    private Object now() {
        return SqlValues.timestamp(Instant.now(clock));
    }
}
