package io.crosscast.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run state machine: pure, no threads, no clock of its own. The caller (the container, one transaction per
 * activity; or {@link Execution} in tests) asks what may start, executes it and applies the result:
 * <pre>
 * state = runner.start(runner.newRun(def, runId));
 * for (String id : runner.startable(def, state)) {
 *     state = runner.begin(def, state, id);
 *     NextAction action = type.execute(runner.context(def, state, id, now, log));
 *     state = runner.apply(def, state, id, action);
 * }
 * // later, from the scheduler: runner.due(def, state, now) lists the waits to execute again
 * </pre>
 * Readiness: an activity without incoming transitions is ready once (while PENDING). An AND activity
 * ({@link ActivityType#waitsForAllInputs()}) is ready when every incoming transition is resolved (fired or skipped)
 * and at least one fired; an OR activity as soon as one incoming transition fired and is not consumed. A PENDING
 * activity whose incoming transitions are all skipped becomes SKIPPED and skips its own outgoing transitions. A DONE
 * or SKIPPED activity that receives a new population (a loop through a Wait) is ready again.
 */
public final class WorkflowRunner {

    /** The state key under which the wait points store their wake-up ({@code WaitActivity.WAKE_UP}). */
    static final String WAKE_UP = "wakeUp";

    private final ActivityRegistry registry;
    private final Populations populations;
    private final boolean simulated;

    public WorkflowRunner(ActivityRegistry registry, Populations populations) {
        this(registry, populations, false);
    }

    /**
     * @param simulated a simulation ("dry run"): activities see it in their context, and every waiting
     *                  activity is due at once ({@link #due}): the simulated clock jumps to its wake-up
     */
    public WorkflowRunner(ActivityRegistry registry, Populations populations, boolean simulated) {
        this.registry = registry;
        this.populations = populations;
        this.simulated = simulated;
    }

    // ---------------------------------------------------------------- lifecycle

    public RunState newRun(WorkflowDefinition def, String runId) {
        Map<String, ActivityState> activities = new LinkedHashMap<>();
        for (ActivityDefinition a : def.activities()) {
            activities.put(a.id(), ActivityState.PENDING);
        }
        return new RunState(runId, RunStatus.EDITED, activities, Map.of());
    }

    public RunState start(RunState state) {
        return move(state, RunStatus.STARTED);
    }

    public RunState pause(RunState state) {
        return move(state, RunStatus.PAUSED);
    }

    public RunState resume(RunState state) {
        if (state.status() != RunStatus.PAUSED) {
            throw new IllegalStateException("Only a paused run can be resumed, this one is " + state.status());
        }
        return move(state, RunStatus.STARTED);
    }

    public RunState stop(RunState state) {
        return move(state, RunStatus.STOPPED);
    }

    private static RunState move(RunState state, RunStatus target) {
        if (!state.status().canMoveTo(target)) {
            throw new IllegalStateException("A " + state.status() + " run cannot become " + target);
        }
        return state.withStatus(target);
    }

    /**
     * Restart a failed run from its failed activity: that activity and everything downstream go back to PENDING (their
     * stored state and outgoing transitions are cleared); the populations that reached the failed activity are kept,
     * so it is ready again. The run is STARTED.
     */
    public RunState restartFrom(WorkflowDefinition def, RunState state, String activityId) {
        def = expand(def);
        if (state.phase(activityId) != ActivityPhase.FAILED) {
            throw new IllegalStateException("Activity '" + activityId + "' has not failed");
        }
        if (!state.status().canMoveTo(RunStatus.STARTED)) {
            throw new IllegalStateException("A " + state.status() + " run cannot be restarted");
        }
        Set<String> reset = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(activityId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reset.add(id)) {
                def.outgoing(id).forEach(t -> todo.push(t.toActivity()));
            }
        }
        Map<String, ActivityState> activities = new LinkedHashMap<>(state.activities());
        Map<String, TransitionState> transitions = new LinkedHashMap<>(state.transitions());
        for (String id : reset) {
            activities.put(id, ActivityState.PENDING);
            for (TransitionDefinition t : def.outgoing(id)) {
                if (!t.toActivity().equals(activityId)) {
                    transitions.remove(t.id());
                }
            }
        }
        return state.with(activities, transitions).withStatus(RunStatus.STARTED);
    }

    // ---------------------------------------------------------------- scheduling

    /** Activities that may start now, in definition order; empty unless the run is STARTED. */
    public List<String> startable(WorkflowDefinition def, RunState state) {
        def = expand(def);
        return state.status() == RunStatus.STARTED ? ready(def, state) : List.of();
    }

    /**
     * WAITING activities whose wake-up time has come ({@code <= now}), or all of them in a simulation; empty unless
     * the run is STARTED.
     */
    public List<String> due(WorkflowDefinition def, RunState state, Instant now) {
        if (state.status() != RunStatus.STARTED) {
            return List.of();
        }
        List<String> due = new ArrayList<>();
        for (ActivityDefinition a : def.activities()) {
            ActivityState s = state.activity(a.id());
            if (s.phase() == ActivityPhase.WAITING && (simulated || !s.wakeUp().isAfter(now))) {
                due.add(a.id());
            }
        }
        return due;
    }

    /** The earliest wake-up among WAITING activities, if any (what the scheduler should be armed with). */
    public java.util.Optional<Instant> nextWakeUp(RunState state) {
        return state.activities().values().stream()
                .filter(s -> s.phase() == ActivityPhase.WAITING)
                .map(ActivityState::wakeUp)
                .min(Instant::compareTo);
    }

    /**
     * The state with activity {@code activityId} due at {@code now} if it is waiting (something it waits
     * for happened early, such as the end of a delivery); otherwise the state unchanged.
     */
    public RunState wakeNow(RunState state, String activityId, Instant now) {
        ActivityState current = state.activities().get(activityId);
        if (current == null
                || current.phase() != ActivityPhase.WAITING
                || !current.wakeUp().isAfter(now)) {
            return state;
        }
        java.util.Map<String, ActivityState> activities = new java.util.LinkedHashMap<>(state.activities());
        activities.put(activityId, new ActivityState(ActivityPhase.WAITING, now, current.failure(), current.stored()));
        return new RunState(state.runId(), state.status(), activities, state.transitions());
    }

    /**
     * Hands values to a WAITING activity (an external signal that came) and makes it due now: the values are added to
     * its stored state, which its next execution reads. The state unchanged when the activity is not waiting.
     */
    public RunState deliver(RunState state, String activityId, Map<String, String> values, Instant now) {
        ActivityState current = state.activities().get(activityId);
        if (current == null || current.phase() != ActivityPhase.WAITING) {
            return state;
        }
        Map<String, String> stored = new LinkedHashMap<>(current.stored());
        stored.putAll(values);
        Instant wakeUp = current.wakeUp().isAfter(now) ? now : current.wakeUp();
        Map<String, ActivityState> activities = new LinkedHashMap<>(state.activities());
        activities.put(activityId, ActivityState.waiting(wakeUp, stored));
        return state.with(activities, state.transitions());
    }

    /** Everything has run: nothing running, waiting or failed, and nothing left to start. */
    public boolean isFinished(WorkflowDefinition def, RunState state) {
        def = expand(def);
        for (ActivityState s : state.activities().values()) {
            if (s.phase() == ActivityPhase.RUNNING
                    || s.phase() == ActivityPhase.WAITING
                    || s.phase() == ActivityPhase.FAILED) {
                return false;
            }
        }
        return ready(def, state).isEmpty();
    }

    private List<String> ready(WorkflowDefinition def, RunState state) {
        List<String> ready = new ArrayList<>();
        for (ActivityDefinition a : def.activities()) {
            ActivityPhase phase = state.phase(a.id());
            List<TransitionDefinition> incoming = def.incoming(a.id());
            boolean anyAvailable = incoming.stream().anyMatch(t -> available(state, t));
            boolean isReady;
            if (phase == ActivityPhase.PENDING) {
                if (incoming.isEmpty()) {
                    isReady = true;
                } else if (type(a).waitsForAllInputs()) {
                    isReady = anyAvailable
                            && incoming.stream()
                                    .allMatch(t -> state.transitions().containsKey(t.id()));
                } else {
                    isReady = anyAvailable;
                }
            } else {
                // loop re-entry: a finished activity gets a new population
                isReady = (phase == ActivityPhase.DONE || phase == ActivityPhase.SKIPPED) && anyAvailable;
            }
            if (isReady) {
                ready.add(a.id());
            }
        }
        return ready;
    }

    private static boolean available(RunState state, TransitionDefinition t) {
        TransitionState ts = state.transitions().get(t.id());
        return ts != null && ts.available();
    }

    // ---------------------------------------------------------------- execution

    /** Mark an activity RUNNING (the container does it in the transaction that executes it). */
    public RunState begin(WorkflowDefinition def, RunState state, String activityId) {
        activity(def, activityId);
        Map<String, ActivityState> activities = new LinkedHashMap<>(state.activities());
        activities.put(activityId, state.activity(activityId).running());
        return state.with(activities, state.transitions());
    }

    /** The context for executing an activity: its available inputs, skipped inputs, input data and stored state. */
    public ActivityContext context(WorkflowDefinition def, RunState state, String activityId, Instant now, RunLog log) {
        def = expand(def);
        ActivityDefinition a = activity(def, activityId);
        String wakeUp = state.activity(activityId).stored().get(WAKE_UP);
        if (simulated && wakeUp != null && Instant.parse(wakeUp).isAfter(now)) {
            now = Instant.parse(wakeUp); // time travel: a simulated wait is over as soon as it starts
        }
        Map<String, PopulationHandle> inputs = new LinkedHashMap<>();
        Set<String> skipped = new HashSet<>();
        Map<String, String> data = new HashMap<>();
        for (TransitionDefinition t : def.incoming(activityId)) {
            TransitionState ts = state.transitions().get(t.id());
            if (ts == null) {
                continue;
            }
            if (ts.available()) {
                inputs.put(t.id(), ts.population());
                data.putAll(ts.data());
            } else if (ts.isSkipped()) {
                skipped.add(t.id());
            }
        }
        return new ActivityContext(
                a,
                state.runId(),
                now,
                inputs,
                skipped,
                data,
                populations,
                log,
                state.activity(activityId).stored(),
                simulated);
    }

    /**
     * Record the result of one execution. Done: incoming populations are consumed; each outgoing transition fires
     * with its output's population (counted through the port) and the incoming data merged with the action's data, or
     * is skipped when the output is absent; skips propagate downstream; the run becomes FINISHED when nothing is left.
     * WaitUntil: WAITING with the wake-up and the stored state. Failed: the activity and the run are FAILED
     * (downstream stays PENDING).
     */
    public RunState apply(WorkflowDefinition def, RunState state, String activityId, NextAction action) {
        def = expand(def);
        ActivityDefinition a = activity(def, activityId);
        Map<String, ActivityState> activities = new LinkedHashMap<>(state.activities());
        Map<String, TransitionState> transitions = new LinkedHashMap<>(state.transitions());
        Map<String, String> stored = state.activity(activityId).stored();
        RunState next;
        if (action instanceof NextAction.WaitUntil w) {
            activities.put(activityId, ActivityState.waiting(w.wakeUp(), w.state()));
            next = state.with(activities, transitions);
        } else if (action instanceof NextAction.Failed f) {
            activities.put(activityId, ActivityState.failed(f.text(), stored));
            next = state.with(activities, transitions);
            if (next.status().canMoveTo(RunStatus.FAILED)) {
                next = next.withStatus(RunStatus.FAILED);
            }
        } else {
            NextAction.Done d = (NextAction.Done) action;
            List<String> outputs = type(a).outputs(a);
            for (String output : d.outputs().keySet()) {
                if (!outputs.contains(output)) {
                    throw new IllegalArgumentException(
                            "Activity '" + activityId + "' emitted on unknown output '" + output + "'");
                }
            }
            Map<String, String> data = new HashMap<>();
            for (TransitionDefinition t : def.incoming(activityId)) {
                TransitionState ts = transitions.get(t.id());
                if (ts != null && ts.available()) {
                    data.putAll(ts.data());
                    transitions.put(t.id(), ts.consume());
                }
            }
            data.putAll(d.data());
            Map<PopulationHandle, Long> counts = new HashMap<>();
            for (TransitionDefinition t : def.outgoing(activityId)) {
                PopulationHandle population = d.outputs().get(t.fromOutput());
                if (population == null) {
                    transitions.put(t.id(), TransitionState.skip());
                } else {
                    long count = counts.computeIfAbsent(population, populations::count);
                    transitions.put(t.id(), TransitionState.fired(population, count, data));
                }
            }
            activities.put(activityId, new ActivityState(ActivityPhase.DONE, null, null, d.kept()));
            propagateSkips(def, activities, transitions);
            next = state.with(activities, transitions);
            if (isFinished(def, next) && next.status().canMoveTo(RunStatus.FINISHED)) {
                next = next.withStatus(RunStatus.FINISHED);
            }
        }
        return next;
    }

    private void propagateSkips(
            WorkflowDefinition def, Map<String, ActivityState> activities, Map<String, TransitionState> transitions) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ActivityDefinition a : def.activities()) {
                if (activities.getOrDefault(a.id(), ActivityState.PENDING).phase() != ActivityPhase.PENDING) {
                    continue;
                }
                List<TransitionDefinition> incoming = def.incoming(a.id());
                if (incoming.isEmpty()) {
                    continue;
                }
                boolean allSkipped = incoming.stream().allMatch(t -> {
                    TransitionState ts = transitions.get(t.id());
                    return ts != null && ts.isSkipped();
                });
                if (allSkipped) {
                    activities.put(a.id(), ActivityState.of(ActivityPhase.SKIPPED));
                    def.outgoing(a.id()).forEach(t -> transitions.put(t.id(), TransitionState.skip()));
                    changed = true;
                }
            }
        }
    }

    /** The definition with its jumps as transitions ({@link Jumps}). */
    private WorkflowDefinition expand(WorkflowDefinition def) {
        return Jumps.expand(def, registry);
    }

    private ActivityDefinition activity(WorkflowDefinition def, String activityId) {
        return def.activity(activityId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown activity '" + activityId + "'"));
    }

    private ActivityType type(ActivityDefinition a) {
        return registry.get(a.type());
    }
}
