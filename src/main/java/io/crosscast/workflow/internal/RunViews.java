package io.crosscast.workflow.internal;

import io.crosscast.engine.RunState;
import io.crosscast.engine.Text;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowRun;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link RunView} of a run from its stored state and its latest log lines. */
public final class RunViews {

    private RunViews() {}

    public static RunView of(WorkflowRun run, RunState state, EntityManager em) {
        List<RunView.LogLine> log = new ArrayList<>();
        for (Object[] row : DbRunLog.latest(em, run.getId(), 100)) {
            log.add(logLine(row));
        }
        return of(run.getId(), run.getWorkflowId(), state, log);
    }

    static RunView of(long runId, long workflowId, RunState state, List<RunView.LogLine> log) {
        Map<String, RunView.ActivityView> activities = new LinkedHashMap<>();
        state.activities()
                .forEach((id, a) -> activities.put(
                        id,
                        new RunView.ActivityView(
                                a.phase().name(),
                                a.wakeUp() == null ? null : a.wakeUp().toString(),
                                a.message(),
                                a.failure())));
        Map<String, RunView.TransitionView> transitions = new LinkedHashMap<>();
        state.transitions()
                .forEach((id, t) ->
                        transitions.put(id, new RunView.TransitionView(t.fired(), t.isSkipped(), t.count())));
        return new RunView(runId, workflowId, state.status().name(), activities, transitions, log);
    }

    /**
     * A row of {@link DbRunLog#LATEST} (logged_at, activity_id, message, text_json): its text, or for a line
     * written before texts were stored (no text_json), its English message as it is.
     */
    static RunView.LogLine logLine(Object[] row) {
        String message = (String) row[2];
        Text text = TextJson.read(row.length > 3 ? (String) row[3] : null).orElseGet(() -> Text.verbatim(message));
        return new RunView.LogLine(String.valueOf(row[0]), (String) row[1], message, text);
    }
}
