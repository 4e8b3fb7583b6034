package io.crosscast.workflow.internal;

import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityRegistry;
import io.crosscast.engine.Execution;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.RunState;
import io.crosscast.engine.RunStatus;
import io.crosscast.engine.Text;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.engine.WorkflowRunner;
import io.crosscast.engine.activities.ExternalSignalActivity;
import io.crosscast.platform.DatabaseMigration;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.scheduling.SchedulerService;
import io.crosscast.tracking.TrackingClassifier;
import io.crosscast.workflow.RunEnded;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowRun;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.quartz.SchedulerException;

/**
 * Moves runs on: executes each activity that may run, one transaction each, and arms the Quartz job that
 * moves a run on again (right away after a start or a resume, at a Wait's time, when a delivery ends). The
 * {@code workflow} package's service controls runs (start, pause, stop); this is how they advance.
 *
 * <p>One advance per run by design: every advance of run N is the Quartz job {@code workflow.run-N} (one stable
 * key, {@link WorkflowAdvanceJob} is {@code @DisallowConcurrentExecution}: a trigger set while it runs waits,
 * BLOCKED in the job store, until it ends), and each step also holds the run's row lock, taken with a lock
 * timeout ({@link RunLocks}). A step that finds the row busy tries again a few seconds later.
 *
 * <p>Faults: an activity runs in one transaction; whatever it throws rolls it back, so nothing of a failed
 * attempt stays. A transient failure ({@link Faults}) is retried with exponential backoff up to
 * {@link WorkflowSettings#retries()} times, each retry written to the run's log; a permanent one, or the last
 * retry, fails the activity with its reason.
 */
@Stateless
public class RunAdvancer {

    private static final Logger LOG = Logger.getLogger(RunAdvancer.class.getName());
    private static final int MAX_STEPS_PER_ADVANCE = 10_000;
    private static final Duration BUSY_AGAIN = Duration.ofSeconds(3);
    /** How long a Pause or Stop waits for the run's row before it is recorded as a request instead. */
    private static final Duration CONTROL_WAIT = Duration.ofSeconds(1);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ActivityRegistry registry;

    @Inject
    private ConditionCompiler compiler;

    /** Outside the run's transaction: for {@link MemberStatistics}' ANALYZE. */
    @Resource(lookup = Datasources.NON_JTA)
    private DataSource autocommit;

    @EJB
    private SchedulerService scheduler;

    @EJB
    private DatabaseMigration database;

    @EJB
    private RunAdvancer self;

    @EJB
    private TrackingClassifier classifier;

    @Inject
    private Event<RunEnded> ended;

    @Inject
    private Clock clock;

    /** Schedules the run to advance now, once the caller's transaction commits (the job store is JDBC). */
    public void advanceSoon(long runId) {
        scheduleAdvance(runId, clock.instant());
    }

