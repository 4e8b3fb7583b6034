package io.crosscast.web.campaign.workflow;

import io.crosscast.web.Messages;
import io.crosscast.workflow.RecipientPath;
import io.crosscast.workflow.Workflow;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a recipient's path through a run (issue #15), in the viewer's language: shared by the run's search
 * by email and the recipient's page (WEB-INF/includes/recipient-path.xhtml).
 */
@Named
@RequestScoped
public class PathTexts {

    @EJB
    private WorkflowService workflows;

    /** "Run 12 · Spring offer · started 3 Dec 2026, 10:02". */
    public String title(RecipientPath path) {
        String name = workflows.find(path.workflowId()).map(Workflow::getName).orElse("");
        return Messages.text(
                "flow.pathTitle",
                String.valueOf(path.runId()),
                name,
                path.startedAt() == null ? "" : WorkflowUi.time(path.startedAt().toString(), WorkflowUi.locale()));
    }

    public String typeLabel(String type) {
        return Messages.textOr("activity.type." + type, type);
    }

    /** What happened to the recipient at one activity: passed on or not, subset, delivery, opens and clicks. */
    public String summary(RecipientPath.Step step) {
        List<String> parts = new ArrayList<>();
        if (!step.subsets().isEmpty()) {
            parts.add(Messages.text("flow.step.subset", String.join(", ", step.subsets())));
        } else if ("split".equals(step.type()) && Boolean.FALSE.equals(step.passedOn())) {
            parts.add(Messages.text("flow.step.inNoSubset"));
        } else if (Boolean.FALSE.equals(step.passedOn())) {
            parts.add(Messages.text("flow.step.notPassedOn"));
        } else if (Boolean.TRUE.equals(step.passedOn())) {
            parts.add(Messages.text("flow.step.passedOn"));
        }
        if (step.deliveryStatus() != null) {
            if (step.exclusion() != null) {
                String prefix = "smsDelivery".equals(step.type()) ? "exclusion.SMS." : "exclusion.";
                parts.add(Messages.text(
                        "flow.step.excluded", Messages.textOr(prefix + step.exclusion(), step.exclusion())));
            } else {
                parts.add(Messages.textOr("messageStatus." + step.deliveryStatus(), step.deliveryStatus()));
            }
            if (step.opensByPeople() + step.opensByMachines() + step.clicksByPeople() + step.clicksByMachines() > 0) {
                parts.add(Messages.text(
                        "flow.step.tracking",
                        step.opensByPeople(),
                        step.opensByMachines(),
                        step.clicksByPeople(),
                        step.clicksByMachines()));
            }
        }
        if (parts.isEmpty()) {
            parts.add(Messages.text("flow.step.reached"));
        }
        return String.join(" · ", parts);
    }
}
