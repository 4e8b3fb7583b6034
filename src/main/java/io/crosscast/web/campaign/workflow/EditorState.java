package io.crosscast.web.campaign.workflow;

import io.crosscast.web.Messages;
import io.crosscast.workflow.RunView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * What the parts of the workflow editor ({@link WorkflowEditor}) share in one view: the campaign, its diagram
 * as drawn, its newest run, and the activity whose properties dialog is open; whether the diagram can be
 * changed now; and how activities are named to the viewer.
 */
@Named
@ViewScoped
public class EditorState implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long campaignId;
    private boolean closed;
    private DiagramDraft draft;
    private RunView run;
    private ActivityForm form;
    private boolean simulation;

    /**
     * Whether the diagram can be changed now: an open campaign whose newest run is not active, not showing a
     * simulation.
     */
    public boolean isEditable() {
        return draft != null && !closed && !isRunActive() && !simulation;
    }

    /** Whether the diagram shows a simulation ("dry run"): {@link #getRun()} is then the simulated run. */
    public boolean isSimulation() {
        return simulation;
    }

    public void setSimulation(boolean simulation) {
        this.simulation = simulation;
    }

    public boolean isRunActive() {
        return run != null && run.active();
    }

    public String typeLabel(String type) {
        return Messages.textOr("activity.type." + type, type);
    }

    /** An activity's label, or its type and id when it has none; the id itself when there is no such activity. */
    public String boxLabel(String id) {
        return draft.box(id)
                .map(b -> b.getLabel() == null || b.getLabel().isBlank()
                        ? typeLabel(b.getType()) + " " + id
                        : b.getLabel())
                .orElse(id);
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    /** Whether the campaign is finished or cancelled: its diagram is then shown, not edited. */
    public void setClosed(boolean closed) {
        this.closed = closed;
    }

    /** The diagram as drawn; null when the campaign was not found. */
    public DiagramDraft getDraft() {
        return draft;
    }

    public void setDraft(DiagramDraft draft) {
        this.draft = draft;
    }

    /** The campaign's newest run; null when it has none. */
    public RunView getRun() {
        return run;
    }

    public void setRun(RunView run) {
        this.run = run;
    }

    /** The activity of the open properties dialog; null when none is open. */
    public ActivityForm getForm() {
        return form;
    }

    public void setForm(ActivityForm form) {
        this.form = form;
    }
}
