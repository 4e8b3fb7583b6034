package io.crosscast.delivery.internal;

import io.crosscast.delivery.DeliveryBounces;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * When the application starts (after the scheduler): the bounce mailbox's reading is scheduled, one interval on
 * (a reading scheduled before a stop is replaced), when a mailbox is configured.
 */
@Singleton
@Startup
@DependsOn("SchedulerService")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceReadingStart {

    private static final Logger LOG = Logger.getLogger(BounceReadingStart.class.getName());

    @EJB
    private DeliveryBounces bounces;

    @PostConstruct
    void schedule() {
        BounceSettings settings = BounceSettings.fromSystemProperties();
        if (!settings.enabled()) {
            LOG.info("Bounce mailbox: none (crosscast.bounce.protocol is not pop3 or imap); only refusals during"
                    + " the SMTP dialogue fail messages");
            return;
        }
        bounces.scheduleReading(Instant.now().plus(settings.interval()));
        LOG.info("Bounce mailbox: read over " + settings.protocol() + " every "
                + settings.interval().toSeconds() + " s");
    }
}
