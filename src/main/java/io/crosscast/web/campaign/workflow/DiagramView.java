package io.crosscast.web.campaign.workflow;

import io.crosscast.workflow.RunView;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import org.primefaces.model.diagram.Connection;
import org.primefaces.model.diagram.DefaultDiagramModel;
import org.primefaces.model.diagram.Element;
import org.primefaces.model.diagram.connector.FlowChartConnector;
import org.primefaces.model.diagram.endpoint.DotEndPoint;
import org.primefaces.model.diagram.endpoint.EndPoint;
import org.primefaces.model.diagram.endpoint.EndPointAnchor;
import org.primefaces.model.diagram.endpoint.RectangleEndPoint;
import org.primefaces.model.diagram.overlay.ArrowOverlay;
import org.primefaces.model.diagram.overlay.LabelOverlay;

/**
 * Builds the PrimeFaces diagram model of a draft: one element per box (its {@link Node} as data, placed at its
 * position), an input end point on the left, one output end point per output on the right (labelled when
 * there are several), and one connection per arrow with the count of the run's transition as its label.
 * End point ids are {@code activity:in} and {@code activity:output}, so the editor reads connections back.
 */
final class DiagramView {

    /** Where output end points go, in order (a box has few outputs; a 20-branch Fork shares places). */
    private static final List<EndPointAnchor> OUTPUT_ANCHORS = List.of(
            EndPointAnchor.RIGHT,
            EndPointAnchor.TOP_RIGHT,
            EndPointAnchor.BOTTOM_RIGHT,
            EndPointAnchor.BOTTOM,
            EndPointAnchor.TOP,
            EndPointAnchor.BOTTOM_LEFT);

    private static final List<EndPointAnchor> SEVERAL_ANCHORS = List.of(
            EndPointAnchor.TOP_RIGHT,
            EndPointAnchor.RIGHT,
            EndPointAnchor.BOTTOM_RIGHT,
            EndPointAnchor.BOTTOM,
            EndPointAnchor.TOP,
            EndPointAnchor.BOTTOM_LEFT);

    static final String INPUT = "in";

    /** What one box shows: its label, type, icon, and where its activity stands in the run. */
    public record Node(
            String id,
            String type,
            String label,
            String typeLabel,
            String icon,
            String phase,
            String phaseLabel,
            String detail)
            implements Serializable {

        /** CSS class of the phase: cc-phase-none when the box is not part of the run. */
        public String phaseClass() {
            return "cc-phase-" + (phase == null ? "none" : phase);
        }
    }

    private DiagramView() {}

    /** Longest output label shown whole on the canvas (a label wraps on a few lines beside its dot). */
    static final int MAX_OUTPUT_LABEL = 48;

    /** What an output end point says: a Split subset's label (or number), else the output's name. */
    static String outputLabel(DiagramDraft.Box box, String output) {
        if (output.startsWith("subset")) {
            String label = box.getConfig().get("subset." + output.substring("subset".length()) + ".label");
            String text = label == null || label.isBlank() ? output.substring("subset".length()) : label.strip();
            return text.length() <= MAX_OUTPUT_LABEL ? text : text.substring(0, MAX_OUTPUT_LABEL - 1) + "…";
        }
        return output;
    }

    /**
     * @param outputs a box's outputs with its settings
     * @param node what a box shows
     * @param run the run whose counts to show, or null
     * @param editable whether boxes move and end points take new connections
     */
    static DefaultDiagramModel model(
            DiagramDraft draft,
            Function<DiagramDraft.Box, List<String>> outputs,
            Function<DiagramDraft.Box, Node> node,
            RunView run,
            boolean editable,
            Function<Long, String> count) {
        DefaultDiagramModel model = new DefaultDiagramModel();
        model.setMaxConnections(-1);
        model.setConnectionsDetachable(editable);
        FlowChartConnector connector = new FlowChartConnector();
        connector.setPaintStyle("{stroke:'#64748b', strokeWidth:2}");
        connector.setHoverPaintStyle("{stroke:'#2563eb', strokeWidth:3}");
        connector.setCornerRadius(6);
        model.setDefaultConnector(connector);
        model.getDefaultConnectionOverlays().add(new ArrowOverlay(12, 12, 1, 1));
        for (DiagramDraft.Box box : draft.getBoxes()) {
            Node shown = node.apply(box);
            Element element = new Element(shown, box.getX() + "px", box.getY() + "px");
            element.setId(box.getId());
            element.setDraggable(editable);
            element.setStyleClass("cc-node-box " + shown.phaseClass());
            if (!"start".equals(box.getType())) {
                EndPoint in = new RectangleEndPoint(EndPointAnchor.LEFT);
                in.setId(box.getId() + ":" + INPUT);
                in.setTarget(editable);
                in.setMaxConnections(-1);
                in.setStyleClass("cc-endpoint-in");
                element.addEndPoint(in);
            }
            List<String> names = outputs.apply(box);
            List<EndPointAnchor> anchors = names.size() == 1 ? OUTPUT_ANCHORS : SEVERAL_ANCHORS;
            for (int i = 0; i < names.size(); i++) {
                DotEndPoint out = new DotEndPoint(anchors.get(i % anchors.size()));
                out.setId(box.getId() + ":" + names.get(i));
                out.setSource(editable);
                out.setMaxConnections(1);
                out.setRadius(6);
                out.setStyleClass("cc-endpoint-out");
                if (names.size() > 1) {
                    out.getOverlays().add(new LabelOverlay(outputLabel(box, names.get(i)), "cc-output-label", 2.2));
                }
                element.addEndPoint(out);
            }
            model.addElement(element);
        }
        List<DiagramDraft.Arrow> arrows = draft.getArrows();
        for (int i = 0; i < arrows.size(); i++) {
            DiagramDraft.Arrow arrow = arrows.get(i);
            Element from = model.findElement(arrow.from());
            Element to = model.findElement(arrow.to());
            EndPoint source = from == null ? null : model.findEndPoint(from, arrow.from() + ":" + arrow.output());
            EndPoint target = to == null ? null : model.findEndPoint(to, arrow.to() + ":" + INPUT);
            if (source == null || target == null) {
                continue;
            }
            Connection connection = new Connection(source, target);
            RunView.TransitionView transition =
                    run == null ? null : run.transitions().get(arrow.id());
            String label = transition == null
                    ? ""
                    : transition.skipped() ? "–" : transition.fired() ? count.apply(transition.count()) : "";
            // A Start's transition only triggers what follows (an empty population): no count on it.
            boolean fromStart = "start"
                    .equals(draft.box(arrow.from())
                            .map(DiagramDraft.Box::getType)
                            .orElse(""));
            if (!label.isEmpty() && !fromStart) {
                // From a box of several outputs, the count goes near the target, clear of the output's label.
                double location = from == null || from.getEndPoints().size() <= 2 ? 0.5 : 0.85;
                connection.getOverlays().add(new LabelOverlay(label, "cc-count cc-t-" + i, location));
            }
            model.connect(connection);
        }
        return model;
    }
}