    /**
     * Executes every activity that can run now, one transaction each, then arms the next wake-up if the
     * run waits. Called by {@link WorkflowAdvanceJob}, one at a time per run; safe to call twice at once
     * all the same (the run row's lock serialises the steps and each step checks again that its activity may
     * still run).
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
                if (isBusy(e)) {
                    // Someone else holds the run's row (a pause, a delivery's wake-up): look again a bit later.
                    LOG.fine(() -> "Run " + runId + " is busy; advancing again in a few seconds");
                    self.advanceLater(runId);
                    return;
                }
                Throwable cause = e.getCause() == null ? e : e.getCause();
                Optional<String> reason = Faults.transientReason(e);
                try {
                    if (reason.isPresent() && self.retry(runId, next.get(), reason.get())) {
                        return; // the retry's trigger moves the run on after the backoff
                    }
                    LOG.warning("Run " + runId + ", activity " + next.get() + " failed: " + cause);
                    self.fail(runId, next.get(), Execution.failure(cause));
                } catch (RuntimeException recording) {
                    // the database is still away, or the run busy: the activity is still to run; look again later
                    LOG.warning("Run " + runId + ": cannot record the failure of " + next.get() + " yet: " + recording);
                    self.advanceLater(runId);
                    return;
                }
            }
        }
        self.armWakeUp(runId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void advanceLater(long runId) {
        scheduleAdvance(runId, clock.instant().plus(BUSY_AGAIN));
    }

    private static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RunLocks.RunBusy || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** The next activity of the run that may execute now, if any. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> nextActivity(long runId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId);
        if (run == null) {
            return Optional.empty(); // a discarded simulation
        }
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        return candidates(runner(runId), definition, RunStateJson.read(run.getStateJson())).stream()
                .findFirst();
    }

    /**
     * One attempt of an activity, in a transaction of its own holding the run's row: any exception rolls back
     * everything the attempt wrote (its populations, its log lines) and reaches {@link #advance}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void execute(long runId, String activityId) {
        WorkflowRun run = lock(runId);
        if (run == null) {
            return; // a discarded simulation
        }
        applyRequest(run);
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        RunState state = RunStateJson.read(run.getStateJson());
        WorkflowRunner runner = runner(runId);
        if (!candidates(runner, definition, state).contains(activityId)) {
            return; // another advance ran it meanwhile, or the run was paused
        }
        DbRunLog log = new DbRunLog(em, runId);
        state = runner.begin(definition, state, activityId);
        ActivityDefinition activity = definition.activity(activityId).orElseThrow();
        NextAction action = registry.get(activity.type())
                .execute(runner.context(definition, state, activityId, clock.instant(), log));
        if (action instanceof NextAction.Failed failed) {
            log.write(activityId, Execution.failedLine(failed.text()));
        }
        save(run, runner.apply(definition, state, activityId, action));
        if (activityId.equals(run.getRetryActivity())) {
            run.retrying(null, 0);
        }
    }

    /**
     * After a transient failure of an activity: counts the attempt and schedules the next one after the
     * backoff, with a line in the run's log; false (and the count reset) when the retries are used up.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean retry(long runId, String activityId, String reason) {
        WorkflowSettings settings = WorkflowSettings.configured();
        WorkflowRun run = lock(runId);
        if (run == null) {
            return false;
        }
        int failed = (activityId.equals(run.getRetryActivity()) ? run.getRetryAttempts() : 0) + 1;
        if (failed > settings.retries()) {
            run.retrying(null, 0);
            new DbRunLog(em, runId).write(activityId, Text.of("run.retriesExhausted", Integer.toString(failed)));
            return false;
        }
        Duration delay = settings.backoff(failed);
        run.retrying(activityId, failed);
        new DbRunLog(em, runId)
                .write(
                        activityId,
                        Text.of(
                                "run.retry",
                                Integer.toString(failed),
                                Integer.toString(settings.retries()),
                                Long.toString(delay.toSeconds()),
                                Text.verbatim(reason)));
        LOG.info("Run " + runId + ", activity " + activityId + ": transient failure " + failed + " of "
                + settings.retries() + ", retried in " + delay.toSeconds() + " s: " + reason);
        scheduleAdvance(runId, clock.instant().plus(delay));
        return true;
    }

    /**
     * Pauses or stops the run now, under its row lock waited for at most a second: {@link RunLocks.RunBusy} when
     * a long activity holds the row (the caller then {@linkplain #request records the request}).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void control(long runId, RunStatus target) {
        WorkflowRun run = RunLocks.lock(em, database.vendor(), runId, CONTROL_WAIT);
        if (run == null) {
            throw WorkflowException.notFound("Run " + runId + " does not exist.");
        }
        NativeSql.update(em, "DELETE FROM run_request WHERE run_id = ?", List.of(runId));
        move(run, target);
    }

    /**
     * Records a Pause or Stop asked while the run's row is held (a long activity): the step that ends it, or
     * the next one, applies it before anything else starts; a Stop replaces a Pause. An advance is scheduled
     * so that it is applied even if the activity was the run's last step.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void request(long runId, RunStatus target) {
        NativeSql.update(em, "DELETE FROM run_request WHERE run_id = ?", List.of(runId));
        NativeSql.update(
                em,
                "INSERT INTO run_request (run_id, request, requested_at) VALUES (?, ?, ?)",
                List.of(
                        runId,
                        target.name(),
                        java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));
        scheduleAdvance(runId, clock.instant());
    }

    /** Withdraws a Pause that was asked but not applied yet (a resume right after it); whether there was one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean withdrawPause(long runId) {
        return NativeSql.update(
                        em, "DELETE FROM run_request WHERE run_id = ? AND request = ?", List.of(runId, "PAUSED"))
                > 0;
    }

    /** Applies a recorded Pause or Stop, the caller holding the run's row. */
    private void applyRequest(WorkflowRun run) {
        @SuppressWarnings("unchecked")
        List<Object> requests = NativeSql.query(
                        em, "SELECT request FROM run_request WHERE run_id = ?", List.of(run.getId()))
                .getResultList();
        if (requests.isEmpty()) {
            return;
        }
        NativeSql.update(em, "DELETE FROM run_request WHERE run_id = ?", List.of(run.getId()));
        RunStatus target = RunStatus.valueOf(requests.get(0).toString());
        if (RunStateJson.read(run.getStateJson()).status().canMoveTo(target)) {
            move(run, target);
        }
    }

    private void move(WorkflowRun run, RunStatus target) {
        WorkflowRunner runner = runner(run.getId());
        RunState state = RunStateJson.read(run.getStateJson());
        try {
            save(run, target == RunStatus.PAUSED ? runner.pause(state) : runner.stop(state));
        } catch (IllegalStateException e) {
            throw WorkflowException.conflict(e.getMessage());
        }
        new DbRunLog(em, run.getId()).write(null, Text.of(target == RunStatus.PAUSED ? "run.paused" : "run.stopped"));
    }

