package io.crosscast.web.campaign.workflow;

import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.web.Messages;
import io.crosscast.web.campaign.CampaignPage;
import io.crosscast.web.campaign.CampaignUi;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.SimulatedDelivery;
import io.crosscast.workflow.SimulationSettings;
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

    private List<String> simulationProblems = List.of();
    private List<RateRow> rates = List.of();
    private String script;
    private long seed = 1;

    /** Reads the newest run (or the simulation shown) again and draws the diagram with it. */
    public void refresh() {
        Long campaignId = state.getCampaignId();
        if (campaignId != null && state.isSimulation()) {
            RunView simulation = flows.simulationView(campaignId).orElse(null);
            if (simulation != null) {
                state.setRun(simulation);
                canvas.rebuild();
                return;
            }
            state.setSimulation(false); // discarded meanwhile
        }
        state.setRun(campaignId == null ? null : flows.latestRunView(campaignId).orElse(null));
        canvas.rebuild();
    }

    /** Opens the simulation's settings: one row of rates per delivery of the diagram (nobody opens by default). */
    public void prepareSimulation() {
        simulationProblems = List.of();
        Long campaignId = state.getCampaignId();
        List<RateRow> rows = new java.util.ArrayList<>();
        if (campaignId != null) {
            for (SimulatedDelivery d : flows.simulatedDeliveries(campaignId)) {
                RateRow known =
                        rates.stream().filter(r -> r.id == d.id()).findFirst().orElse(null);
                RateRow row = new RateRow(d.id(), d.label(), known == null ? 0 : known.opens);
                for (String link : d.links()) {
                    LinkRate rate = new LinkRate(link);
                    if (known != null) {
                        known.links.stream()
                                .filter(l -> l.link.equals(link))
                                .findFirst()
                                .ifPresent(l -> rate.rate = l.rate);
                    }
                    row.links.add(rate);
                }
                rows.add(row);
            }
        }
        rates = rows;
    }

    /**
     * Simulates the diagram with the dialog's rates or script: the diagram then shows the simulation, marked so,
     * until the marketer leaves it or starts for real.
     */
    public void simulate() {
        simulationProblems = List.of();
        java.util.Map<Long, SimulationSettings.Rates> byDelivery = new java.util.LinkedHashMap<>();
        for (RateRow row : rates) {
            java.util.Map<String, Integer> clicks = new java.util.LinkedHashMap<>();
            row.links.forEach(l -> clicks.put(l.link, l.rate));
            byDelivery.put(row.id, new SimulationSettings.Rates(row.opens, clicks));
        }
        try {
            flows.simulate(state.getCampaignId(), new SimulationSettings(seed, byDelivery, script));
            state.setSimulation(true);
            org.primefaces.PrimeFaces.current().executeScript("PF('simulationDialog').hide()");
        } catch (WorkflowException e) {
            simulationProblems = e.texts().stream()
                    .map(p -> Messages.text(WorkflowProblems.relabel(p, state::boxLabel)))
                    .toList();
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        }
        refresh();
    }

    /** Leaves the simulation: it is discarded, the diagram shows the newest real run again. */
    public void leaveSimulation() {
        state.setSimulation(false);
        Long campaignId = state.getCampaignId();
        if (campaignId != null) {
            flows.discardSimulation(campaignId);
        }
        refresh();
    }

    /** The marketer left the page: a simulation shown is discarded. */
    @jakarta.annotation.PreDestroy
    void discardOnLeave() {
        try {
            if (state.isSimulation() && state.getCampaignId() != null) {
                flows.discardSimulation(state.getCampaignId());
            }
        } catch (RuntimeException e) {
            // the view's other beans are gone already: the next simulation or start discards it
        }
    }

    public boolean isSimulation() {
        return state.isSimulation();
    }

    public List<String> getSimulationProblems() {
        return simulationProblems;
    }

    public List<RateRow> getRates() {
        return rates;
    }

    public String getScript() {
        return script;
    }

    public void setScript(String script) {
        this.script = script;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    /**
     * The largest script file taken (5 MB): 100,000 actions (the script's limit) of about 50 bytes. The page's
     * p:validateFile refuses a larger file in the browser, before it is sent; this bean refuses it unread.
     */
    public static final long MAX_SCRIPT_BYTES = 5L * 1024 * 1024;

    public long getMaxScriptBytes() {
        return MAX_SCRIPT_BYTES;
    }

    /** The uploaded CSV script becomes the dialog's script; a file over {@link #MAX_SCRIPT_BYTES} is refused. */
    public void uploadScript(org.primefaces.event.FileUploadEvent event) {
        org.primefaces.model.file.UploadedFile file = event.getFile();
        String text = scriptOf(file);
        if (text == null) {
            Messages.error(
                    null,
                    Messages.text("simulation.upload.tooLarge", file.getFileName(), MAX_SCRIPT_BYTES / 1_048_576));
            return;
        }
        script = text;
    }

    /** The file's text, or null when it is larger than {@link #MAX_SCRIPT_BYTES} (then it is not read). */
    static String scriptOf(org.primefaces.model.file.UploadedFile file) {
        if (file.getSize() > MAX_SCRIPT_BYTES) {
            return null;
        }
        return new String(file.getContent(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The rates of one delivery in the dialog. */
    public static final class RateRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String label;
        private int opens;
        private final List<LinkRate> links = new java.util.ArrayList<>();

        RateRow(long id, String label, int opens) {
            this.id = id;
            this.label = label;
            this.opens = opens;
        }

        public long getId() {
            return id;
        }

        public String getLabel() {
            return label;
        }

        public int getOpens() {
            return opens;
        }

        public void setOpens(int opens) {
            this.opens = Math.max(0, Math.min(100, opens));
        }

        public List<LinkRate> getLinks() {
            return links;
        }
    }

    /** The click rate of one link. */
    public static final class LinkRate implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String link;
        private int rate;

        LinkRate(String link) {
            this.link = link;
        }

        public String getLink() {
            return link;
        }

        public int getRate() {
            return rate;
        }

        public void setRate(int rate) {
            this.rate = Math.max(0, Math.min(100, rate));
        }
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
            flows.start(state.getCampaignId()); // discards a simulation
            state.setSimulation(false);
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
