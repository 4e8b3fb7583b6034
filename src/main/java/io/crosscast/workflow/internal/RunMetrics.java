package io.crosscast.workflow.internal;

import io.crosscast.engine.RunStatus;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The gauge {@value #METER}: workflow runs by state (tag {@code state}: edited, started, paused, finished, failed,
 * stopped), counted every 10 seconds with one grouped query; a scrape reads the last counts.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunMetrics {

    public static final String METER = "crosscast.workflow.runs";

    private static final Logger LOG = Logger.getLogger(RunMetrics.class.getName());

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Inject
    private MeterRegistry meters;

    private final Map<RunStatus, AtomicLong> counts = new EnumMap<>(RunStatus.class);
    private final List<Gauge> gauges = new ArrayList<>();

    @PostConstruct
    void register() {
        for (RunStatus status : RunStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            gauges.add(Meters.gauge(
                    meters,
                    METER,
                    count,
                    AtomicLong::get,
                    "state",
                    status.name().toLowerCase(Locale.ROOT)));
        }
        refresh();
    }

    @PreDestroy
    void unregister() {
        gauges.forEach(gauge -> Meters.remove(meters, gauge));
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "workflow runs gauge")
    void refresh() {
        Map<RunStatus, Long> found = new EnumMap<>(RunStatus.class);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status, COUNT(*) FROM workflow_run WHERE simulated = FALSE GROUP BY status");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.put(RunStatus.valueOf(rows.getString(1)), rows.getLong(2));
            }
        } catch (SQLException | IllegalArgumentException e) {
            LOG.fine(() -> "Workflow runs not counted: " + e.getMessage());
            return;
        }
        counts.forEach((status, count) -> count.set(found.getOrDefault(status, 0L)));
    }
}
