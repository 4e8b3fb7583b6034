package io.crosscast.engine;

import java.time.Clock;
import java.util.List;

/**
 * Runs a workflow in memory, in one go, until nothing more can happen now: finished, waiting, failed, paused or
 * stopped. For tests and previews; the container instead executes each activity in its own transaction.
 * An exception thrown by an activity is recorded as {@link NextAction.Failed} ({@link #failure}).
 */
public final class Execution {

    private static final int MAX_STEPS = 10_000;

    private final ActivityRegistry registry;
    private final WorkflowRunner runner;
    private final Populations populations;
    private final Clock clock;
    private final RunLog log;

    public Execution(ActivityRegistry registry, Populations populations, Clock clock, RunLog log) {
        this(registry, populations, clock, log, false);
    }

    /** An execution of simulated runs ({@code simulated}): waits pass at once, see {@link WorkflowRunner}. */
    public Execution(ActivityRegistry registry, Populations populations, Clock clock, RunLog log, boolean simulated) {
        this.registry = registry;
        this.populations = populations;
        this.runner = new WorkflowRunner(registry, populations, simulated);
        this.clock = clock;
        this.log = log;
    }

    public WorkflowRunner runner() {
        return runner;
    }

    /** A new run, started and run as far as possible. */
    public RunState start(WorkflowDefinition def, String runId) {
        return run(def, runner.start(runner.newRun(def, runId)));
    }

    /** Execute startable and due activities, one at a time in definition order, until none is left. */
    public RunState run(WorkflowDefinition def, RunState state) {
        for (int step = 0; step < MAX_STEPS; step++) {
            List<String> next = runner.startable(def, state);
            if (next.isEmpty()) {
                next = runner.due(def, state, clock.instant());
            }
            if (next.isEmpty()) {
                return state;
            }
            state = step(def, state, next.get(0));
        }
        throw new IllegalStateException("Run " + state.runId() + " did not settle after " + MAX_STEPS + " steps");
    }

    /** Execute one activity and apply its result. */
    public RunState step(WorkflowDefinition def, RunState state, String activityId) {
        state = runner.begin(def, state, activityId);
        ActivityDefinition a = def.activity(activityId).orElseThrow();
        NextAction action;
        try {
            action = registry.get(a.type()).execute(runner.context(def, state, activityId, clock.instant(), log));
        } catch (RuntimeException e) {
            action = NextAction.failed(failure(e));
        }
        if (action instanceof NextAction.Failed f) {
            log.write(activityId, failedLine(f.text()));
        }
        return runner.apply(def, state, activityId, action);
    }

    /**
     * Why an exception failed an activity: the text of an {@link ActivityException}, otherwise the exception's class
     * and message ("IllegalStateException: database down"), which stay as they are.
     */
    public static Text failure(Throwable e) {
        if (e instanceof ActivityException known) {
            return known.text();
        }
        return Text.of("run.error", e.getClass().getSimpleName(), e.getMessage());
    }

    /** The run log's line for a failure: "failed: ...". */
    public static Text failedLine(Text failure) {
        return Text.of("run.failed", failure);
    }
}
