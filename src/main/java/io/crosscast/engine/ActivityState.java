package io.crosscast.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * State of one activity in a run.
 *
 * @param phase   where it stands
 * @param wakeUp  when WAITING: when to execute it again; null otherwise
 * @param failure when FAILED: why, in any language ({@link #message()}: in English); null otherwise
 * @param stored  the activity's own key/value state ({@link NextAction.WaitUntil#state()}), handed back on its next
 *                execution; cleared when the activity is DONE (so a Wait on a loop starts afresh on each pass) or reset
 */
public record ActivityState(ActivityPhase phase, Instant wakeUp, Text failure, Map<String, String> stored) {

    public static final ActivityState PENDING = new ActivityState(ActivityPhase.PENDING, null, null, Map.of());

    public ActivityState {
        Objects.requireNonNull(phase, "phase");
        stored = stored == null ? Map.of() : Map.copyOf(stored);
    }

    static ActivityState of(ActivityPhase phase) {
        return new ActivityState(phase, null, null, Map.of());
    }

    static ActivityState waiting(Instant wakeUp, Map<String, String> stored) {
        return new ActivityState(ActivityPhase.WAITING, wakeUp, null, stored);
    }

    static ActivityState failed(Text failure, Map<String, String> stored) {
        return new ActivityState(ActivityPhase.FAILED, null, failure, stored);
    }

    /** When FAILED: why, in English; null otherwise. */
    public String message() {
        return failure == null ? null : failure.english();
    }

    ActivityState running() {
        return new ActivityState(ActivityPhase.RUNNING, null, null, stored);
    }
}
