package io.crosscast.delivery;

import io.crosscast.delivery.internal.BounceMailbox;
import io.crosscast.delivery.internal.BounceReadJob;
import io.crosscast.delivery.internal.BounceRows;
import io.crosscast.delivery.internal.BounceSettings;
import io.crosscast.platform.Datasources;
import io.crosscast.scheduling.SchedulerService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.quartz.SchedulerException;

/**
 * Bounces that come back after the SMTP server accepted a message: the bounce mailbox (the POP3 or IMAP server of
 * the mail session java:jboss/mail/Crosscast, see {@link BounceSettings}) is read every
 * {@link BounceSettings#interval()} by a Quartz job ({@link BounceReadJob}, one reading at a time in the cluster)
 * that calls {@link #readMailbox()}. Hard bounces fail their ledger row and quarantine the address after
 * {@link BounceSettings#hardThreshold()} of them, soft ones are counted and quarantine it after
 * {@link BounceSettings#softThreshold()} within {@link BounceSettings#softDays()} days ({@link BounceRows}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryBounces {

    private static final Logger LOG = Logger.getLogger(DeliveryBounces.class.getName());

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Resource(lookup = "java:jboss/mail/Crosscast")
    private Session mailSession;

    @EJB
    private SchedulerService scheduler;

    @Inject
    private Event<RecipientsQuarantined> quarantined;

    private final Clock clock = Clock.systemUTC();

    /** Whether a bounce mailbox is configured. */
    public boolean enabled() {
        return BounceSettings.fromSystemProperties().enabled();
    }

    /**
     * Reads the bounce mailbox once and schedules the next reading; nothing when no mailbox is configured. A
     * mailbox that cannot be reached is logged and read again at the next interval.
     */
    public void readMailbox() {
        BounceSettings settings = BounceSettings.fromSystemProperties();
        if (!settings.enabled()) {
            return;
        }
        try {
            BounceMailbox.Reading reading = BounceMailbox.read(mailSession, settings, bounces -> {
                try (Connection connection = dataSource.getConnection()) {
                    return BounceRows.record(connection, bounces, settings, Instant.now(clock), quarantined::fire);
                }
            });
            if (reading.messages() > 0) {
                BounceRows.Outcome o = reading.outcome();
                LOG.info("Bounce mailbox: " + reading.messages() + " messages read: " + o.hard() + " hard bounces, "
                        + o.soft() + " soft, " + o.repeated() + " read before, " + o.unmatched()
                        + " matching no message sent, " + reading.notBounces() + " no bounces; " + o.quarantined()
                        + " addresses quarantined");
            }
        } catch (MessagingException | SQLException | RuntimeException e) {
            LOG.warning("Bounce mailbox (" + settings.protocol() + ") not read: " + e + "; trying again in "
                    + settings.interval().toSeconds() + " s");
        } finally {
            scheduleReading(Instant.now(clock).plus(settings.interval()));
        }
    }

    /** Schedules the next reading at {@code at} (replacing a scheduled one), when a mailbox is configured. */
    public void scheduleReading(Instant at) {
        if (!enabled()) {
            return;
        }
        try {
            scheduler.scheduleOnce(BounceReadJob.KEY, BounceReadJob.class, at, Map.of());
        } catch (SchedulerException e) {
            LOG.warning("Cannot schedule the bounce mailbox's reading: " + e.getMessage());
        }
    }
}
