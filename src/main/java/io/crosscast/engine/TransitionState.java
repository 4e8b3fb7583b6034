package io.crosscast.engine;

import java.util.Map;

/**
 * State of a transition that has been resolved: either fired (with its population, count and attached data) or
 * skipped (its source finished without emitting on that output, or was itself skipped). An unresolved transition has
 * no state. {@code consumed}: the target activity has finished with this population (a transition fired again on a
 * loop is unconsumed again).
 */
public record TransitionState(
        boolean fired, PopulationHandle population, long count, Map<String, String> data, boolean consumed) {

    public TransitionState {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static TransitionState fired(PopulationHandle population, long count, Map<String, String> data) {
        return new TransitionState(true, population, count, data, false);
    }

    public static TransitionState skip() {
        return new TransitionState(false, null, 0, Map.of(), false);
    }

    public boolean isSkipped() {
        return !fired;
    }

    /** Fired and not yet consumed by its target. */
    public boolean available() {
        return fired && !consumed;
    }

    TransitionState consume() {
        return new TransitionState(fired, population, count, data, true);
    }
}
