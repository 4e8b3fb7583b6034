package io.crosscast.web.campaign.workflow;

import io.crosscast.web.Messages;
import io.crosscast.workflow.RunView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables under the workflow editor's canvas ({@link WorkflowEditor}): the activities with their state in
 * the newest run, the transitions with their counts, and the run's log.
 */
@Named
@ViewScoped
public class RunGrid implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private EditorState state;

    @Inject
    private DiagramEditor canvas;

    /** The activities as a table (state, wake-up or error), in drawing order. */
    public List<DiagramView.Node> getNodes() {
        DiagramDraft draft = state.getDraft();
        return draft == null
                ? List.of()
                : draft.getBoxes().stream().map(canvas::node).toList();
    }

    /** The transitions as a table, with the run's counts. */
    public List<TransitionRow> getTransitions() {
        List<TransitionRow> rows = new ArrayList<>();
        DiagramDraft draft = state.getDraft();
        if (draft == null) {
            return rows;
        }
        RunView run = state.getRun();
        for (DiagramDraft.Arrow arrow : draft.getArrows()) {
            RunView.TransitionView t = run == null ? null : run.transitions().get(arrow.id());
            rows.add(new TransitionRow(
                    arrow.id(),
                    state.boxLabel(arrow.from()),
                    arrow.output(),
                    state.boxLabel(arrow.to()),
                    t != null && t.fired(),
                    t != null && t.skipped(),
                    t == null ? null : t.count()));
        }
        if (run != null) {
            // a jump is a transition with no arrow drawn (docs/WORKFLOW-FORMAT.md): listed with its count too
            for (DiagramDraft.Box box : draft.getBoxes()) {
                if (!"jumpFrom".equals(box.getType())) {
                    continue;
                }
                String prefix = box.getId() + ".jump>";
                run.transitions().forEach((id, t) -> {
                    if (id.startsWith(prefix)) {
                        rows.add(new TransitionRow(
                                id,
                                state.boxLabel(box.getId()),
                                "jump",
                                state.boxLabel(id.substring(prefix.length())),
                                t.fired(),
                                t.skipped(),
                                t.count()));
                    }
                });
            }
        }
        return rows;
    }

    /** One row of the transitions table. */
    public record TransitionRow(
            String id, String from, String output, String to, boolean fired, boolean skipped, Long count)
            implements Serializable {}

    public List<RunView.LogLine> getLog() {
        return state.getRun() == null ? List.of() : state.getRun().log();
    }

    /** A log line's message in the viewer's language (as stored, in English, for lines written before texts had keys). */
    public String logMessage(RunView.LogLine line) {
        return line.text() == null ? line.message() : Messages.text(line.text());
    }

    /** A log line's time, short, in the viewer's language. */
    public String logTime(String at) {
        return at == null ? "" : WorkflowUi.time(at, WorkflowUi.locale());
    }
}
