package io.crosscast.admin;

import io.crosscast.platform.DatabaseMigration;
import io.crosscast.scheduling.SchedulerService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the health checks report (MicroProfile Health, {@code /health/ready} and {@code /health/live} on the
 * management interface): the database answers and is migrated, the scheduler runs, the application is not stopping.
 * Created after the scheduler and destroyed before it, so readiness goes down first when the application stops.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "SchedulerService"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class HealthService {

    /** How long the database may take to answer the check's query. */
    static final int DATABASE_TIMEOUT_SECONDS = 3;

    @EJB
    private DatabaseMigration database;

    @EJB
    private SchedulerService scheduler;

    private final Instant started = Instant.now();
    private volatile boolean stopping;

    /** Up when the database answers within a few seconds at (at least) the schema version this node migrated to. */
    public HealthState database() {
        String expected = database.schemaVersion();
        try {
            String found = database.databaseVersion(DATABASE_TIMEOUT_SECONDS);
            Map<String, String> data =
                    Map.of("vendor", database.vendor().name(), "schema", found, "expected", expected);
            return database.migratedFor(found) ? HealthState.up(data) : HealthState.down(data);
        } catch (SQLException | RuntimeException e) {
            return HealthState.down(
                    Map.of("vendor", database.vendor().name(), "error", String.valueOf(e.getMessage())));
        }
    }

    /** Up while the Quartz scheduler is started (not in standby, not shut down). */
    public HealthState scheduler() {
        return scheduler.running() ? HealthState.up(Map.of()) : HealthState.down(Map.of());
    }

    /** Up until the application starts stopping (undeployment or server shutdown). */
    public HealthState acceptingWork() {
        return stopping ? HealthState.down(Map.of("stopping", "true")) : HealthState.up(Map.of());
    }

    /** Liveness: the application answers (its EJB container is not wedged); never depends on the database. */
    public HealthState alive() {
        return HealthState.up(
                Map.of("uptime", Duration.between(started, Instant.now()).toSeconds() + " s"));
    }

    @PreDestroy
    void stopping() {
        stopping = true;
    }
}
