package io.crosscast.workflow;

import io.crosscast.engine.Text;
import java.util.List;
import java.util.Map;

/**
 * What pages, the API and tests see of a run: its status, every activity's phase (with a wake-up time
 * or an error message), every transition's count, and the latest log lines. Messages are in English (the API);
 * pages show their {@link Text} in the reader's language.
 */
public record RunView(
        long runId,
        long workflowId,
        String status,
        Map<String, ActivityView> activities,
        Map<String, TransitionView> transitions,
        List<LogLine> log)
        implements java.io.Serializable {

    /** A run is active while it can still move: started or paused. */
    public boolean active() {
        return "STARTED".equals(status) || "PAUSED".equals(status);
    }

    /**
     * An activity's phase, wake-up time and error.
     *
     * @param message the error in English, null when none
     * @param text    the error in any language, null when none
     */
    public record ActivityView(String phase, String wakeUp, String message, Text text) implements java.io.Serializable {

        /** An error known only in English. */
        public ActivityView(String phase, String wakeUp, String message) {
            this(phase, wakeUp, message, message == null ? null : Text.verbatim(message));
        }
    }

    public record TransitionView(boolean fired, boolean skipped, long count) implements java.io.Serializable {}

    /**
     * A line of the log.
     *
     * @param message the line in English
     * @param text    the line in any language ({@link Text#verbatim} for lines stored before texts had keys)
     */
    public record LogLine(String at, String activityId, String message, Text text) implements java.io.Serializable {

        /** A line known only in English. */
        public LogLine(String at, String activityId, String message) {
            this(at, activityId, message, Text.verbatim(message));
        }
    }
}
