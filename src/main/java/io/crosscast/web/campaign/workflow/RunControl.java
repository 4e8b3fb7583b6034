package io.crosscast.web.campaign.workflow;

import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.web.Messages;
import io.crosscast.web.campaign.CampaignPage;
import io.crosscast.web.campaign.CampaignUi;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowProblems;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run controls of the workflow editor ({@link WorkflowEditor}): start, pause, resume, stop and restart from
 * an activity of the campaign's newest run, and the poll that reads its states again while it is active.
 */
@Named
@ViewScoped
public class RunControl implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CampaignWorkflowService flows;

    /** The page around the editor: its header shows the campaign's status, which Start changes. */
    @Inject
    private CampaignPage campaignPage;

    @Inject
    private EditorState state;

    @Inject
    private DiagramEditor canvas;

    private List<String> startProblems = List.of();

    /** Reads the newest run again and draws the diagram with it. */
    public void refresh() {
        Long campaignId = state.getCampaignId();
        state.setRun(campaignId == null ? null : flows.latestRunView(campaignId).orElse(null));
        canvas.rebuild();
    }

    /** Called by the poll while a run is active. */
    public void poll() {
        refresh();
    }

    public boolean isRunActive() {
        return state.isRunActive();
    }

    public boolean isPaused() {
        return getRun() != null && "PAUSED".equals(getRun().status());
    }

    public boolean isStarted() {
        return getRun() != null && "STARTED".equals(getRun().status());
    }

    public RunView getRun() {
        return state.getRun();
    }

    public void start() {
        startProblems = List.of();
        try {
            flows.start(state.getCampaignId());
            campaignPage.refresh();
            Messages.info("workflow.started");
        } catch (WorkflowException e) {
            startProblems = e.texts().stream()
                    .map(p -> Messages.text(WorkflowProblems.relabel(p, state::boxLabel)))
                    .toList();
            Messages.error(null, Messages.text("workflow.startRefused"));
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        }
        refresh();
    }

    public void pause() {
        control(() -> flows.pause(state.getCampaignId()), "workflow.paused");
    }

    public void resume() {
        control(() -> flows.resume(state.getCampaignId()), "workflow.resumed");
    }

    public void stop() {
        control(() -> flows.stop(state.getCampaignId()), "workflow.stopped");
    }

    /** Runs that activity again, and what follows it. */
    public void restartFrom(String id) {
        control(() -> flows.restartFrom(state.getCampaignId(), id), "workflow.restarted");
    }

    private void control(Runnable action, String doneKey) {
        try {
            action.run();
            Messages.info(doneKey);
        } catch (WorkflowException e) {
            Messages.error(null, e.texts().stream().map(Messages::text).collect(Collectors.joining(" ")));
        }
        refresh();
    }

    public List<String> getStartProblems() {
        return startProblems;
    }
}
