package io.crosscast.web.campaign.workflow;

import io.crosscast.web.Messages;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
     * Applies the choices to the activity {@code id} of the diagram, whose outputs are now {@code outputs}.
     * {@code before} names the output each one had when the dialog opened (a Split's subset moved up takes the
     * choice of its old output; null: a new output, which leads nowhere yet). An output the new settings no
     * longer have is ignored; a choice that cannot be drawn (a loop onto itself) is left out.
     */
    void connect(DiagramDraft draft, String id, List<String> outputs, UnaryOperator<String> before) {
        for (String output : outputs) {
            String was = before.apply(output);
            Optional<OutputTarget> target =
                    targets.stream().filter(t -> t.getOutput().equals(was)).findFirst();
            if (target.isEmpty() && output.equals(was)) {
                continue; // an output the dialog did not show (a Split's complement just turned on)
            }
            Optional<DiagramDraft.Arrow> now = draft.arrowFrom(id, output);
            String wanted =
                    target.map(OutputTarget::getTo).filter(to -> !to.isBlank()).orElse(null);
            if (now.isPresent() && now.get().to().equals(wanted)) {
                continue;
            }
            now.ifPresent(a -> draft.disconnect(a.from(), a.output(), a.to()));
            if (wanted != null) {
                draft.connect(id, output, wanted);
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
        if (output.matches("variant\\d+")) {
            return Messages.text("workflow.output.variant", output.substring("variant".length()));
        }
        return Messages.textOr("workflow.output." + output, output);
    }
}
