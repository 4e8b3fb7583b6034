package io.crosscast.webhook;

import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.Datasources;
import io.crosscast.webhook.internal.Backoff;
import io.crosscast.webhook.internal.Outbox;
import io.crosscast.webhook.internal.Poster;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends the outbox's due events: every {@value #SWEEP_SECONDS} seconds (a timer of this server, so a restart
 * simply goes on with what the table holds) and at once after a transaction recorded some (kicked by
 * {@code internal.Announcements}). Claims a few rows at a time with a lease ({@link Outbox#claim}), POSTs each, and
 * writes each attempt's result and the row's next step in its own transaction. One sender at a time on this
 * server; several servers share the rows through their claims.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSending {

    static final int SWEEP_SECONDS = 5;
    static final int CLAIM = 5;

    /** A claim outlives the claimed rows' POSTs at their longest (connect + request timeouts each). */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(WebhookSending.class.getName());

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private Poster poster;
    private Backoff backoff;
    private DatabaseVendor vendor;

    @PostConstruct
    void init() {
        poster = new Poster(clock);
        backoff = Backoff.configured();
        vendor = DatabaseVendor.of(dataSource);
    }

    @Schedule(hour = "*", minute = "*", second = "*/" + SWEEP_SECONDS, persistent = false)
    void sweep() {
        deliverDue();
    }

    /**
     * Sends every event due now; returns how many attempts it made. When another call is already sending on
     * this server, it only asks that one to look again and returns 0.
     */
    public int deliverDue() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return 0;
        }
        int attempts = 0;
        try {
            do {
                again.set(false);
                attempts += sendWhatIsDue();
            } while (again.get());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Webhooks: the outbox could not be read or written: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
        return attempts;
    }

    private int sendWhatIsDue() throws SQLException {
        int attempts = 0;
        try (Connection connection = dataSource.getConnection()) {
            while (true) {
                Instant now = Instant.now(clock);
                List<Outbox.Due> rows = Outbox.claim(connection, vendor, now, now.plus(LEASE), CLAIM);
                if (rows.isEmpty()) {
                    return attempts;
                }
                for (Outbox.Due row : rows) {
                    Outbox.Result result = poster.post(row);
                    Outbox.record(connection, row, result, Instant.now(clock), backoff);
                    attempts++;
                    if (!result.delivered()) {
                        LOG.info("Webhook " + row.event() + " #" + row.id() + " to subscription " + row.subscriptionId()
                                + ": attempt " + (row.attempts() + 1) + " failed ("
                                + (result.httpStatus() != null ? "HTTP " + result.httpStatus() : result.error()) + ")");
                    }
                }
            }
        }
    }
}
