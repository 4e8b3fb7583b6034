package io.crosscast.web.campaign.workflow;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientPage;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignDelivery;
import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.web.Messages;
import io.crosscast.web.campaign.CampaignPage;
import io.crosscast.web.campaign.CampaignUi;
import io.crosscast.web.condition.ConditionBuilder;
import io.crosscast.web.delivery.DeliveryUi;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowProblems;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.NumberFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;
import org.primefaces.event.diagram.ConnectEvent;
import org.primefaces.event.diagram.ConnectionChangeEvent;
import org.primefaces.event.diagram.DisconnectEvent;
import org.primefaces.event.diagram.PositionChangeEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.diagram.DefaultDiagramModel;

/**
 * Backing bean of the "Targeting and workflows" tab of campaigns/campaign.xhtml: the diagram editor
 * (palette, moves, connections, removal, undo; each change saved at once, unfinished or not), the
 * properties dialog of an activity (saved only when valid), and the newest run (start, pause, resume, stop,
 * restart from an activity; states, counts and log refreshed by polling while it runs). Editing is closed
 * while a run is active, so what the run shows matches what is drawn.
 */
@Named
@ViewScoped
public class WorkflowEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_UNDO = 50;
    /** The key of the properties dialog's messages ({@code p:messages forType="key"}). */
    private static final String DIALOG = "activityDialog";

    /** The palette: groups of activity types, in the order shown. */
    public static final Map<String, List<String>> PALETTE = palette();

    private static Map<String, List<String>> palette() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("targeting", List.of("query", "split", "union", "intersection", "exclusion", "deduplication",
                "listUpdate"));
        groups.put("flow", List.of("start", "wait", "scheduler", "test", "fork", "andJoin", "end"));
        groups.put("deliveries", List.of("emailDelivery", "smsDelivery"));
        return groups;
    }

    @EJB
    private CampaignWorkflowService flows;

    @EJB
    private CampaignService campaigns;

    @EJB
    private WorkflowService workflows;

    @EJB
    private RecipientService recipients;

    /** The page around the editor: its header shows the campaign's status, which Start changes. */
    @Inject
    private CampaignPage campaignPage;

    private String idParam;
    private Long campaignId;
    private boolean closed;
    private DiagramDraft draft;
    private final Deque<String> undo = new ArrayDeque<>();
    private DefaultDiagramModel model;
    private RunView run;
    private List<String> startProblems = List.of();

    private ActivityForm form;
    private ConditionBuilder builder;
    private List<CampaignDelivery> deliveries = List.of();
    private String newDeliveryLabel;
    private String newDeliverySender;
    private String newDeliverySubject;
    private String newDeliveryBody;
    private boolean creatingDelivery;
    /** The dialog's "next activity" per output (output name -> activity id, blank: none). */
    private List<OutputTarget> outputTargets = new ArrayList<>();

    private String transitionId;
    private LazyDataModel<Recipient> population;

    public void load() {
        campaignId = CampaignUi.parseId(idParam);
        Optional<Campaign> campaign = campaignId == null ? Optional.empty() : campaigns.find(campaignId);
        if (campaign.isEmpty()) {
            return;
        }
        closed = campaign.get().getStatus().isClosed();
        draft = DiagramDraft.parse(flows.diagram(campaignId));
        builder = new ConditionBuilder(condition -> recipients.count(condition), true);
        refreshRun();
    }

    // ---- the canvas

    public DefaultDiagramModel getModel() {
        return model;
    }

    private void rebuild() {
        model = draft == null ? null : DiagramView.model(draft, this::outputs, this::node, run, isEditable(),
                count -> NumberFormat.getIntegerInstance(locale()).format(count));
    }

    private java.util.Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    List<String> outputs(DiagramDraft.Box box) {
        return workflows.outputs(definition(box.getId(), box.getType(), box.getLabel(), box.getConfig()));
    }

    private static ActivityDefinition definition(String id, String type, String label, Map<String, String> config) {
        return new ActivityDefinition(id, type, label, config);
    }

    DiagramView.Node node(DiagramDraft.Box box) {
        RunView.ActivityView state = run == null ? null : run.activities().get(box.getId());
        String phase = state == null ? null : state.phase();
        String detail = null;
        if (state != null && "WAITING".equals(phase) && state.wakeUp() != null) {
            detail = Messages.text("workflow.waitingUntil", WorkflowUi.time(state.wakeUp(), locale()));
        } else if (state != null && "FAILED".equals(phase)) {
            detail = error(state);
        }
        String label = box.getLabel() == null || box.getLabel().isBlank() ? typeLabel(box.getType()) : box.getLabel();
        return new DiagramView.Node(box.getId(), box.getType(), label, typeLabel(box.getType()),
                WorkflowUi.icon(box.getType()), phase, phase == null ? null : Messages.text("activityPhase." + phase),
                detail);
    }

    public String icon(String type) {
        return WorkflowUi.icon(type);
    }

    public String typeLabel(String type) {
        return Messages.textOr("activity.type." + type, type);
    }

    /** Whether the diagram can be changed now: an open campaign whose newest run is not active. */
    public boolean isEditable() {
        return draft != null && !closed && !isRunActive();
    }

    public Map<String, List<String>> getPalette() {
        return PALETTE;
    }

    public List<String> getPaletteGroups() {
        return new ArrayList<>(PALETTE.keySet());
    }

    /** Adds an activity of that type in the first free place of a grid. */
    public void add(String type) {
        if (!isEditable() || PALETTE.values().stream().noneMatch(l -> l.contains(type))) {
            return;
        }
        remember();
        int n = draft.getBoxes().size();
        int x = 30;
        int y = 30;
        for (int slot = 0; slot < 200; slot++) {
            int sx = 30 + (slot % 5) * 200;
            int sy = 30 + (slot / 5) * 110;
            if (draft.getBoxes().stream().noneMatch(b -> Math.abs(b.getX() - sx) < 160 && Math.abs(b.getY() - sy) < 80)) {
                x = sx;
                y = sy;
                break;
            }
        }
        DiagramDraft.Box box = draft.add(type, "", x, y);
        save();
        Messages.info("workflow.added", typeLabel(type), n + 1);
        PrimeFaces.current().executeScript("ccWorkflow.focusNode('" + box.getId() + "')");
    }

    public void onConnect(ConnectEvent event) {
        String[] from = endPoint(event.getSourceEndPoint().getId());
        String[] to = endPoint(event.getTargetEndPoint().getId());
        connect(from, to);
    }

    private void connect(String[] from, String[] to) {
        if (!isEditable() || from == null || to == null || !DiagramView.INPUT.equals(to[1])) {
            rebuild();
            return;
        }
        if (!edit(() -> draft.connect(from[0], from[1], to[0]))) {
            Messages.error(null, Messages.text("workflow.connectRefused"));
            rebuild();
        }
    }

    public void onDisconnect(DisconnectEvent event) {
        String[] from = endPoint(event.getSourceEndPoint().getId());
        String[] to = endPoint(event.getTargetEndPoint().getId());
        if (!isEditable() || from == null || to == null) {
            rebuild();
            return;
        }
        edit(() -> draft.disconnect(from[0], from[1], to[0]));
    }

    public void onConnectionChange(ConnectionChangeEvent event) {
        String[] oldFrom = endPoint(event.getOriginalSourceEndPoint().getId());
        String[] oldTo = endPoint(event.getOriginalTargetEndPoint().getId());
        String[] from = endPoint(event.getNewSourceEndPoint().getId());
        String[] to = endPoint(event.getNewTargetEndPoint().getId());
        if (!isEditable() || oldFrom == null || oldTo == null || from == null || to == null) {
            rebuild();
            return;
        }
        String before = draft.toJson();
        if (!edit(() -> {
            draft.disconnect(oldFrom[0], oldFrom[1], oldTo[0]);
            return draft.connect(from[0], from[1], to[0]);
        })) {
            draft = DiagramDraft.parse(before);
            Messages.error(null, Messages.text("workflow.connectRefused"));
            rebuild();
        }
    }

    public void onMove(PositionChangeEvent event) {
        String id = event.getElement() == null ? null : event.getElement().getId();
        if (!isEditable() || id == null) {
            return;
        }
        edit(() -> draft.move(id, pixels(event.getX()), pixels(event.getY())));
    }

    static int pixels(String css) {
        try {
            return (int) Math.round(Double.parseDouble(css.replace("px", "").strip()));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** {@code activity:output} to its two parts, null when malformed. */
    static String[] endPoint(String id) {
        int colon = id == null ? -1 : id.lastIndexOf(':');
        return colon <= 0 || colon == id.length() - 1 ? null : new String[] {id.substring(0, colon), id.substring(colon + 1)};
    }

    /** Removes the activity of the open dialog, with its transitions. */
    public void removeActivity() {
        if (form == null || !isEditable()) {
            return;
        }
        if (edit(() -> draft.remove(form.getId()))) {
            form = null;
            PrimeFaces.current().executeScript("PF('activityDialog').hide()");
        }
    }

    /** Removes the transition of the open transition dialog. */
    public void removeTransition() {
        Optional<DiagramDraft.Arrow> arrow = selectedArrow();
        if (arrow.isEmpty() || !isEditable()) {
            return;
        }
        if (edit(() -> draft.disconnect(arrow.get().from(), arrow.get().output(), arrow.get().to()))) {
            PrimeFaces.current().executeScript("PF('transitionDialog').hide()");
        }
    }

    public void undo() {
        if (undo.isEmpty() || !isEditable()) {
            return;
        }
        draft = DiagramDraft.parse(undo.pop());
        save();
        Messages.info("workflow.undone");
    }

    public boolean isUndoable() {
        return !undo.isEmpty() && isEditable();
    }

    /**
     * One change of the diagram: when {@code change} says it changed something, the version before it becomes
     * an undo step and the diagram is saved; otherwise nothing is kept.
     */
    private boolean edit(java.util.function.BooleanSupplier change) {
        String before = draft.toJson();
        if (!change.getAsBoolean()) {
            return false;
        }
        push(before);
        save();
        return true;
    }

    private void remember() {
        push(draft.toJson());
    }

    private void push(String json) {
        undo.push(json);
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
    }

    /** Saves the diagram as it is now (finished or not) and draws it again. */
    private void save() {
        try {
            draft.setName(campaigns.get(campaignId).getLabel());
            flows.saveDiagram(campaignId, draft.toJson());
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        } catch (WorkflowException e) {
            e.texts().forEach(p -> Messages.error(null, Messages.text(p)));
        }
        rebuild();
    }

    // ---- the properties dialog

    /** Opens the dialog of the activity named by the request parameter {@code activity}. */
    public void open() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("activity");
        openActivity(id);
    }

    public void openActivity(String id) {
        Optional<DiagramDraft.Box> box = draft == null || id == null ? Optional.empty() : draft.box(id);
        if (box.isEmpty()) {
            return;
        }
        DiagramDraft.Box b = box.get();
        form = new ActivityForm(b.getId(), b.getType(), b.getLabel(), b.getConfig());
        deliveries = campaigns.deliveries(campaignId);
        newDeliveryLabel = null;
        newDeliverySender = null;
        newDeliverySubject = null;
        newDeliveryBody = null;
        creatingDelivery = false;
        outputTargets = new ArrayList<>();
        for (String output : outputs(b)) {
            outputTargets.add(new OutputTarget(output, outputName(b, output),
                    draft.arrowFrom(b.getId(), output).map(DiagramDraft.Arrow::to).orElse(null)));
        }
        loadBuilder();
        PrimeFaces.current().executeScript("PF('activityDialog').show()");
    }

    private void loadBuilder() {
        if (form == null || !form.hasConditionBuilder()) {
            return;
        }
        String json = form.focusedCondition();
        try {
            builder.load(json == null ? null : ConditionJson.fromJson(json));
        } catch (InvalidConditionException e) {
            builder.load(null);
            Messages.error(DIALOG, Messages.text(WorkflowProblems.of(e)));
        }
    }

    /** Copies what the builder shows into the form (the Query's condition, or the selected subset's). */
    private void storeBuilder() {
        if (form != null && form.hasConditionBuilder()) {
            form.setFocusedCondition(builder.isEmpty() ? null : ConditionJson.toJson(builder.condition()));
        }
    }

    public void selectSubset(int index) {
        storeBuilder();
        form.getSplit().setSelectedSubset(index);
        loadBuilder();
    }

    public void addSubset() {
        storeBuilder();
        form.getSplit().addSubset();
        loadBuilder();
    }

    public void removeSubset(int index) {
        storeBuilder();
        form.getSplit().removeSubset(index);
        loadBuilder();
    }

    public void moveSubsetUp(int index) {
        storeBuilder();
        form.getSplit().moveSubsetUp(index);
        loadBuilder();
    }

    /** Saves the dialog when the activity's settings are valid; otherwise shows why and keeps it open. */
    public void saveActivity() {
        if (form == null || !isEditable()) {
            return;
        }
        storeBuilder();
        Map<String, String> config = form.toConfig();
        List<String> problems = new ArrayList<>(builder.isEmpty() || !form.hasConditionBuilder() ? List.of()
                : builder.getProblems());
        workflows.activityProblems(definition(form.getId(), form.getType(), form.getLabel(), config)).stream()
                .map(Messages::text).forEach(problems::add);
        if (!problems.isEmpty()) {
            problems.stream().distinct().forEach(p -> Messages.error(DIALOG, p));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        String before = draft.toJson();
        edit(() -> {
            draft.update(form.getId(), form.getLabel(), config, this::outputs);
            connectOutputs(form.getId());
            return !before.equals(draft.toJson());
        });
        Messages.info("workflow.activitySaved", form.getLabel() == null || form.getLabel().isBlank()
                ? typeLabel(form.getType()) : form.getLabel());
        PrimeFaces.current().executeScript("PF('activityDialog').hide()");
    }

    /**
     * Applies the dialog's "next activity" choices: the keyboard's way of drawing an arrow. An output the
     * new settings no longer have is ignored; a choice that cannot be drawn (a loop onto itself) is left out.
     */
    private void connectOutputs(String id) {
        List<String> outputs = draft.box(id).map(this::outputs).orElse(List.of());
        for (OutputTarget target : outputTargets) {
            if (!outputs.contains(target.getOutput())) {
                continue;
            }
            Optional<DiagramDraft.Arrow> now = draft.arrowFrom(id, target.getOutput());
            String wanted = target.getTo() == null || target.getTo().isBlank() ? null : target.getTo();
            if (now.isPresent() && now.get().to().equals(wanted)) {
                continue;
            }
            now.ifPresent(a -> draft.disconnect(a.from(), a.output(), a.to()));
            if (wanted != null) {
                draft.connect(id, target.getOutput(), wanted);
            }
        }
    }

    /** An output as the dialog names it: "Then", "Subset 2: Gold", "If true", "Branch 3"... */
    private String outputName(DiagramDraft.Box box, String output) {
        if (output.startsWith("subset")) {
            String number = output.substring("subset".length());
            String label = box.getConfig().get("subset." + number + ".label");
            return Messages.text("workflow.output.subset", number)
                    + (label == null || label.isBlank() ? "" : ": " + label.strip());
        }
        if (output.matches("out\\d+")) {
            return Messages.text("workflow.output.branch", output.substring(3));
        }
        return Messages.textOr("workflow.output." + output, output);
    }

    /** One output of the dialog's activity and the activity it leads to. */
    public static final class OutputTarget implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String output;
        private final String label;
        private String to;

        OutputTarget(String output, String label, String to) {
            this.output = output;
            this.label = label;
            this.to = to;
        }

        public String getOutput() {
            return output;
        }

        public String getLabel() {
            return label;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }
    }

    public List<OutputTarget> getOutputTargets() {
        return outputTargets;
    }

    /** The activities an output of the dialog's activity may lead to: every other one that takes inputs. */
    public List<DiagramDraft.Box> getTargets() {
        return form == null ? List.of() : draft.getBoxes().stream()
                .filter(b -> !b.getId().equals(form.getId()) && !"start".equals(b.getType())).toList();
    }

    /** Shows the fields of a new delivery in the dialog. */
    public void openNewDelivery() {
        creatingDelivery = true;
    }

    public boolean isCreatingDelivery() {
        return creatingDelivery;
    }

    /** Creates a draft delivery of the dialog's channel in the campaign and chooses it. */
    public void createDelivery() {
        if (form == null) {
            return;
        }
        boolean sms = "smsDelivery".equals(form.getType());
        DeliveryContent content = sms
                ? new DeliveryContent(newDeliveryLabel, newDeliverySender, null, null, null, null, newDeliveryBody)
                : new DeliveryContent(newDeliveryLabel, null, newDeliverySender, null, newDeliverySubject,
                        newDeliveryBody, null);
        try {
            long id = campaigns.createDelivery(campaignId, sms ? Channel.SMS : Channel.EMAIL, content).getId();
            form.setDelivery(id);
            deliveries = campaigns.deliveries(campaignId);
            newDeliveryLabel = null;
            newDeliverySender = null;
            newDeliverySubject = null;
            newDeliveryBody = null;
            creatingDelivery = false;
            Messages.info("workflow.deliveryCreated");
        } catch (DeliveryException e) {
            DeliveryUi.show(DIALOG, e);
            FacesContext.getCurrentInstance().validationFailed();
        } catch (CampaignException e) {
            CampaignUi.show(DIALOG, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** The campaign's deliveries of the dialog's channel. */
    public List<CampaignDelivery> getChannelDeliveries() {
        boolean sms = form != null && "smsDelivery".equals(form.getType());
        return deliveries.stream().filter(d -> (d.channel() == Channel.SMS) == sms).toList();
    }

    /** The incoming transitions of the dialog's activity (an Exclusion's main set is one of them). */
    public List<DiagramDraft.Arrow> getIncoming() {
        return form == null ? List.of() : draft.getArrows().stream().filter(a -> a.to().equals(form.getId())).toList();
    }

    public String arrowLabel(DiagramDraft.Arrow arrow) {
        return boxLabel(arrow.from()) + " (" + arrow.output() + ") → " + boxLabel(arrow.to());
    }

    public String boxLabel(String id) {
        return draft.box(id).map(b -> b.getLabel() == null || b.getLabel().isBlank() ? typeLabel(b.getType()) + " " + id
                : b.getLabel()).orElse(id);
    }

    // ---- runs

    private void refreshRun() {
        run = campaignId == null ? null : flows.latestRunView(campaignId).orElse(null);
        rebuild();
    }

    /** Called by the poll while a run is active. */
    public void poll() {
        refreshRun();
    }

    public boolean isRunActive() {
        return run != null && run.active();
    }

    public boolean isPaused() {
        return run != null && "PAUSED".equals(run.status());
    }

    public boolean isStarted() {
        return run != null && "STARTED".equals(run.status());
    }

    public RunView getRun() {
        return run;
    }

    public void start() {
        startProblems = List.of();
        try {
            flows.start(campaignId);
            campaignPage.refresh();
            Messages.info("workflow.started");
        } catch (WorkflowException e) {
            startProblems = e.texts().stream().map(p -> Messages.text(WorkflowProblems.relabel(p, this::boxLabel)))
                    .toList();
            Messages.error(null, Messages.text("workflow.startRefused"));
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        }
        refreshRun();
    }

    public void pause() {
        control(() -> flows.pause(campaignId), "workflow.paused");
    }

    public void resume() {
        control(() -> flows.resume(campaignId), "workflow.resumed");
    }

    public void stop() {
        control(() -> flows.stop(campaignId), "workflow.stopped");
    }

    /** Runs the activity of the open dialog again, and what follows it. */
    public void restartActivity() {
        if (form == null) {
            return;
        }
        String id = form.getId();
        control(() -> flows.restartFrom(campaignId, id), "workflow.restarted");
        PrimeFaces.current().executeScript("PF('activityDialog').hide()");
    }

    private void control(Runnable action, String doneKey) {
        try {
            action.run();
            Messages.info(doneKey);
        } catch (WorkflowException e) {
            Messages.error(null, e.texts().stream().map(Messages::text).collect(Collectors.joining(" ")));
        }
        refreshRun();
    }

    public List<String> getStartProblems() {
        return startProblems;
    }

    /** The activities as a table (state, wake-up or error), in drawing order. */
    public List<DiagramView.Node> getNodes() {
        return draft == null ? List.of() : draft.getBoxes().stream().map(this::node).toList();
    }

    /** The transitions as a table, with the run's counts. */
    public List<TransitionRow> getTransitions() {
        List<TransitionRow> rows = new ArrayList<>();
        if (draft == null) {
            return rows;
        }
        for (DiagramDraft.Arrow arrow : draft.getArrows()) {
            RunView.TransitionView t = run == null ? null : run.transitions().get(arrow.id());
            rows.add(new TransitionRow(arrow.id(), boxLabel(arrow.from()), arrow.output(), boxLabel(arrow.to()),
                    t != null && t.fired(), t != null && t.skipped(), t == null ? null : t.count()));
        }
        return rows;
    }

    /** One row of the transitions table. */
    public record TransitionRow(String id, String from, String output, String to, boolean fired, boolean skipped,
            Long count) implements Serializable {
    }

    public List<RunView.LogLine> getLog() {
        return run == null ? List.of() : run.log();
    }

    /** A log line's message in the viewer's language (as stored, in English, for lines written before texts had keys). */
    public String logMessage(RunView.LogLine line) {
        return line.text() == null ? line.message() : Messages.text(line.text());
    }

    /** A failed activity's error in the viewer's language. */
    private static String error(RunView.ActivityView state) {
        return state.text() == null ? state.message() : Messages.text(state.text());
    }

    /** A log line's time, short, in the viewer's language. */
    public String logTime(String at) {
        return at == null ? "" : WorkflowUi.time(at, locale());
    }

    /** The state of the activity of the open dialog in the newest run, if any. */
    public RunView.ActivityView getFormState() {
        return run == null || form == null ? null : run.activities().get(form.getId());
    }

    /** The error of the activity of the open dialog in the newest run, in the viewer's language; null when none. */
    public String getFormError() {
        RunView.ActivityView state = getFormState();
        return state == null ? null : error(state);
    }

    // ---- a transition's population

    /** Opens the transition named by the request parameter {@code transition} (its id or its index). */
    public void openTransition() {
        String param = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("transition");
        showTransition(param);
    }

    public void showTransition(String idOrIndex) {
        if (draft == null || idOrIndex == null) {
            return;
        }
        List<DiagramDraft.Arrow> arrows = draft.getArrows();
        String id = idOrIndex;
        if (idOrIndex.matches("\\d{1,4}") && Integer.parseInt(idOrIndex) < arrows.size()) {
            id = arrows.get(Integer.parseInt(idOrIndex)).id();
        }
        String chosen = id;
        if (arrows.stream().noneMatch(a -> a.id().equals(chosen))) {
            return;
        }
        transitionId = id;
        population = new PopulationModel();
        PrimeFaces.current().executeScript("PF('transitionDialog').show()");
    }

    private Optional<DiagramDraft.Arrow> selectedArrow() {
        return draft == null || transitionId == null ? Optional.empty()
                : draft.getArrows().stream().filter(a -> a.id().equals(transitionId)).findFirst();
    }

    public TransitionRow getTransition() {
        return getTransitions().stream().filter(t -> t.id().equals(transitionId)).findFirst().orElse(null);
    }

    public LazyDataModel<Recipient> getPopulation() {
        return population;
    }

    /** The recipients the selected transition carried in the newest run, a page at a time. */
    private final class PopulationModel extends LazyDataModel<Recipient> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, page(0, 1).total());
        }

        @Override
        public List<Recipient> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return page(first, pageSize).items();
        }

        private RecipientPage page(int first, int size) {
            if (run == null || transitionId == null) {
                return new RecipientPage(0, List.of());
            }
            try {
                return workflows.transitionPopulation(run.runId(), transitionId, first, size);
            } catch (WorkflowException e) {
                return new RecipientPage(0, List.of());
            }
        }

        @Override
        public String getRowKey(Recipient recipient) {
            return String.valueOf(recipient.getId());
        }

        @Override
        public Recipient getRowData(String rowKey) {
            return null;
        }
    }

    // ---- properties

    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public ActivityForm getForm() {
        return form;
    }

    public ConditionBuilder getBuilder() {
        return builder;
    }

    public String getNewDeliveryLabel() {
        return newDeliveryLabel;
    }

    public void setNewDeliveryLabel(String newDeliveryLabel) {
        this.newDeliveryLabel = newDeliveryLabel;
    }

    public String getNewDeliverySender() {
        return newDeliverySender;
    }

    public void setNewDeliverySender(String newDeliverySender) {
        this.newDeliverySender = newDeliverySender;
    }

    public String getNewDeliverySubject() {
        return newDeliverySubject;
    }

    public void setNewDeliverySubject(String newDeliverySubject) {
        this.newDeliverySubject = newDeliverySubject;
    }

    public String getNewDeliveryBody() {
        return newDeliveryBody;
    }

    public void setNewDeliveryBody(String newDeliveryBody) {
        this.newDeliveryBody = newDeliveryBody;
    }

    public List<String> getSchedulerModes() {
        return ActivityForm.SCHEDULER_MODES;
    }
}
