package io.crosscast.web.campaign;

import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignFigures;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignStatus;
import io.crosscast.delivery.CampaignTimelinePoint;
import io.crosscast.delivery.DeliveryOverview;
import io.crosscast.web.Messages;
import io.crosscast.web.delivery.ChartJson;
import io.crosscast.web.delivery.DeliveryUi;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Backing bean of campaigns/campaign.xhtml ({@code ?id=}): the summary (properties, editable for a draft;
 * status; key figures over its deliveries), its deliveries with their rates, a chart of sent, opened and
 * clicked per delivery, and one of sent, opened and clicked per hour over all its deliveries. An unknown id
 * shows the not-found page.
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
    private List<DeliveryOverview> deliveries = List.of();
    private CampaignFigures figures;
    private String chart;
    private String timelineChart;
    private boolean hasTimeline;

    private CampaignFields fields = new CampaignFields();

    public void load() throws IOException {
        id = CampaignUi.parseId(idParam);
        campaign = id == null ? null : campaigns.find(id).orElse(null);
        if (campaign == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such campaign");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        fields = CampaignFields.of(campaign.content());
        refresh();
    }

    /** Reads the campaign (its status), its deliveries, their figures and the charts again. */
    public void refresh() {
        campaign = campaigns.get(id);
        deliveries = campaigns.deliveries(id);
        figures = CampaignFigures.sum(
                deliveries.stream().map(DeliveryOverview::stats).toList());
        List<DeliveryOverview> oldestFirst = new ArrayList<>(deliveries);
        Collections.reverse(oldestFirst);
        chart = ChartJson.bar(
                oldestFirst.stream().map(d -> shorten(d.label())).toList(),
                List.of(
                        new ChartJson.Series(
                                Messages.text("report.sent"),
                                oldestFirst.stream().map(d -> d.stats().sent()).toList(),
                                "#3b82f6"),
                        new ChartJson.Series(
                                Messages.text("report.chart.opened"),
                                oldestFirst.stream()
                                        .map(d -> d.stats().opened())
                                        .toList(),
                                "#22c55e"),
                        new ChartJson.Series(
                                Messages.text("report.chart.clicked"),
                                oldestFirst.stream()
                                        .map(d -> d.stats().clicked())
                                        .toList(),
                                "#a855f7")),
                false);
        List<CampaignTimelinePoint> timeline = campaigns.timeline(id);
        hasTimeline = !timeline.isEmpty();
        timelineChart = hasTimeline
                ? ChartJson.line(
                        timeline.stream()
                                .map(p -> DeliveryUi.formatShort(p.hour()))
                                .toList(),
                        List.of(
                                new ChartJson.Series(
                                        Messages.text("report.sent"),
                                        timeline.stream()
                                                .map(CampaignTimelinePoint::sent)
                                                .toList(),
                                        "#3b82f6"),
                                new ChartJson.Series(
                                        Messages.text("report.chart.opened"),
                                        timeline.stream()
                                                .map(CampaignTimelinePoint::opens)
                                                .toList(),
                                        "#22c55e"),
                                new ChartJson.Series(
                                        Messages.text("report.chart.clicked"),
                                        timeline.stream()
                                                .map(CampaignTimelinePoint::clicks)
                                                .toList(),
                                        "#a855f7")))
                : null;
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
            campaigns.update(id, fields.content());
            Messages.info("campaign.saved");
            refresh();
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        }
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

    public List<DeliveryOverview> getDeliveries() {
        return deliveries;
    }

    public CampaignFigures getFigures() {
        return figures;
    }

    public String getChart() {
        return chart;
    }

    /** Whether the campaign sent anything yet: its timeline chart is shown. */
    public boolean isHasTimeline() {
        return hasTimeline;
    }

    /** Sent, opened and clicked per hour over all the campaign's deliveries (null while nothing was sent). */
    public String getTimelineChart() {
        return timelineChart;
    }

    public CampaignFields getFields() {
        return fields;
    }
}
