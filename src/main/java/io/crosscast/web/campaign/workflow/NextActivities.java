package io.crosscast.web.campaign.workflow;

import io.crosscast.web.Messages;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "next activity" of each output in an activity's properties dialog: the keyboard's way of drawing
 * arrows. Read from the diagram when the dialog opens, drawn into it when the dialog is saved.
 */
final class NextActivities implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<OutputTarget> targets = new ArrayList<>();

    /** None: no dialog is open. */
    NextActivities() {}

    /** The outputs of a box and the activity each one leads to now. */
    NextActivities(DiagramDraft draft, DiagramDraft.Box box, List<String> outputs) {
        for (String output : outputs) {
            targets.add(new OutputTarget(
                    output,
                    outputName(box, output),
                    draft.arrowFrom(box.getId(), output)
                            .map(DiagramDraft.Arrow::to)
                            .orElse(null)));
        }
    }

    List<OutputTarget> targets() {
        return targets;
    }

    /**
     * Applies the choices to the activity {@code id} of the diagram, whose outputs are now {@code outputs}. An
     * output the new settings no longer have is ignored; a choice that cannot be drawn (a loop onto itself) is
     * left out.
     */
    void connect(DiagramDraft draft, String id, List<String> outputs) {
        for (OutputTarget target : targets) {
            if (!outputs.contains(target.getOutput())) {
                continue;
            }
            Optional<DiagramDraft.Arrow> now = draft.arrowFrom(id, target.getOutput());
            String wanted = target.getTo() == null || target.getTo().isBlank() ? null : target.getTo();
            if (now.isPresent() && now.get().to().equals(wanted)) {
                continue;
            }
            now.ifPresent(a -> draft.disconnect(a.from(), a.output(), a.to()));
            if (wanted != null) {
                draft.connect(id, target.getOutput(), wanted);
            }
        }
    }

    /** An output as the dialog names it: "Then", "Subset 2: Gold", "If true", "Branch 3"... */
    private static String outputName(DiagramDraft.Box box, String output) {
        if (output.startsWith("subset")) {
            String number = output.substring("subset".length());
            String label = box.getConfig().get("subset." + number + ".label");
            return Messages.text("workflow.output.subset", number)
                    + (label == null || label.isBlank() ? "" : ": " + label.strip());
        }
        if (output.matches("out\\d+")) {
            return Messages.text("workflow.output.branch", output.substring(3));
        }
        return Messages.textOr("workflow.output." + output, output);
    }
}
