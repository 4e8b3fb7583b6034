package io.crosscast.engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a run. Legal moves:
 * <pre>
 * EDITED   -> STARTED
 * STARTED  -> PAUSED, FINISHED, FAILED, STOPPED
 * PAUSED   -> STARTED (resume), FINISHED, FAILED, STOPPED
 * FAILED   -> STARTED (restart from the failed activity), STOPPED
 * FINISHED -> EDITED (edit again / new run)
 * STOPPED  -> EDITED
 * </pre>
 * Only a STARTED run starts new activities; an activity already running when the run is paused or stopped may still
 * report its result.
 */
public enum RunStatus {
    EDITED,
    STARTED,
    PAUSED,
    FINISHED,
    FAILED,
    STOPPED;

    public Set<RunStatus> next() {
        return switch (this) {
            case EDITED -> EnumSet.of(STARTED);
            case STARTED -> EnumSet.of(PAUSED, FINISHED, FAILED, STOPPED);
            case PAUSED -> EnumSet.of(STARTED, FINISHED, FAILED, STOPPED);
            case FAILED -> EnumSet.of(STARTED, STOPPED);
            case FINISHED, STOPPED -> EnumSet.of(EDITED);
        };
    }

    public boolean canMoveTo(RunStatus target) {
        return next().contains(target);
    }
}