    /**
     * Deletes the populations of a run that its state no longer holds (a loop's earlier passes), under the
     * run's row; returns how many, or 0 when the run is busy (the next purge sees it again).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeUnheldPopulations(long runId) {
        WorkflowRun run;
        try {
            run = lock(runId);
        } catch (RunLocks.RunBusy e) {
            return 0;
        }
        if (run == null) {
            return 0;
        }
        java.util.Set<Long> held = new java.util.HashSet<>();
        RunStateJson.read(run.getStateJson()).transitions().values().stream()
                .filter(t -> t.population() != null)
                .forEach(t -> held.add(SqlPopulations.idOf(t.population())));
        return new PopulationPurge(em).unheldOf(runId, held);
    }

    /** Marks an activity failed after its transaction rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long runId, String activityId, Text message) {
        WorkflowRun run = lock(runId);
        WorkflowDefinition definition = WorkflowJson.parse(run.getDefinitionJson());
        WorkflowRunner runner = runner(runId);
        RunState state = runner.begin(definition, RunStateJson.read(run.getStateJson()), activityId);
        save(run, runner.apply(definition, state, activityId, NextAction.failed(message)));
        run.retrying(null, 0);
        new DbRunLog(em, runId).write(activityId, Execution.failedLine(message));
    }

    /**
     * Makes a waiting activity due now and moves the run on (an email delivery activity whose sending
     * ended). Nothing happens if the activity is not waiting or the run is not started.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void wake(long runId, String activityId) {
        WorkflowRun run = lock(runId);
        if (run == null) {
            return;
        }
        RunState state = RunStateJson.read(run.getStateJson());
        Instant now = clock.instant();
        RunState woken = runner(runId).wakeNow(state, activityId, now);
        if (woken != state && state.status() == RunStatus.STARTED) {
            save(run, woken);
            scheduleAdvance(runId, now);
        }
    }

    /** Schedules the run's next wake-up (a Wait or Scheduler activity), if it has one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void armWakeUp(long runId) {
        WorkflowRun run;
        try {
            run = lock(runId);
        } catch (RunLocks.RunBusy e) {
            // whoever holds the run (a resume, a wake-up) schedules its own advance, which arms the wake-up
            return;
        }
        if (run == null) {
            return;
        }
        applyRequest(run);
        RunState state = RunStateJson.read(run.getStateJson());
        if (state.status() == RunStatus.STARTED) {
            // a simulation's waits are due at once (time travel); an External signal without a timeout waits for
            // its signal only
            runner(runId)
                    .nextWakeUp(state)
                    .filter(at -> at.isBefore(ExternalSignalActivity.NEVER))
                    .ifPresent(at -> scheduleAdvance(runId, run.isSimulated() ? clock.instant() : at));
        }
    }

    private List<String> candidates(WorkflowRunner runner, WorkflowDefinition definition, RunState state) {
        List<String> ids = new ArrayList<>(runner.due(definition, state, clock.instant()));
        runner.startable(definition, state).stream()
                .filter(id -> !ids.contains(id))
                .forEach(ids::add);
        return ids;
    }

    /**
     * Sets the run's one advance trigger to {@code at}, unless it already fires no later than that. Callers
     * hold the run's row lock (or create the run), so two of them never race on the trigger.
     */
    private void scheduleAdvance(long runId, Instant at) {
        try {
            scheduler.scheduleNoLaterThan(
                    WorkflowAdvanceJob.key(runId), WorkflowAdvanceJob.class, at, Map.of("runId", Long.toString(runId)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule run " + runId + ": " + e.getMessage(), e);
        }
    }

    private WorkflowRun lock(long runId) {
        return RunLocks.lock(
                em, database.vendor(), runId, WorkflowSettings.configured().lockTimeout());
    }

    /** Writes the run's state; announces (in this transaction) a run that has just finished or failed. */
    private void save(WorkflowRun run, RunState state) {
        String before = run.getStatus();
        run.update(state.status().name(), RunStateJson.write(state), clock.instant());
        RunStatus now = state.status();
        if ((now == RunStatus.FINISHED || now == RunStatus.FAILED)
                && !now.name().equals(before)
                && !run.isSimulated()) { // a simulation is announced to no one (webhooks, campaigns)
            ended.fire(new RunEnded(run.getId(), run.getWorkflowId(), now, clock.instant()));
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
        SqlPopulations populations = new SqlPopulations(em, compiler, runId, this::classifyTrackingLogs)
                .withStatistics(new MemberStatistics(autocommit));
        WorkflowRun run = em.find(WorkflowRun.class, runId);
        if (run != null && run.isSimulated()) {
            populations.simulating(Simulator.deliveriesOf(WorkflowJson.parse(run.getDefinitionJson())));
            return new WorkflowRunner(registry, populations, true);
        }
        return new WorkflowRunner(registry, populations);
    }

    private WorkflowRun run(long runId) {
        WorkflowRun run = em.find(WorkflowRun.class, runId);
        if (run == null) {
            throw new IllegalStateException("Run " + runId + " does not exist.");
        }
        return run;
    }
}
