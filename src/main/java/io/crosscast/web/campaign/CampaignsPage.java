package io.crosscast.web.campaign;

import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignService;
import io.crosscast.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backing bean of campaigns/index.xhtml: campaigns, newest first, searched by label and filtered by status,
 * paged by the server; a new campaign from a dialog, owned by the signed-in user unless another is typed.
 */
@Named
@ViewScoped
public class CampaignsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CampaignService campaigns;

    private final LazyDataModel<Campaign> rows = new RowsModel();
    private String search;
    private String status;

    private CampaignFields fields = new CampaignFields();

    @PostConstruct
    void init() {
        fields.setOwner(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
    }

    /** Creates the campaign and opens it; on a problem, the dialog stays open with the problems shown. */
    public String create() {
        try {
            Campaign campaign = campaigns.create(fields.content());
            Messages.info("campaigns.created", campaign.getLabel());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/campaigns/campaign.xhtml?faces-redirect=true&id=" + campaign.getId();
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
            return null;
        }
    }

    public LazyDataModel<Campaign> getRows() {
        return rows;
    }

    /** Campaigns page by page, with the search and status of the page. */
    private class RowsModel extends LazyDataModel<Campaign> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, campaigns.count(search, CampaignUi.parseStatus(status)));
        }

        @Override
        public List<Campaign> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return campaigns.page(search, CampaignUi.parseStatus(status), first, pageSize);
        }

        @Override
        public String getRowKey(Campaign campaign) {
            return String.valueOf(campaign.getId());
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public CampaignFields getFields() {
        return fields;
    }
}
