package io.crosscast.campaign;

import io.crosscast.engine.Text;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.SimulatedDelivery;
import io.crosscast.workflow.SimulationSettings;
import io.crosscast.workflow.Workflow;
import io.crosscast.workflow.WorkflowDocument;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The "Targeting and workflows" tab of a campaign: the diagram the marketer draws (kept as it is, even
 * unfinished), and its runs. Start checks the diagram, copies it into the campaign's workflow (which only
 * ever holds a valid document) and starts a run of it; the run controls act on the newest run.
 */
@Stateless
public class CampaignWorkflowService {

    /** The diagram of a campaign that was never drawn: nothing on the canvas. */
    static final String EMPTY_DIAGRAM = "{\"name\":\"\",\"activities\":[],\"transitions\":[]}";

    @EJB
    private CampaignService campaigns;

    @EJB
    private WorkflowService workflows;

    private final Clock clock = Clock.systemUTC();

    /** The campaign's diagram as last saved (a workflow document, maybe unfinished). */
    public String diagram(long campaignId) {
        String json = campaigns.get(campaignId).getDiagramJson();
        return json == null ? EMPTY_DIAGRAM : json;
    }

    /**
     * Saves the diagram as drawn. Only its shape is checked here (a workflow document that reads, unfinished or
     * not); whether it can run is checked by {@link #start}. A finished or cancelled campaign keeps
     * its diagram.
     */
    public void saveDiagram(long campaignId, String json) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.getStatus().isClosed()) {
            throw CampaignException.conflict(CampaignProblem.CLOSED);
        }
        WorkflowDocument.read(json); // refuses what the editor could not read back
        campaign.drawDiagram(json, Instant.now(clock));
    }

    /** What would stop the diagram from starting, in the marketer's words (empty: it can start). */
    public List<String> problems(long campaignId) {
        return workflows.problems(diagram(campaignId));
    }

    /**
     * Starts a run of the diagram as saved: refused with every problem when it cannot run, or when the
     * newest run is still going. A draft campaign becomes running.
     *
     * @return the new run's id
     */
    public long start(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.getStatus().isClosed()) {
            throw CampaignException.conflict(CampaignProblem.CLOSED);
        }
        latestRun(campaignId).map(workflows::view).filter(RunView::active).ifPresent(run -> {
            throw WorkflowException.conflict(Text.of("workflow.alreadyRunning"));
        });
        String json = diagram(campaignId);
        List<Text> problems = workflows.problemTexts(json);
        if (!problems.isEmpty()) {
            throw WorkflowException.invalidTexts(problems);
        }
        Workflow workflow = saveWorkflow(campaign, json);
        if (campaign.getStatus() == CampaignStatus.DRAFT) {
            campaign.moveTo(CampaignStatus.RUNNING, Instant.now(clock));
        }
        return workflows.start(workflow.getId());
    }

    private Workflow saveWorkflow(Campaign campaign, String json) {
        String name = campaign.getLabel();
        Workflow workflow = campaign.getWorkflowId() == null
                        || workflows.find(campaign.getWorkflowId()).isEmpty()
                ? workflows.create(name, json)
                : workflows.update(campaign.getWorkflowId(), name, json);
        campaign.useWorkflow(workflow.getId(), Instant.now(clock));
        return workflow;
    }

    /**
     * Simulates the diagram as saved (a dry run, see {@link WorkflowService#simulate}): refused with every
     * problem when it cannot run, or while a real run is going. The campaign's status does not change.
     *
     * @return the simulation's run id
     */
    public long simulate(long campaignId, SimulationSettings settings) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.getStatus().isClosed()) {
            throw CampaignException.conflict(CampaignProblem.CLOSED);
        }
        latestRun(campaignId).map(workflows::view).filter(RunView::active).ifPresent(run -> {
            throw WorkflowException.conflict(Text.of("workflow.alreadyRunning"));
        });
        String json = diagram(campaignId);
        List<Text> problems = workflows.problemTexts(json);
        if (!problems.isEmpty()) {
            throw WorkflowException.invalidTexts(problems);
        }
        return workflows.simulate(saveWorkflow(campaign, json).getId(), settings);
    }

    /** The campaign's simulation as pages show it, if one is kept. */
    public Optional<RunView> simulationView(long campaignId) {
        Long workflowId = campaigns.get(campaignId).getWorkflowId();
        return workflowId == null
                ? Optional.empty()
                : workflows.latestSimulation(workflowId).map(workflows::view);
    }

    /** Discards the campaign's simulation (the marketer left it). */
    public void discardSimulation(long campaignId) {
        Long workflowId = campaigns.get(campaignId).getWorkflowId();
        if (workflowId != null) {
            workflows.discardSimulations(workflowId);
        }
    }

    /** The deliveries the diagram sends, with their links, for a simulation's rates. */
    public List<SimulatedDelivery> simulatedDeliveries(long campaignId) {
        return workflows.simulatedDeliveries(diagram(campaignId));
    }

    /** The newest run of the campaign's workflow, if it ever started. */
    public Optional<Long> latestRun(long campaignId) {
        Long workflowId = campaigns.get(campaignId).getWorkflowId();
        return workflowId == null ? Optional.empty() : workflows.latestRun(workflowId);
    }

    /** The newest run as pages show it (states, counts, log), if any. */
    public Optional<RunView> latestRunView(long campaignId) {
        return latestRun(campaignId).map(workflows::view);
    }

    public void pause(long campaignId) {
        workflows.pause(requireRun(campaignId));
    }

    public void resume(long campaignId) {
        workflows.resume(requireRun(campaignId));
    }

    public void stop(long campaignId) {
        workflows.stop(requireRun(campaignId));
    }

    /** Runs the activity (typically a failed one) again, and everything after it, in the newest run. */
    public void restartFrom(long campaignId, String activityId) {
        workflows.restartFrom(requireRun(campaignId), activityId);
    }

    private long requireRun(long campaignId) {
        return latestRun(campaignId).orElseThrow(() -> WorkflowException.notFound(Text.of("workflow.notStarted")));
    }
}
