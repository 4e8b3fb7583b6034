package io.crosscast.it.scheduling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.OwnDeployment;
import io.crosscast.it.support.Polling;
import io.crosscast.scheduling.SchedulerService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.JobKey;

/** Quartz, on the JDBC job store, fires a job that calls an EJB; scheduling follows the caller's transaction. */
@OwnDeployment
@ExtendWith(ArquillianExtension.class)
class SchedulerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.crosscast(SchedulerIT.class, ProbeJob.class, ProbeRecorder.class);
    }

    @EJB
    private SchedulerService scheduler;

    @EJB
    private ProbeRecorder recorder;

    @Inject
    private UserTransaction transaction;

    @Test
    void aScheduledJobFiresAndCallsAnEjb() throws Exception {
        String token = UUID.randomUUID().toString();
        JobKey key = new JobKey(token, "it");

        transaction.begin();
        scheduler.scheduleOnce(key, ProbeJob.class, Instant.now().plusMillis(500), Map.of("token", token));
        transaction.commit();

        assertTrue(
                Polling.eventually(PATIENCE, () -> recorder.wasCalledWith(token)),
                "the job did not call the EJB within " + PATIENCE);
        assertTrue(Polling.eventually(PATIENCE, () -> !isScheduled(key)), "a one-off job is removed once run");
    }

    @Test
    void aJobScheduledInARolledBackTransactionNeverExists() throws Exception {
        String dropped = UUID.randomUUID().toString();
        JobKey droppedKey = new JobKey(dropped, "it");
        transaction.begin();
        scheduler.scheduleOnce(droppedKey, ProbeJob.class, Instant.now(), Map.of("token", dropped));
        transaction.rollback();
        assertFalse(scheduler.isScheduled(droppedKey));

        // A job scheduled afterwards runs; by then the dropped one would have run too, had it been stored.
        String kept = UUID.randomUUID().toString();
        scheduler.scheduleOnce(new JobKey(kept, "it"), ProbeJob.class, Instant.now(), Map.of("token", kept));
        assertTrue(Polling.eventually(PATIENCE, () -> recorder.wasCalledWith(kept)));
        assertFalse(recorder.wasCalledWith(dropped));
    }

    @Test
    void aCancelledJobDoesNotFire() throws Exception {
        String token = UUID.randomUUID().toString();
        JobKey key = new JobKey(token, "it");
        scheduler.scheduleOnce(key, ProbeJob.class, Instant.now().plusSeconds(3), Map.of("token", token));
        assertTrue(scheduler.isScheduled(key));
        assertTrue(scheduler.cancel(key));
        assertFalse(scheduler.isScheduled(key));

        String later = UUID.randomUUID().toString();
        scheduler.scheduleOnce(
                new JobKey(later, "it"), ProbeJob.class, Instant.now().plusSeconds(4), Map.of("token", later));
        assertTrue(Polling.eventually(PATIENCE, () -> recorder.wasCalledWith(later)));
        assertFalse(recorder.wasCalledWith(token));
    }

    private boolean isScheduled(JobKey key) {
        try {
            return scheduler.isScheduled(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
