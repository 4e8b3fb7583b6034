package io.crosscast.delivery.internal;

import io.crosscast.delivery.DeliverySending;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a delivery's sending as soon as the transaction that started (or resumed) it has committed. The sending
 * job's trigger, committed in that transaction, stays the durable way: if this start fails or the server stops
 * first, the trigger starts it.
 */
@ApplicationScoped
public class SendingKick {

    private static final Logger LOG = Logger.getLogger(SendingKick.class.getName());

    @EJB
    private DeliverySending sending;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SendingRequested requested) {
        try {
            sending.start(requested.deliveryId());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.FINE,
                    "Delivery " + requested.deliveryId() + ": not started at once (" + e.getMessage()
                            + "); its trigger starts it",
                    e);
        }
    }
}
