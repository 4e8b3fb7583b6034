package io.crosscast.web.campaign.workflow;

import io.crosscast.campaign.CampaignException;
import io.crosscast.campaign.CampaignService;
import io.crosscast.campaign.CampaignWorkflowService;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.web.Messages;
import io.crosscast.web.campaign.CampaignUi;
import io.crosscast.workflow.RunView;
import io.crosscast.workflow.WorkflowException;
import io.crosscast.workflow.WorkflowService;
import jakarta.ejb.EJB;
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
import java.util.function.BooleanSupplier;
import org.primefaces.PrimeFaces;
import org.primefaces.event.diagram.ConnectEvent;
import org.primefaces.event.diagram.ConnectionChangeEvent;
import org.primefaces.event.diagram.DisconnectEvent;
import org.primefaces.event.diagram.PositionChangeEvent;
import org.primefaces.model.diagram.DefaultDiagramModel;

/**
 * The diagram canvas of the workflow editor ({@link WorkflowEditor}): the palette, and the moves, connections
 * and removals drawn on the canvas, each saved at once (finished or not) with an undo step; the PrimeFaces model
 * drawn from the diagram and the newest run. The other parts change the diagram through {@link #edit}.
 */
@Named
@ViewScoped
public class DiagramEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_UNDO = 50;

    /** The palette: groups of activity types, in the order shown. */
    public static final Map<String, List<String>> PALETTE = palette();

    private static Map<String, List<String>> palette() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(
                "targeting",
                List.of(
                        "query",
                        "split",
                        "union",
                        "intersection",
                        "exclusion",
                        "deduplication",
                        "listUpdate",
                        "enrichment"));
        groups.put(
                "flow",
                List.of(
                        "start",
                        "wait",
                        "scheduler",
                        "test",
                        "fork",
                        "andJoin",
                        "end",
                        "jumpFrom",
                        "jumpTo",
                        "externalSignal"));
        groups.put("deliveries", List.of("emailDelivery", "smsDelivery", "abTest"));
        return groups;
    }

    @EJB
    private CampaignWorkflowService flows;

    @EJB
    private CampaignService campaigns;

    @EJB
    private WorkflowService workflows;

    @Inject
    private EditorState state;

    private final Deque<String> undo = new ArrayDeque<>();
    private DefaultDiagramModel model;

    private DiagramDraft draft() {
        return state.getDraft();
    }

    public DefaultDiagramModel getModel() {
        return model;
    }

    /** Draws the model again from the diagram and the newest run. */
    public void rebuild() {
        model = draft() == null
                ? null
                : DiagramView.model(
                        draft(),
                        this::outputs,
                        this::node,
                        state.getRun(),
                        state.isEditable(),
                        count -> NumberFormat.getIntegerInstance(WorkflowUi.locale())
                                .format(count));
    }

    /** A box's outputs with its settings. */
    public List<String> outputs(DiagramDraft.Box box) {
        return workflows.outputs(new ActivityDefinition(box.getId(), box.getType(), box.getLabel(), box.getConfig()));
    }

    /** What a box shows: its label, type, icon, and where its activity stands in the newest run. */
    public DiagramView.Node node(DiagramDraft.Box box) {
        RunView run = state.getRun();
        RunView.ActivityView activity = run == null ? null : run.activities().get(box.getId());
        String phase = activity == null ? null : activity.phase();
        String detail = null;
        if (activity != null && "WAITING".equals(phase) && "externalSignal".equals(box.getType())) {
            // an External signal waits for its signal (until its timeout, if it has one)
            String name = box.getConfig().getOrDefault("name", "");
            detail = activity.wakeUp() == null || activity.wakeUp().startsWith("9999-")
                    ? Messages.text("workflow.signal.waiting", name)
                    : Messages.text(
                            "workflow.signal.waitingUntil",
                            name,
                            WorkflowUi.time(activity.wakeUp(), WorkflowUi.locale()));
        } else if (activity != null
                && "WAITING".equals(phase)
                && "abTest".equals(box.getType())
                && activity.wakeUp() != null
                && activity.wakeUp().startsWith("9999-")) {
            // an A/B test on confirmation, decided: it waits for a marketer
            detail = Messages.text("workflow.abTest.awaitingConfirmation");
        } else if (run != null && "jumpFrom".equals(box.getType()) && activity != null && !"FAILED".equals(phase)) {
            // the jump's live count: what its last pass carried to the landing, and how many passes
            detail = run.transitions().entrySet().stream()
                    .filter(t -> t.getKey().startsWith(box.getId() + ".jump>")
                            && t.getValue().fired())
                    .findFirst()
                    .map(t -> Messages.text(
                            "workflow.jump.carried",
                            NumberFormat.getIntegerInstance(WorkflowUi.locale())
                                    .format(t.getValue().count())))
                    .orElse(null);
        } else if (activity != null && "WAITING".equals(phase) && activity.wakeUp() != null) {
            detail = Messages.text("workflow.waitingUntil", WorkflowUi.time(activity.wakeUp(), WorkflowUi.locale()));
        } else if (activity != null && "FAILED".equals(phase)) {
            detail = WorkflowUi.error(activity);
        }
        String typeLabel = state.typeLabel(box.getType());
        String label = box.getLabel() == null || box.getLabel().isBlank() ? typeLabel : box.getLabel();
        return new DiagramView.Node(
                box.getId(),
                box.getType(),
                label,
                typeLabel,
                WorkflowUi.icon(box.getType()),
                phase,
                phase == null ? null : Messages.text("activityPhase." + phase),
                detail);
    }

    public String icon(String type) {
        return WorkflowUi.icon(type);
    }

    public Map<String, List<String>> getPalette() {
        return PALETTE;
    }

    public List<String> getPaletteGroups() {
        return new ArrayList<>(PALETTE.keySet());
    }

    /** Adds an activity of that type in the first free place of a grid. */
    public void add(String type) {
        if (!state.isEditable() || PALETTE.values().stream().noneMatch(l -> l.contains(type))) {
            return;
        }
        remember();
        int n = draft().getBoxes().size();
        int x = 30;
        int y = 30;
        for (int slot = 0; slot < 200; slot++) {
            int sx = 30 + (slot % 5) * 200;
            int sy = 30 + (slot / 5) * 110;
            if (draft().getBoxes().stream()
                    .noneMatch(b -> Math.abs(b.getX() - sx) < 160 && Math.abs(b.getY() - sy) < 80)) {
                x = sx;
                y = sy;
                break;
            }
        }
        DiagramDraft.Box box = draft().add(type, "", x, y);
        save();
        Messages.info("workflow.added", state.typeLabel(type), n + 1);
        PrimeFaces.current().executeScript("ccWorkflow.focusNode('" + box.getId() + "')");
    }

    public void onConnect(ConnectEvent event) {
        String[] from = endPoint(event.getSourceEndPoint().getId());
        String[] to = endPoint(event.getTargetEndPoint().getId());
        connect(from, to);
    }

    private void connect(String[] from, String[] to) {
        if (!state.isEditable() || from == null || to == null || !DiagramView.INPUT.equals(to[1])) {
            rebuild();
            return;
        }
        if (!edit(() -> draft().connect(from[0], from[1], to[0]))) {
            Messages.error(null, Messages.text("workflow.connectRefused"));
            rebuild();
        }
    }

    public void onDisconnect(DisconnectEvent event) {
        String[] from = endPoint(event.getSourceEndPoint().getId());
        String[] to = endPoint(event.getTargetEndPoint().getId());
        if (!state.isEditable() || from == null || to == null) {
            rebuild();
            return;
        }
        edit(() -> draft().disconnect(from[0], from[1], to[0]));
    }

    public void onConnectionChange(ConnectionChangeEvent event) {
        String[] oldFrom = endPoint(event.getOriginalSourceEndPoint().getId());
        String[] oldTo = endPoint(event.getOriginalTargetEndPoint().getId());
        String[] from = endPoint(event.getNewSourceEndPoint().getId());
        String[] to = endPoint(event.getNewTargetEndPoint().getId());
        if (!state.isEditable() || oldFrom == null || oldTo == null || from == null || to == null) {
            rebuild();
            return;
        }
        String before = draft().toJson();
        if (!edit(() -> {
            draft().disconnect(oldFrom[0], oldFrom[1], oldTo[0]);
            return draft().connect(from[0], from[1], to[0]);
        })) {
            state.setDraft(DiagramDraft.parse(before));
            Messages.error(null, Messages.text("workflow.connectRefused"));
            rebuild();
        }
    }

    public void onMove(PositionChangeEvent event) {
        String id = event.getElement() == null ? null : event.getElement().getId();
        if (!state.isEditable() || id == null) {
            return;
        }
        edit(() -> draft().move(id, pixels(event.getX()), pixels(event.getY())));
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
        return colon <= 0 || colon == id.length() - 1
                ? null
                : new String[] {id.substring(0, colon), id.substring(colon + 1)};
    }

    public void undo() {
        if (undo.isEmpty() || !state.isEditable()) {
            return;
        }
        state.setDraft(DiagramDraft.parse(undo.pop()));
        save();
        Messages.info("workflow.undone");
    }

    public boolean isUndoable() {
        return !undo.isEmpty() && state.isEditable();
    }

    /**
     * One change of the diagram: when {@code change} says it changed something, the version before it becomes
     * an undo step and the diagram is saved; otherwise nothing is kept.
     */
    public boolean edit(BooleanSupplier change) {
        String before = draft().toJson();
        if (!change.getAsBoolean()) {
            return false;
        }
        push(before);
        save();
        return true;
    }

    private void remember() {
        push(draft().toJson());
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
            draft().setName(campaigns.get(state.getCampaignId()).getLabel());
            flows.saveDiagram(state.getCampaignId(), draft().toJson());
        } catch (CampaignException e) {
            CampaignUi.show(null, e);
        } catch (WorkflowException e) {
            e.texts().forEach(p -> Messages.error(null, Messages.text(p)));
        }
        rebuild();
    }
}
