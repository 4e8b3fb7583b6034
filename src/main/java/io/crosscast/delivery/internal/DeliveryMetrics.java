package io.crosscast.delivery.internal;

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
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The delivery meters, in the registry the server provides: the sending counters ({@link SendMeter}, handed to
 * each run) and the gauge {@value #QUEUE_METER}, the pending ledger rows of the deliveries being sent. That count
 * is taken every {@value #REFRESH_SECONDS} seconds, never by a scrape: a scrape reads the last count.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryMetrics {

    public static final String QUEUE_METER = "crosscast.sending.queue";
    static final int REFRESH_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class.getName());

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Inject
    private MeterRegistry meters;

    private final AtomicLong pending = new AtomicLong();
    private SendMeter sendMeter;
    private Gauge queue;

    @PostConstruct
    void register() {
        sendMeter = new SendMeter(meters);
        queue = Meters.gauge(meters, QUEUE_METER, pending, AtomicLong::get);
        refresh();
    }

    @PreDestroy
    void unregister() {
        Meters.remove(meters, queue);
    }

    /** The counters the sending runs increment. */
    public SendMeter sendMeter() {
        return sendMeter;
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "sending queue gauge")
    void refresh() {
        try (Connection connection = dataSource.getConnection()) {
            pending.set(LedgerRows.pendingOfSending(connection));
        } catch (SQLException e) {
            LOG.fine(() -> "Sending queue not counted: " + e.getMessage());
        }
    }
}
