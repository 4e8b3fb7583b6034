package io.crosscast.web.api;

import io.crosscast.workflow.RunView;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as the API shows it:
 *
 * <pre>
 * {"runId": 12, "workflowId": 3, "status": "STARTED",
 *  "activities": {"wait": {"phase": "WAITING", "wakeUp": "2026-...Z", "message": null}, ...},
 *  "transitions": {"query.out>wait": {"fired": true, "skipped": false, "count": 23}, ...},
 *  "log": [{"at": "2026-...Z", "activityId": null, "message": "Run started"}, ...]}
 * </pre>
 *
 * Activities and transitions keep the run's order; every key is always present, an empty value is
 * {@code null}.
 */
@JsonbPropertyOrder({"runId", "workflowId", "status", "activities", "transitions", "log"})
public record RunDto(
        long runId,
        long workflowId,
        String status,
        Map<String, ActivityDto> activities,
        Map<String, TransitionDto> transitions,
        List<LogLineDto> log) {

    /** An activity's phase, with its wake-up time (a Wait) or error message (a failure). */
    @JsonbNillable
    @JsonbPropertyOrder({"phase", "wakeUp", "message"})
    public record ActivityDto(String phase, String wakeUp, String message) {}

    /** Whether a transition fired or was skipped, and how many recipients it carried. */
    @JsonbPropertyOrder({"fired", "skipped", "count"})
    public record TransitionDto(boolean fired, boolean skipped, long count) {}

    /** A line of the run's log; {@code activityId} is null for the run's own lines. */
    @JsonbNillable
    @JsonbPropertyOrder({"at", "activityId", "message"})
    public record LogLineDto(String at, String activityId, String message) {}

    /** The run's API form. */
    public static RunDto of(RunView view) {
        Map<String, ActivityDto> activities = new LinkedHashMap<>();
        if (view.activities() != null) {
            view.activities()
                    .forEach((id, a) -> activities.put(id, new ActivityDto(a.phase(), a.wakeUp(), a.message())));
        }
        Map<String, TransitionDto> transitions = new LinkedHashMap<>();
        if (view.transitions() != null) {
            view.transitions()
                    .forEach((id, t) -> transitions.put(id, new TransitionDto(t.fired(), t.skipped(), t.count())));
        }
        List<LogLineDto> log = view.log() == null
                ? List.of()
                : view.log().stream()
                        .map(l -> new LogLineDto(l.at(), l.activityId(), l.message()))
                        .toList();
        return new RunDto(view.runId(), view.workflowId(), view.status(), activities, transitions, log);
    }
}
