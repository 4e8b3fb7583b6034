package io.crosscast.delivery.internal;

import io.crosscast.delivery.DeliverySending;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When the application starts (after the scheduler): deliveries that were sending go on at once. Then, every 5
 * seconds on each node (a timer of this node only, not persistent), the node joins the email deliveries other nodes
 * of a cluster are sending (PostgreSQL only, see {@link DeliverySending#joinOtherNodes}), and tries again the SMS
 * delivery receipts that came before their ledger row was SENT (in a cluster, a receipt can reach a node that sends
 * nothing itself).
 */
@Singleton
@Startup
@DependsOn("SchedulerService")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendingResumption {

    private static final Logger LOG = Logger.getLogger(SendingResumption.class.getName());

    @EJB
    private DeliverySending sending;

    @EJB
    private SmppGateway gateway;

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

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void joinOtherNodes() {
        try {
            sending.joinOtherNodes();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not join the deliveries other nodes send: " + e.getMessage(), e);
        }
        // In a cluster the SMSC may bring a receipt to a node that did not send the text, before the sending node
        // wrote it SENT: that node keeps it and would try it again only when it writes submission results itself.
        gateway.retryEarlyReceipts();
    }
}
