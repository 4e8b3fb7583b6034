package io.crosscast.workflow.internal;

import io.crosscast.delivery.DeliveryFinished;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** When a delivery sent by a workflow ends, its run goes on at once instead of at its next check. */
@ApplicationScoped
public class DeliveryFinishedObserver {

    @EJB
    private RunAdvancer runs;

    void onFinished(@Observes DeliveryFinished finished) {
        if (finished.runId() != null && finished.activityId() != null) {
            runs.wake(finished.runId(), finished.activityId());
        }
    }
}
