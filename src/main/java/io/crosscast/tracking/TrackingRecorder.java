package io.crosscast.tracking;

import io.crosscast.platform.Datasources;
import io.crosscast.platform.metrics.Meters;
import io.crosscast.platform.sql.SqlValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes tracking hits without holding the request on the database: a hit is queued in memory and the
 * queue is written every second in JDBC batches, and once more when the application stops, so a normal
 * shutdown loses none. When the database is down, hits stay queued (up to {@link #CAPACITY}; beyond it
 * new hits are dropped and counted in the log) and are written once it is back. A hit of a delivery
 * deleted meanwhile is dropped by the insert itself. The queue's length is the gauge {@value #QUEUE_METER}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrackingRecorder {

    private static final Logger LOG = Logger.getLogger(TrackingRecorder.class.getName());
    static final int CAPACITY = 1_000_000;
    public static final String QUEUE_METER = "crosscast.tracking.queue";
    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO tracking_log"
            + " (delivery_id, recipient_id, type, url, label, logged_at, user_agent, ip, request_method)"
            + " SELECT d.id, CAST(? AS BIGINT), CAST(? AS VARCHAR(12)), CAST(? AS VARCHAR(2000)),"
            + " CAST(? AS VARCHAR(100)), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS VARCHAR(500)),"
            + " CAST(? AS VARCHAR(45)), CAST(? AS VARCHAR(8)) FROM delivery d WHERE d.id = ?";

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    private final ConcurrentLinkedQueue<TrackingHit> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Object flushing = new Object();

    @Inject
    private MeterRegistry meters;

    private Gauge queueGauge;

    @PostConstruct
    void registerGauge() {
        queueGauge = Meters.gauge(meters, QUEUE_METER, size, AtomicInteger::get);
    }

    /** Queues a hit; returns at once. */
    public void record(TrackingHit hit) {
        if (size.incrementAndGet() > CAPACITY) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(hit);
    }

    /** How many hits wait to be written. */
    public int queued() {
        return size.get();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "tracking-log flush")
    void tick() {
        flush();
    }

    /** Writes every queued hit now; returns how many were written. */
    public int flush() {
        synchronized (flushing) {
            int lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warning(lost + " tracking hit(s) dropped: the queue was full (is the database down?)");
            }
            int written = 0;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                List<TrackingHit> batch = new ArrayList<>(BATCH);
                while (!queue.isEmpty()) {
                    batch.clear();
                    for (TrackingHit hit = queue.peek(); hit != null && batch.size() < BATCH; hit = queue.peek()) {
                        batch.add(hit);
                        queue.poll();
                    }
                    try {
                        write(connection, batch);
                    } catch (SQLException e) {
                        queue.addAll(batch); // kept, written on a later flush
                        throw e;
                    }
                    size.addAndGet(-batch.size());
                    written += batch.size();
                }
            } catch (SQLException e) {
                LOG.warning("Tracking hits not written yet (" + size.get() + " queued): " + e.getMessage());
            }
            return written;
        }
    }

    private static void write(Connection connection, List<TrackingHit> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (TrackingHit hit : batch) {
                insert.setLong(1, hit.recipientId());
                insert.setString(2, hit.kind().name());
                insert.setString(3, hit.url());
                insert.setString(4, hit.label());
                insert.setObject(5, SqlValues.timestamp(hit.at()));
                insert.setString(6, hit.userAgent());
                insert.setString(7, hit.ip());
                insert.setString(8, hit.method());
                insert.setLong(9, hit.deliveryId());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        Meters.remove(meters, queueGauge);
        int written = flush();
        LOG.info("Tracking recorder stopped; " + written + " hit(s) written on the way out, " + size.get() + " left");
    }
}
