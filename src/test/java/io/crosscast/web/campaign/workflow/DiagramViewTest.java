package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.workflow.RunView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.primefaces.model.diagram.Connection;
import org.primefaces.model.diagram.DefaultDiagramModel;
import org.primefaces.model.diagram.Element;
import org.primefaces.model.diagram.endpoint.EndPoint;
import org.primefaces.model.diagram.overlay.LabelOverlay;
import org.primefaces.model.diagram.overlay.Overlay;

class DiagramViewTest {

    // ---- output labels

    private static DiagramDraft.Box split(Map<String, String> config) {
        DiagramDraft draft = DiagramDraft.parse("""
                {"name": "", "activities": [{"id": "split", "type": "split"}], "transitions": []}""");
        draft.update("split", "", config, box -> List.of());
        return draft.box("split").orElseThrow();
    }

    @Test
    void aSubsetShowsItsLabel() {
        DiagramDraft.Box box = split(Map.of("subset.1.label", "Gold", "subset.2.label", "  Silver "));

        assertEquals("Gold", DiagramView.outputLabel(box, "subset1"));
        assertEquals("Silver", DiagramView.outputLabel(box, "subset2"));
    }

    @Test
    void aSubsetWithoutLabelShowsItsNumber() {
        DiagramDraft.Box box = split(Map.of("subset.1.label", "Gold", "subset.2.label", "  "));

        assertEquals("2", DiagramView.outputLabel(box, "subset2"));
        assertEquals("3", DiagramView.outputLabel(box, "subset3"));
        assertEquals("12", DiagramView.outputLabel(box, "subset12"));
    }

    @Test
    void aLabelShowsWholeUpToFortyEightCharactersThenIsCutWithAnEllipsis() {
        String whole = "Neither opened nor clicked the spring offer mail"; // 48
        DiagramDraft.Box box = split(Map.of(
                "subset.1.label",
                "Neither opened nor clicked",
                "subset.2.label",
                whole,
                "subset.3.label",
                whole + "s and more"));

        assertEquals("Neither opened nor clicked", DiagramView.outputLabel(box, "subset1"));
        assertEquals(whole, DiagramView.outputLabel(box, "subset2"));
        assertEquals(whole.substring(0, 47) + "…", DiagramView.outputLabel(box, "subset3"));
        assertEquals(48, DiagramView.outputLabel(box, "subset3").length());
    }

    @Test
    void otherOutputsShowTheirName() {
        DiagramDraft.Box box = split(Map.of("subset.1.label", "Gold", "complement.label", "Others"));

        assertEquals("complement", DiagramView.outputLabel(box, "complement"));
        assertEquals("out", DiagramView.outputLabel(box, "out"));
        assertEquals("true", DiagramView.outputLabel(box, "true"));
        assertEquals("out2", DiagramView.outputLabel(box, "out2"));
    }

    // ---- the diagram model

    private static final String DOCUMENT = """
            {"name": "", "activities": [
              {"id": "start", "type": "start", "x": 40, "y": 160},
              {"id": "audience", "type": "query", "label": "French", "x": 180, "y": 160},
              {"id": "split", "type": "split", "x": 320, "y": 160,
               "config": {"subset.1.label": "Gold", "subset.2.label": "Silver", "complement": "true"}},
              {"id": "gold", "type": "end", "x": 460, "y": 60},
              {"id": "silver", "type": "end", "x": 460, "y": 160},
              {"id": "others", "type": "end", "x": 460, "y": 260},
              {"id": "wait", "type": "wait", "x": 0, "y": 0}],
             "transitions": [
              {"from": "start", "to": "audience"},
              {"from": "audience", "to": "split"},
              {"from": "split", "output": "subset1", "to": "gold"},
              {"from": "split", "output": "subset2", "to": "silver"},
              {"from": "split", "output": "complement", "to": "others"},
              {"from": "split", "output": "subset9", "to": "wait"},
              {"from": "wait", "to": "start"},
              {"from": "gold", "output": "out", "to": "wait"}]}
            """;

    /** The outputs of each type in DOCUMENT. */
    private static final Function<DiagramDraft.Box, List<String>> OUTPUTS = box -> switch (box.getType()) {
        case "split" -> List.of("subset1", "subset2", "complement");
        case "end" -> List.of();
        default -> List.of("out");
    };

    private static final Function<DiagramDraft.Box, DiagramView.Node> NODE = box -> new DiagramView.Node(
            box.getId(), box.getType(), box.getLabel(), box.getType(), "pi pi-box", null, null, null);

    private static DefaultDiagramModel model(RunView run, boolean editable) {
        return DiagramView.model(DiagramDraft.parse(DOCUMENT), OUTPUTS, NODE, run, editable, count -> "#" + count);
    }

    private static RunView run(Map<String, RunView.TransitionView> transitions) {
        return new RunView(7, 3, "FINISHED", Map.of(), transitions, List.of());
    }

    private static Element element(DefaultDiagramModel model, String id) {
        Element element = model.findElement(id);
        assertNotNull(element, id);
        return element;
    }

    private static List<String> endPointIds(DefaultDiagramModel model, String id) {
        return element(model, id).getEndPoints().stream().map(EndPoint::getId).toList();
    }

    private static Optional<Connection> connection(DefaultDiagramModel model, String sourceEndPoint) {
        return model.getConnections().stream()
                .filter(c -> c.getSource().getId().equals(sourceEndPoint))
                .findFirst();
    }

    private static List<String> countLabels(Connection connection) {
        return connection.getOverlays().stream()
                .filter(LabelOverlay.class::isInstance)
                .map(LabelOverlay.class::cast)
                .filter(o -> o.getStyleClass() != null && o.getStyleClass().contains("cc-count"))
                .map(LabelOverlay::getLabel)
                .toList();
    }

