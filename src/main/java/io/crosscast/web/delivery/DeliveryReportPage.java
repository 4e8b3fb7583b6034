package io.crosscast.web.delivery;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryReports;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LedgerEntry;
import io.crosscast.delivery.LinkClicks;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.delivery.TimelinePoint;
import io.crosscast.platform.TimeStep;
import io.crosscast.tracking.ActorFigures;
import io.crosscast.tracking.TrackingClassifier;
import io.crosscast.web.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backing bean of deliveries/report.xhtml: a delivery's figures, its opens and clicks per hour and clicks
 * per link (email), and its send ledger; refreshed every few seconds while it is sending, which can be
 * cancelled, and, for a text message, while receipts are still awaited shortly after its end.
 */
@Named
@ViewScoped
public class DeliveryReportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest link name on the chart's axis. */
    private static final int MAX_LINK_NAME = 60;

    @EJB
    private DeliveryService deliveries;

    @EJB
    private DeliveryReports reports;

    @EJB
    private TrackingClassifier classifier;

    @EJB
    private io.crosscast.workflow.WorkflowService workflows;

    private Long id;
    private String idParam;
    private Delivery delivery;
    private DeliveryStats stats;
    private List<LinkClicks> links = List.of();
    private String timelineChart;
    private String linksChart;
    private boolean hasTimeline;
    /** The timeline's step the viewer chose; null: the one that suits its span. */
    private TimeStep step;

    private TimeStep shownStep;
    private List<TimeStep> steps = List.of();
    private ActorFigures actors;
    private String actorsChart;
    private MessageStatus ledgerStatus;
    /** When an A/B test sent this delivery (a variant, or the winner to the rest): its lines of the run log. */
    private List<String> abTest = List.of();

    private final LazyDataModel<LedgerEntry> ledger = new LedgerModel();

    /** Loads the delivery named by the view parameter; an unknown id shows the not-found page. */
    public void load() throws IOException {
        id = DeliveryPages.parseId(idParam);
        delivery = id == null ? null : deliveries.find(id).orElse(null);
        if (delivery == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such delivery");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        refresh();
    }

    /** Reads the figures and charts again. */
    public void refresh() {
        delivery = deliveries.get(id);
        stats = deliveries.stats(id);
        abTest = delivery.getRunId() == null || delivery.getActivityId() == null
                ? List.of()
                : workflows.activityLog(delivery.getRunId(), delivery.getActivityId(), "abTest.log.").stream()
                        .map(Messages::text)
                        .toList();
        if (isSms()) {
            // A text message has no opens, clicks or tracked links.
            links = List.of();
            hasTimeline = false;
            timelineChart = null;
            linksChart = null;
            actors = null;
            actorsChart = null;
            return;
        }
        actors = classifier.figures(id);
        actorsChart = ChartJson.bar(
                List.of(Messages.text("report.chart.opened"), Messages.text("report.chart.clicked")),
                List.of(
                        new ChartJson.Series(
                                Messages.text("report.actors.people"),
                                List.of(actors.peopleOpened(), actors.peopleClicked()),
                                "#3b82f6"),
                        new ChartJson.Series(
                                Messages.text("report.actors.machines"),
                                List.of(actors.machinesOpened(), actors.machinesClicked()),
                                "#f97316")),
                false);
        Duration span = reports.timelineSpan(id);
        steps = span == null ? List.of() : TimeStep.allowed(span);
        shownStep = step != null && steps.contains(step) ? step : TimeStep.forSpan(span);
        List<TimelinePoint> timeline = span == null ? List.of() : reports.timeline(id, shownStep);
        links = reports.clicksPerLink(id);
        hasTimeline = !timeline.isEmpty();
        timelineChart = ChartJson.line(
                timeline.stream()
                        .map(p -> DeliveryUi.formatStep(p.hour(), shownStep))
                        .toList(),
                List.of(
                        new ChartJson.Series(
                                Messages.text("report.chart.opened"),
                                timeline.stream().map(TimelinePoint::opens).toList(),
                                "#3b82f6"),
                        new ChartJson.Series(
                                Messages.text("report.chart.clicked"),
                                timeline.stream().map(TimelinePoint::clicks).toList(),
                                "#22c55e")));
        linksChart = ChartJson.bar(
                links.stream().map(l -> shorten(l.name())).toList(),
                List.of(
                        new ChartJson.Series(
                                Messages.text("report.chart.clicks"),
                                links.stream().map(LinkClicks::clicks).toList(),
                                "#22c55e"),
                        new ChartJson.Series(
                                Messages.text("report.chart.clickers"),
                                links.stream().map(LinkClicks::clickers).toList(),
                                "#a855f7")),
                true);
    }

    /** The poll: refreshes, and stops polling once the delivery is no longer sending nor awaiting receipts. */
    public void poll() {
        refresh();
        if (!isLive()) {
            PrimeFaces.current().executeScript("if (PF('reportPoll')) { PF('reportPoll').stop(); }");
        }
    }

    /** Stops the sending: pending messages are never sent. */
    public void cancel() {
        change(deliveries::cancel, "report.cancelled");
    }

    /** Pauses the sending: nothing more goes out until it is resumed. */
    public void pause() {
        change(deliveries::pause, "report.paused");
    }

    /** Resumes a paused sending. */
    public void resume() {
        change(deliveries::resume, "report.resumed");
    }

    private void change(LongConsumer move, String doneKey) {
        try {
            move.accept(id);
            Messages.info(doneKey);
        } catch (DeliveryException e) {
            DeliveryUi.show(null, e);
        }
        refresh();
    }

    public boolean isPaused() {
        return delivery != null && delivery.getStatus() == DeliveryStatus.PAUSED;
    }

    /** The ledger filter changed: back to its first page. */
    public void ledgerFilterChanged() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":reportForm:ledger");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    private static String shorten(String name) {
        return name.length() <= MAX_LINK_NAME ? name : name.substring(0, MAX_LINK_NAME - 1) + "…";
    }

    public boolean isSending() {
        return delivery != null && delivery.getStatus() == DeliveryStatus.SENDING;
    }

    public boolean isSms() {
        return delivery != null && delivery.getChannel() == Channel.SMS;
    }

    /** Whether the figures still move: sending, or a text message's receipts coming back. */
    public boolean isLive() {
        return isSending()
                || (delivery != null
                        && DeliveryPages.awaitsReceipts(
                                delivery.getChannel(),
                                delivery.getStatus(),
                                delivery.getFinishedAt(),
                                stats,
                                Instant.now()));
    }

    /** The statuses a ledger row of this delivery's channel can have. */
    public List<MessageStatus> getLedgerStatuses() {
        return Arrays.stream(MessageStatus.values())
                .filter(s -> delivery == null
                        || delivery.getChannel() == Channel.SMS
                        || (s != MessageStatus.DELIVERED && s != MessageStatus.UNDELIVERED))
                .toList();
    }

    public Long getId() {
        return id;
    }

    /** The view parameter, as typed in the address: a wrong one shows the not-found page. */
    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public DeliveryStats getStats() {
        return stats;
    }

    /** People's and machines' opens and clicks (null for an SMS delivery). */
    /** The A/B test's samples, figures and winner, when an A/B test sent this delivery; empty otherwise. */
    public List<String> getAbTest() {
        return abTest;
    }

    public ActorFigures getActors() {
        return actors;
    }

    public String getActorsChart() {
        return actorsChart;
    }

    /** A share of the sent messages, 0 to 1. */
    public double shareOfSent(long count) {
        return stats == null || stats.sent() == 0 ? 0 : (double) count / stats.sent();
    }

    /** The words for a classifier's reason code; the code itself for a reason the texts do not know yet. */
    public String reasonLabel(String reason) {
        return Messages.textOr("actorReason." + reason, reason);
    }

    public List<LinkClicks> getLinks() {
        return links;
    }

    /** The timeline's step: the chosen one, else the one that suits its span. */
    public TimeStep getStep() {
        return shownStep;
    }

    public void setStep(TimeStep step) {
        this.step = step;
    }

    /** The steps the viewer may choose for this timeline's span. */
    public List<TimeStep> getSteps() {
        return steps;
    }

    public boolean isHasTimeline() {
        return hasTimeline;
    }

    public String getTimelineChart() {
        return timelineChart;
    }

    public String getLinksChart() {
        return linksChart;
    }

    public MessageStatus getLedgerStatus() {
        return ledgerStatus;
    }

    public void setLedgerStatus(MessageStatus ledgerStatus) {
        this.ledgerStatus = ledgerStatus;
    }

    public LazyDataModel<LedgerEntry> getLedger() {
        return ledger;
    }

    /** The send ledger, paged by the database, optionally one status only. */
    private class LedgerModel extends LazyDataModel<LedgerEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            if (id == null) {
                return 0;
            }
            return (int) Math.min(Integer.MAX_VALUE, deliveries.ledgerCount(id, ledgerStatus));
        }

        @Override
        public List<LedgerEntry> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return id == null ? List.of() : deliveries.ledger(id, ledgerStatus, first, pageSize);
        }

        @Override
        public String getRowKey(LedgerEntry entry) {
            return String.valueOf(entry.recipientId());
        }

        @Override
        public LedgerEntry getRowData(String rowKey) {
            return null;
        }
    }
}
