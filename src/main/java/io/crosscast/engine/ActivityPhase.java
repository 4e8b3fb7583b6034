package io.crosscast.engine;

/** Where one activity of a run stands. */
public enum ActivityPhase {
    /** Not run yet (or reset by a restart). */
    PENDING,
    /** Handed to an executor, result not applied yet. */
    RUNNING,
    /** Returned {@link NextAction.WaitUntil}; to execute again at {@link ActivityState#wakeUp()}. */
    WAITING,
    DONE,
    FAILED,
    /** Will never run in this pass: every incoming transition was skipped (branch not taken). */
    SKIPPED
}
