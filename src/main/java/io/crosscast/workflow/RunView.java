package io.crosscast.workflow;

import java.util.List;
import java.util.Map;

/**
 * What pages, the API and tests see of a run: its status, every activity's phase (with a wake-up time
 * or an error message), every transition's count, and the latest log lines.
 */
public record RunView(long runId, long workflowId, String status, Map<String, ActivityView> activities,
        Map<String, TransitionView> transitions, List<LogLine> log) {

    /** A run is active while it can still move: started or paused. */
    public boolean active() {
        return "STARTED".equals(status) || "PAUSED".equals(status);
    }

    public record ActivityView(String phase, String wakeUp, String message) {
    }

    public record TransitionView(boolean fired, boolean skipped, long count) {
    }

    public record LogLine(String at, String activityId, String message) {
    }
}
