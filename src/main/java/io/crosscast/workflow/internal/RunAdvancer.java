package io.crosscast.workflow.internal;

import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.engine.ActivityRegistry;
import io.crosscast.engine.Execution;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.RunState;
import io.crosscast.engine.RunStatus;
import io.crosscast.engine.Text;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.engine.WorkflowRunner;
import io.crosscast.scheduling.SchedulerService;
import io.crosscast.tracking.TrackingClassifier;
import io.crosscast.workflow.RunEnded;
import io.crosscast.workflow.WorkflowRun;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

/**
 * Moves runs on: executes each activity that may run, one transaction each, and arms the Quartz job that
 * moves a run on again (right away after a start or a resume, at a Wait's time, when a delivery ends). The
 * {@code workflow} package's service controls runs (start, pause, stop); this is how they advance.
 */
@Stateless
public class RunAdvancer {

    private static final Logger LOG = Logger.getLogger(RunAdvancer.class.getName());
    private static final int MAX_STEPS_PER_ADVANCE = 10_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ActivityRegistry registry;

    @Inject
    private ConditionCompiler compiler;

    @EJB
    private SchedulerService scheduler;

    @EJB
    private RunAdvancer self;

    @EJB
    private TrackingClassifier classifier;

    @Inject
    private Event<RunEnded> ended;

    private final Clock clock = Clock.systemUTC();

    /** Schedules the run to advance now, once the caller's transaction commits (the job store is JDBC). */
    public void advanceSoon(long runId) {
        scheduleAdvance(runId, Instant.now(clock));
    }

    /**
     * Executes every activity that can run now, one transaction each, then arms the next wake-up if the
     * run waits. Called by {@link WorkflowAdvanceJob}; safe to call twice at once (the run row's lock
     * serialises the steps and each step checks again that its activity may still run).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void advance(long runId) {
        for (int steps = 0; steps < MAX_STEPS_PER_ADVANCE; steps++) {
            Optional<String> next = self.nextActivity(runId);
            if (next.isEmpty()) {
                break;
            }
            try {
                self.execute(runId, next.get());
            } catch (RuntimeException e) {
                if (isLockConflict(e)) {
                    // Another advance holds the run (a long activity): it goes on; look again a bit later.
                    LOG.fine(() -> "Run " + runId + " is busy; advancing again in a few seconds");
                    self.advanceLater(runId);
                    return;
                }
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.warning("Run " + runId + ", activity " + next.get() + " failed: " + cause);
                self.fail(runId, next.get(), Execution.failure(cause));
            }
        }
        self.armWakeUp(runId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void advanceLater(long runId) {
        scheduleAdvance(runId, Instant.now(clock).plusSeconds(3));
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException
                    || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** The next activity of the run that may execute now, if any. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> nextActivity(long runId) {
        WorkflowRun run = run(runId);
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        return candidates(runner(runId), definition, RunStateJson.read(run.getStateJson())).stream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void execute(long runId, String activityId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        RunState state = RunStateJson.read(run.getStateJson());
        WorkflowRunner runner = runner(runId);
        if (!candidates(runner, definition, state).contains(activityId)) {
            return; // another advance ran it meanwhile, or the run was paused
        }
        Execution execution = new Execution(
                registry,
                new SqlPopulations(em, compiler, runId, this::classifyTrackingLogs),
                clock,
                new DbRunLog(em, runId));
        save(run, execution.step(definition, state, activityId));
    }

    /** Marks an activity failed after its transaction rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long runId, String activityId, Text message) {
        WorkflowRun run = em.find(WorkflowRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        WorkflowRunner runner = runner(runId);
        RunState state = runner.begin(definition, RunStateJson.read(run.getStateJson()), activityId);
        save(run, runner.apply(definition, state, activityId, NextAction.failed(message)));
        new DbRunLog(em, runId).write(activityId, Execution.failedLine(message));
    }

    /**
     * Makes a waiting activity due now and moves the run on (an email delivery activity whose sending
     * ended). Nothing happens if the activity is not waiting or the run is not started.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void wake(long runId, String activityId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            return;
        }
        RunState state = RunStateJson.read(run.getStateJson());
        Instant now = Instant.now(clock);
        RunState woken = runner(runId).wakeNow(state, activityId, now);
        if (woken != state && state.status() == RunStatus.STARTED) {
            save(run, woken);
            scheduleAdvance(runId, now);
        }
    }

    /** Schedules the run's next wake-up (a Wait or Scheduler activity), if it has one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void armWakeUp(long runId) {
        WorkflowRun run = run(runId);
        RunState state = RunStateJson.read(run.getStateJson());
        if (state.status() == RunStatus.STARTED) {
            runner(runId).nextWakeUp(state).ifPresent(at -> scheduleAdvance(runId, at));
        }
    }

    private List<String> candidates(WorkflowRunner runner, WorkflowDefinition definition, RunState state) {
        List<String> ids = new ArrayList<>(runner.due(definition, state, Instant.now(clock)));
        runner.startable(definition, state).stream()
                .filter(id -> !ids.contains(id))
                .forEach(ids::add);
        return ids;
    }

    private void scheduleAdvance(long runId, Instant at) {
        try {
            scheduler.scheduleOnce(
                    new JobKey("run-" + runId + "-" + UUID.randomUUID(), "workflow"),
                    WorkflowAdvanceJob.class,
                    at,
                    Map.of("runId", Long.toString(runId)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Writes the run's state; announces (in this transaction) a run that has just finished or failed. */
    private void save(WorkflowRun run, RunState state) {
        String before = run.getStatus();
        run.update(state.status().name(), RunStateJson.write(state));
        RunStatus now = state.status();
        if ((now == RunStatus.FINISHED || now == RunStatus.FAILED)
                && !now.name().equals(before)) {
            ended.fire(new RunEnded(run.getId(), run.getWorkflowId(), now, Instant.now(clock)));
        }
    }

    /**
     * Before a Split or a filter counts people only: the hits logged until now are classified (in a
     * transaction of their own), so a person's recent click counts and a scanner's does not. A failed pass
     * (say, two at once) is logged; the condition then reads the verdicts already made.
     */
    private void classifyTrackingLogs() {
        try {
            classifier.classify();
        } catch (RuntimeException e) {
            LOG.warning("Tracking logs not classified before a condition on people: " + e.getMessage());
        }
    }

    private WorkflowRunner runner(long runId) {
        return new WorkflowRunner(registry, new SqlPopulations(em, compiler, runId));
    }

    private WorkflowRun run(long runId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId);
        if (run == null) {
            throw new IllegalStateException("Run " + runId + " does not exist.");
        }
        return run;
    }
}
