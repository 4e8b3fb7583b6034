package io.crosscast.workflow.internal;

import io.crosscast.engine.RunState;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowRun;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link RunView} of a run from its stored state and its latest log lines. */
public final class RunViews {

    private RunViews() {
    }

    public static RunView of(WorkflowRun run, RunState state, EntityManager em) {
        Map<String, RunView.ActivityView> activities = new LinkedHashMap<>();
        state.activities().forEach((id, a) -> activities.put(id, new RunView.ActivityView(a.phase().name(),
                a.wakeUp() == null ? null : a.wakeUp().toString(), a.message())));
        Map<String, RunView.TransitionView> transitions = new LinkedHashMap<>();
        state.transitions().forEach((id, t) -> transitions.put(id,
                new RunView.TransitionView(t.fired(), t.isSkipped(), t.count())));
        List<RunView.LogLine> log = new ArrayList<>();
        for (Object[] row : DbRunLog.latest(em, run.getId(), 100)) {
            log.add(new RunView.LogLine(String.valueOf(row[0]), (String) row[1], (String) row[2]));
        }
        return new RunView(run.getId(), run.getWorkflowId(), state.status().name(), activities, transitions, log);
    }
}
