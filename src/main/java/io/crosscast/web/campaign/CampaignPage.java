package io.crosscast.web.campaign;

import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignContent;
import io.crosscast.campaign.CampaignDelivery;
import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignFigures;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignStatus;
import io.crosscast.web.Messages;
import io.crosscast.web.delivery.ChartJson;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Backing bean of campaigns/campaign.xhtml ({@code ?id=}): the summary (properties, editable for a draft;
 * status; key figures over its deliveries), its deliveries with their rates, and a chart of sent, opened and
 * clicked per delivery. An unknown id shows the not-found page.
 */
@Named
@ViewScoped
public class CampaignPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest delivery label on the chart's axis. */
    static final int MAX_CHART_LABEL = 40;

    @EJB
    private CampaignService campaigns;

    private String idParam;
    private Long id;
    private Campaign campaign;
    private List<CampaignDelivery> deliveries = List.of();
    private CampaignFigures figures;
    private String chart;

    private String label;
    private String description;
    private LocalDate startDate;
    private LocalDate endDate;
    private String owner;

    public void load() throws IOException {
        id = CampaignUi.parseId(idParam);
        campaign = id == null ? null : campaigns.find(id).orElse(null);
        if (campaign == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such campaign");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        CampaignContent content = campaign.content();
        label = content.label();
        description = content.description();
        startDate = content.startDate();
        endDate = content.endDate();
        owner = content.owner();
        refresh();
    }

    /** Reads the deliveries, their figures and the chart again. */
    private void refresh() {
        campaign = campaigns.get(id);
        deliveries = campaigns.deliveries(id);
        figures = CampaignFigures.sum(deliveries.stream().map(CampaignDelivery::stats).toList());
        List<CampaignDelivery> oldestFirst = new ArrayList<>(deliveries);
        Collections.reverse(oldestFirst);
        chart = ChartJson.bar(oldestFirst.stream().map(d -> shorten(d.label())).toList(),
                List.of(new ChartJson.Series(Messages.text("report.sent"),
                                oldestFirst.stream().map(d -> d.stats().sent()).toList(), "#3b82f6"),
                        new ChartJson.Series(Messages.text("report.chart.opened"),
                                oldestFirst.stream().map(d -> d.stats().opened()).toList(), "#22c55e"),
                        new ChartJson.Series(Messages.text("report.chart.clicked"),
                                oldestFirst.stream().map(d -> d.stats().clicked()).toList(), "#a855f7")),
                false);
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_CHART_LABEL ? text : text.substring(0, MAX_CHART_LABEL - 1) + "…";
    }

    /** Saves a draft's properties. */
    public void save() {
        try {
            campaigns.update(id, new CampaignContent(label, description, startDate, endDate, owner));
            Messages.info("campaign.saved");
            refresh();
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        }
    }

    public void start() {
        move(CampaignStatus.RUNNING);
    }

    public void finish() {
        move(CampaignStatus.FINISHED);
    }

    public void cancel() {
        move(CampaignStatus.CANCELLED);
    }

    private void move(CampaignStatus target) {
        try {
            campaigns.changeStatus(id, target);
            Messages.info("campaign.statusChanged", Messages.text("campaignStatus." + target.name()));
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        }
        refresh();
    }

    /** Deletes a draft and goes back to the list. */
    public String delete() {
        try {
            campaigns.delete(id);
            Messages.info("campaigns.deleted", campaign.getLabel());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/campaigns/index.xhtml?faces-redirect=true";
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
            return null;
        }
    }

    public boolean isDraft() {
        return campaign != null && campaign.getStatus() == CampaignStatus.DRAFT;
    }

    public boolean isCanStart() {
        return campaign != null && campaign.getStatus().canMoveTo(CampaignStatus.RUNNING);
    }

    public boolean isCanFinish() {
        return campaign != null && campaign.getStatus().canMoveTo(CampaignStatus.FINISHED);
    }

    public boolean isCanCancel() {
        return campaign != null && campaign.getStatus().canMoveTo(CampaignStatus.CANCELLED);
    }

    /** Whether new deliveries can be made in the campaign. */
    public boolean isOpen() {
        return campaign != null && !campaign.getStatus().isClosed();
    }

    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public Long getId() {
        return id;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public List<CampaignDelivery> getDeliveries() {
        return deliveries;
    }

    public CampaignFigures getFigures() {
        return figures;
    }

    public String getChart() {
        return chart;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }
}
