package io.crosscast.workflow.internal;

import io.crosscast.delivery.DeliveryFinished;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * When a delivery sent by a workflow ends, its run goes on at once instead of at its next check: once the
 * delivery's SENT is committed, so the run sees it.
 */
@ApplicationScoped
public class DeliveryFinishedObserver {

    @EJB
    private RunAdvancer runs;

    void onFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryFinished finished) {
        if (finished.runId() != null && finished.activityId() != null) {
            try {
                runs.wake(finished.runId(), finished.activityId());
            } catch (RunLocks.RunBusy busy) {
                // the run's row is held past the lock timeout: the activity's own next check moves it on
                java.util.logging.Logger.getLogger(DeliveryFinishedObserver.class.getName())
                        .info("Run " + finished.runId() + " busy; it sees the end of its delivery at its next check");
            }
        }
    }
}
