package io.crosscast.delivery.internal;

import io.crosscast.delivery.DeliverySending;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/** When the application starts (after the scheduler): deliveries that were sending go on at once. */
@Singleton
@Startup
@DependsOn("SchedulerService")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendingResumption {

    private static final Logger LOG = Logger.getLogger(SendingResumption.class.getName());

    @EJB
    private DeliverySending sending;

    @PostConstruct
    void resume() {
        try {
            sending.resumeAfterStart();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Sending deliveries could not be resumed at start (" + e.getMessage()
                            + "); their watch triggers resume them within a minute",
                    e);
        }
    }
}
