package io.crosscast.tracking;

import io.crosscast.platform.Datasources;
import io.crosscast.platform.metrics.Meters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The lifecycle of the node's {@link HitLog}: started with the application (replaying what a previous run left in
 * the journal), stopped with it (the hits queued are journaled and copied first). The tracking endpoints take the
 * log once and submit to it directly: no EJB call and no transaction per hit. The gauges: {@value #QUEUE_METER},
 * hits waiting for their group (their answers wait with them); {@value #UNCOPIED_METER}, hits answered (in the
 * journal) and not in {@code tracking_log} yet.
 *
 * <p>The journal is {@code <jboss.server.data.dir>/crosscast/tracking-journal} unless the system property
 * {@code crosscast.tracking.journal} names another directory; {@code crosscast.tracking.committers} (2) is the
 * number of committer threads.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrackingRecorder {

    private static final Logger LOG = Logger.getLogger(TrackingRecorder.class.getName());
    public static final String QUEUE_METER = "crosscast.tracking.queue";
    public static final String UNCOPIED_METER = "crosscast.tracking.uncopied";

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    @Inject
    private MeterRegistry meters;

    @Inject
    private TrackingLinks links;

    private HitLog log;
    private Gauge queueGauge;
    private Gauge uncopiedGauge;

    @PostConstruct
    void start() {
        log = new HitLog(dataSource, journalDir());
        int replayed = log.replay();
        if (replayed > 0) {
            LOG.info(replayed + " tracking hit(s) left in the journal by the previous run written to the database");
        }
        log.start(threads, Integer.getInteger("crosscast.tracking.committers", 2));
        queueGauge = Meters.gauge(meters, QUEUE_METER, log, HitLog::queued);
        uncopiedGauge = Meters.gauge(meters, UNCOPIED_METER, log, HitLog::uncopied);
        links.preload();
    }

    static Path journalDir() {
        String configured = System.getProperty("crosscast.tracking.journal");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")))
                .resolve("crosscast")
                .resolve("tracking-journal");
    }

    /** The node's hit log, for the tracking endpoints. */
    public HitLog log() {
        return log;
    }

    /** How many hits wait for their group commit. */
    public int queued() {
        return log.queued();
    }

    /**
     * Waits (at most 30 s) until every hit answered so far is in {@code tracking_log}: answers leave once a hit is
     * in the node's journal, and its copy to the database follows within milliseconds (or once the database is back
     * after an outage). Returns whether it got there.
     */
    public boolean flush() {
        try {
            return log.awaitCopied(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void stop() {
        Meters.remove(meters, queueGauge);
        Meters.remove(meters, uncopiedGauge);
        log.stop();
        LOG.info("Tracking recorder stopped: " + log.figures());
    }
}
