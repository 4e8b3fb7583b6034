package io.crosscast.web.campaign.workflow;

import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.web.campaign.CampaignUi;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * The "Targeting and workflows" tab of campaigns/campaign.xhtml (WEB-INF/includes/workflow-editor.xhtml): reads
 * the campaign from the page's parameter and loads its diagram and newest run. The tab has one bean per part,
 * all sharing the {@link EditorState} of the view: {@link DiagramEditor} the palette, the canvas and undo (each
 * change saved at once, unfinished or not); {@link RunControl} start, pause, resume, stop and the poll that
 * refreshes states, counts and log while a run is active; {@link RunGrid} the tables of activities, transitions
 * and log; {@link ActivityProperties} the properties dialog of an activity (saved only when valid), with
 * {@link NewDeliveryForm} for its deliveries; {@link TransitionPopulation} the dialog of a transition's
 * population. Editing is closed while a run is active, so what the run shows matches what is drawn.
 */
@Named
@ViewScoped
public class WorkflowEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CampaignWorkflowService flows;

    @EJB
    private CampaignService campaigns;

    @Inject
    private EditorState state;

    @Inject
    private RunControl runControl;

    private String idParam;

    public void load() {
        Long campaignId = CampaignUi.parseId(idParam);
        state.setCampaignId(campaignId);
        Optional<Campaign> campaign = campaignId == null ? Optional.empty() : campaigns.find(campaignId);
        if (campaign.isEmpty()) {
            return;
        }
        state.setClosed(campaign.get().getStatus().isClosed());
        state.setDraft(DiagramDraft.parse(flows.diagram(campaignId)));
        runControl.refresh();
    }

    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }
}
