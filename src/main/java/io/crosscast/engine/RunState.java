package io.crosscast.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable snapshot of a run: lifecycle status, per-activity state, per-transition state. The container persists it
 * (one JSON document in its run's row) and rebuilds it; {@link WorkflowRunner} computes the next snapshot.
 */
public final class RunState {

    private final String runId;
    private final RunStatus status;
    private final Map<String, ActivityState> activities;
    private final Map<String, TransitionState> transitions;

    public RunState(
            String runId,
            RunStatus status,
            Map<String, ActivityState> activities,
            Map<String, TransitionState> transitions) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.status = Objects.requireNonNull(status, "status");
        this.activities = Collections.unmodifiableMap(new LinkedHashMap<>(activities));
        this.transitions = Collections.unmodifiableMap(new LinkedHashMap<>(transitions));
    }

    public String runId() {
        return runId;
    }

    public RunStatus status() {
        return status;
    }

    public Map<String, ActivityState> activities() {
        return activities;
    }

    public Map<String, TransitionState> transitions() {
        return transitions;
    }

    /** The state of an activity (PENDING when unknown). */
    public ActivityState activity(String id) {
        return activities.getOrDefault(id, ActivityState.PENDING);
    }

    public ActivityPhase phase(String id) {
        return activity(id).phase();
    }

    public Optional<TransitionState> transition(String id) {
        return Optional.ofNullable(transitions.get(id));
    }

    RunState withStatus(RunStatus next) {
        return new RunState(runId, next, activities, transitions);
    }

    RunState with(Map<String, ActivityState> nextActivities, Map<String, TransitionState> nextTransitions) {
        return new RunState(runId, status, nextActivities, nextTransitions);
    }

    @Override
    public String toString() {
        return "RunState[" + runId + " " + status + " " + activities + " " + transitions + "]";
    }
}
