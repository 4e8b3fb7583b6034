package io.crosscast.delivery;

import io.crosscast.delivery.internal.DeliveryMetrics;
import io.crosscast.delivery.internal.DkimKeys;
import io.crosscast.delivery.internal.EmailBatch;
import io.crosscast.delivery.internal.EmailBatchFactory;
import io.crosscast.delivery.internal.EmailRun;
import io.crosscast.delivery.internal.LedgerRows;
import io.crosscast.delivery.internal.LocalSendings;
import io.crosscast.delivery.internal.SendSettings;
import io.crosscast.delivery.internal.SendingLimits;
import io.crosscast.delivery.internal.SmppGateway;
import io.crosscast.delivery.internal.SmsBatchFactory;
import io.crosscast.delivery.internal.SmsRun;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.Datasources;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Starts a sending delivery's work on the sending executor ({@value #EXECUTOR}, defined by
 * {@code wildfly-config/sending.cli}) and settles the delivery when that work ends. The sending job only calls
 * {@link #start}: it returns at once, Quartz's threads never send. Email goes out over several SMTP connections at
 * once ({@link EmailRun}), SMS over the SMSC's window ({@link SmsRun}). While a delivery sends, its job's trigger
 * is kept a minute ahead (the watch): should the server die, the delivery resumes at the next start (or within
 * that minute); {@link #resumeAfterStart} starts it at once. An email delivery whose sender domain has a DKIM
 * selector but no readable key sends nothing and tries again after the reconnect delay, as when the relay cannot be
 * reached (see {@link DkimKeys}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliverySending {

    /** The managed executor that sending runs on (not the default one, not Quartz's). */
    public static final String EXECUTOR = "java:jboss/ee/concurrency/executor/CrosscastSending";

    static final Duration WATCH = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(DeliverySending.class.getName());

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Resource(lookup = "java:jboss/mail/Crosscast")
    private Session mailSession;

    @Resource(lookup = EXECUTOR)
    private ManagedExecutorService executor;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private SmppGateway gateway;

    @EJB
    private DeliveryMetrics metrics;

    @Inject
    private EmailBatchFactory batches;

    @Inject
    private SmsBatchFactory smsBatches;

    @Inject
    private SendSettings settings;

    @Inject
    private SendingLimits limits;

    @Inject
    private LocalSendings local;

    @Inject
    private Event<RecipientsQuarantined> quarantined;

    private final Clock clock = Clock.systemUTC();

    private DatabaseVendor vendor;

    /**
     * Starts sending a delivery on this server unless it already is (then only the watch moves on); returns at
     * once. Nothing happens for a delivery that is not SENDING.
     */
    public void start(long deliveryId) {
        Optional<Delivery> found = deliveries.find(deliveryId);
        if (found.isEmpty() || found.get().getStatus() != DeliveryStatus.SENDING) {
            return;
        }
        Delivery delivery = found.get();
        deliveries.scheduleSending(deliveryId, Instant.now(clock).plus(WATCH));
        if (local.begin(deliveryId)) {
            run(delivery);
        }
    }

    /**
     * In a cluster (PostgreSQL): starts sending here every email delivery that another node is sending now (it
     * holds unexpired claims on the delivery's ledger) and this node is not, so that a delivery's ledger is sent by
     * every live node at once. Each node's run claims its own batches (FOR UPDATE SKIP LOCKED); the delivery's
     * Quartz job, which fires on one node only, starts the first run. Called every few seconds on each node by
     * {@code SendingResumption}; does nothing on H2 (one server). Returns how many deliveries it joined.
     */
    public int joinOtherNodes() {
        if (vendor() != DatabaseVendor.POSTGRESQL) {
            return 0;
        }
        java.util.List<Long> ids;
        try (Connection connection = dataSource.getConnection()) {
            ids = LedgerRows.sentElsewhere(connection, LocalSendings.node(), Instant.now(clock));
        } catch (SQLException e) {
            LOG.fine("Could not look for deliveries sent by other nodes: " + e.getMessage());
            return 0;
        }
        int joined = 0;
        for (long id : ids) {
            if (local.isRunning(id)) {
                continue;
            }
            Optional<Delivery> found = deliveries.find(id);
            if (found.isPresent()
                    && found.get().getStatus() == DeliveryStatus.SENDING
                    && found.get().getChannel() == Channel.EMAIL
                    && local.begin(id)) {
                LOG.fine("Delivery " + id + ": another node is sending it, this node " + LocalSendings.node()
                        + " joins");
                run(found.get());
                joined++;
            }
        }
        return joined;
    }

    /** Starts the delivery's run on the sending executor; the caller has marked it running here. */
    private void run(Delivery delivery) {
        long deliveryId = delivery.getId();
        try {
            if (delivery.getChannel() == Channel.SMS) {
                SmsRun run = new SmsRun(
                        deliveryId,
                        smsBatches.create(delivery),
                        dataSource,
                        executor,
                        gateway,
                        settings,
                        metrics.sendMeter(),
                        quarantined::fire);
                Settle settle = settler();
                executor.execute(() -> {
                    Instant retryAt;
                    try {
                        retryAt = run.run();
                    } catch (SQLException | RuntimeException e) {
                        retryAt = ledgerTrouble(deliveryId, e);
                    }
                    settle.ended(deliveryId, retryAt);
                });
            } else {
                Settle settle = settler();
                EmailBatch batch;
                try {
                    batch = batches.create(delivery);
                } catch (DkimKeys.DkimKeyException e) {
                    // Not sent unsigned: the delivery waits as for an unreachable relay (DkimKeys logged why, once).
                    settle.ended(deliveryId, Instant.now(clock).plus(settings.reconnectDelay()));
                    return;
                }
                EmailRun.Dependencies with = new EmailRun.Dependencies(
                        dataSource,
                        vendor(),
                        mailSession,
                        executor,
                        limits,
                        settings,
                        LocalSendings.node(),
                        metrics.sendMeter(),
                        quarantined::fire);
                new EmailRun(deliveryId, batch, with, run -> settle.ended(deliveryId, run.retryAt())).start();
            }
        } catch (RuntimeException e) {
            local.end(deliveryId);
            throw e;
        }
    }

    /**
     * Called once the server has started: gives back the ledger claims this server held before it stopped (they
     * are not being worked on any more) and starts every delivery that is still SENDING.
     */
    public void resumeAfterStart() {
        try (Connection connection = dataSource.getConnection()) {
            int released = LedgerRows.releaseClaims(connection, LocalSendings.node());
            if (released > 0) {
                LOG.info("Released " + released + " ledger rows claimed by this server before it stopped");
            }
        } catch (SQLException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not release this server's earlier ledger claims: " + e.getMessage()
                            + "; they are taken again once their lease ends",
                    e);
        }
        for (long id : deliveries.sendingIds()) {
            deliveries.scheduleSending(id, Instant.now(clock));
        }
    }

    private Instant ledgerTrouble(long deliveryId, Exception e) {
        LOG.log(
                Level.WARNING,
                "Delivery " + deliveryId + ": the ledger could not be read or written (" + e.getMessage()
                        + "); trying again in " + settings.reconnectDelay().toSeconds() + " s",
                e);
        return Instant.now(clock).plus(settings.reconnectDelay());
    }

    private DatabaseVendor vendor() {
        return vendor != null ? vendor : (vendor = DatabaseVendor.of(dataSource));
    }

    /** What to do when a run ends, with only thread-safe references (it runs on a sending thread). */
    private Settle settler() {
        return new Settle(deliveries, local);
    }

    private record Settle(DeliveryService deliveries, LocalSendings local) {

        void ended(long deliveryId, Instant retryAt) {
            local.end(deliveryId);
            try {
                if (deliveries.afterSlice(deliveryId, retryAt)) {
                    Delivery done = deliveries.get(deliveryId);
                    LOG.info("Delivery " + deliveryId + " '" + done.getLabel() + "' finished: "
                            + deliveries.stats(deliveryId));
                }
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Delivery " + deliveryId + ": could not settle after sending (" + e.getMessage()
                                + "); its watch trigger starts it again",
                        e);
            }
        }
    }
}