    private static List<String> labels(List<Overlay> overlays) {
        return overlays.stream()
                .filter(LabelOverlay.class::isInstance)
                .map(o -> ((LabelOverlay) o).getLabel())
                .toList();
    }

    @Test
    void everyBoxIsAnElementAtItsPosition() {
        DefaultDiagramModel model = model(null, true);

        assertEquals(
                List.of("start", "audience", "split", "gold", "silver", "others", "wait"),
                model.getElements().stream().map(Element::getId).toList());
        Element split = element(model, "split");
        assertEquals("320px", split.getX());
        assertEquals("160px", split.getY());
        assertEquals("0px", element(model, "wait").getX());
        DiagramView.Node node = (DiagramView.Node) split.getData();
        assertEquals("split", node.id());
    }

    @Test
    void endPointsAreNamedByBoxAndOutput() {
        DefaultDiagramModel model = model(null, true);

        assertEquals(List.of("audience:in", "audience:out"), endPointIds(model, "audience"));
        assertEquals(
                List.of("split:in", "split:subset1", "split:subset2", "split:complement"), endPointIds(model, "split"));
        assertEquals(List.of("gold:in"), endPointIds(model, "gold"));
    }

    @Test
    void aStartHasNoInput() {
        assertEquals(List.of("start:out"), endPointIds(model(null, true), "start"));
    }

    @Test
    void severalOutputsAreLabelled() {
        DefaultDiagramModel model = model(null, true);

        assertEquals(
                List.of("Gold"),
                labels(model.findEndPoint(element(model, "split"), "split:subset1")
                        .getOverlays()));
        assertEquals(
                List.of("complement"),
                labels(model.findEndPoint(element(model, "split"), "split:complement")
                        .getOverlays()));
        assertEquals(
                List.of(),
                labels(model.findEndPoint(element(model, "audience"), "audience:out")
                        .getOverlays()));
    }

    @Test
    void everyArrowWhoseEndsExistIsAConnection() {
        DefaultDiagramModel model = model(null, true);

        // not drawn: split.subset9 (no such output), wait>start (a Start has no input), gold.out (an End has none)
        assertEquals(
                List.of(
                        "start:out>audience:in",
                        "audience:out>split:in",
                        "split:subset1>gold:in",
                        "split:subset2>silver:in",
                        "split:complement>others:in"),
                model.getConnections().stream()
                        .map(c -> c.getSource().getId() + ">" + c.getTarget().getId())
                        .toList());
    }

    @Test
    void anEditableDiagramLetsBoxesMoveAndEndPointsConnect() {
        DefaultDiagramModel model = model(null, true);

        assertTrue(element(model, "audience").isDraggable());
        assertTrue(model.findEndPoint(element(model, "audience"), "audience:in").isTarget());
        assertTrue(
                model.findEndPoint(element(model, "audience"), "audience:out").isSource());
        assertTrue(model.isConnectionsDetachable());
    }

    @Test
    void aReadOnlyDiagramDoesNot() {
        DefaultDiagramModel model = model(null, false);

        assertFalse(element(model, "audience").isDraggable());
        assertFalse(
                model.findEndPoint(element(model, "audience"), "audience:in").isTarget());
        assertFalse(
                model.findEndPoint(element(model, "audience"), "audience:out").isSource());
        assertFalse(model.isConnectionsDetachable());
        assertEquals(5, model.getConnections().size());
    }

    @Test
    void withoutARunNoTransitionShowsACount() {
        DefaultDiagramModel model = model(null, true);

        for (Connection connection : model.getConnections()) {
            assertEquals(
                    List.of(), countLabels(connection), connection.getSource().getId());
        }
    }

    @Test
    void firedTransitionsShowTheirCount() {
        DefaultDiagramModel model = model(
                run(Map.of(
                        "start.out>audience", new RunView.TransitionView(true, false, 0),
                        "audience.out>split", new RunView.TransitionView(true, false, 1200),
                        "split.subset1>gold", new RunView.TransitionView(true, false, 300),
                        "split.subset2>silver", new RunView.TransitionView(false, false, 0))),
                true);

        assertEquals(
                List.of("#1200"), countLabels(connection(model, "audience:out").orElseThrow()));
        assertEquals(
                List.of("#300"), countLabels(connection(model, "split:subset1").orElseThrow()));
        // not run yet, and not in the run at all
        assertEquals(List.of(), countLabels(connection(model, "split:subset2").orElseThrow()));
        assertEquals(
                List.of(), countLabels(connection(model, "split:complement").orElseThrow()));
    }

    @Test
    void aTransitionLeavingAStartShowsNoCount() {
        DefaultDiagramModel model = model(
                run(Map.of(
                        "start.out>audience", new RunView.TransitionView(true, false, 5),
                        "audience.out>split", new RunView.TransitionView(true, false, 5))),
                true);

        assertEquals(List.of(), countLabels(connection(model, "start:out").orElseThrow()));
        assertEquals(
                List.of("#5"), countLabels(connection(model, "audience:out").orElseThrow()));
    }

    @Test
    void aSkippedTransitionShowsADash() {
        DefaultDiagramModel model =
                model(run(Map.of("split.complement>others", new RunView.TransitionView(false, true, 0))), true);

        assertEquals(
                List.of("–"), countLabels(connection(model, "split:complement").orElseThrow()));
    }

    @Test
    void connectionsOfArrowsThatAreNotDrawnDoNotExist() {
        DefaultDiagramModel model =
                model(run(Map.of("wait.out>start", new RunView.TransitionView(true, false, 9))), true);

        assertNull(connection(model, "wait:out").orElse(null));
    }
}
