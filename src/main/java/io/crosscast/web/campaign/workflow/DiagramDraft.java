package io.crosscast.web.campaign.workflow;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.TransitionDefinition;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.workflow.WorkflowDocument;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The diagram being drawn in the "Targeting and workflows" tab: boxes with their position and settings,
 * and arrows from an output of one box to another box. It is read from and written to the workflow document of
 * docs/WORKFLOW-FORMAT.md by the format's reader and writer ({@link WorkflowDocument}), and may be unfinished:
 * only Start checks that it can run. Each change returns whether something changed, so the editor can keep an
 * undo step only for real changes.
 */
public final class DiagramDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One box. {@code config} holds the settings as the document does (a condition as JSON text). */
    public static final class Box implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String id;
        private final String type;
        private String label;
        private int x;
        private int y;
        private Map<String, String> config;

        Box(String id, String type, String label, int x, int y, Map<String, String> config) {
            this.id = id;
            this.type = type;
            this.label = label == null ? "" : label;
            this.x = x;
            this.y = y;
            this.config = new LinkedHashMap<>(config);
        }

        public String getId() {
            return id;
        }

        public String getType() {
            return type;
        }

        public String getLabel() {
            return label;
        }

        public int getX() {
            return x;
        }

        public int getY() {
            return y;
        }

        /** A copy of the settings. */
        public Map<String, String> getConfig() {
            return new LinkedHashMap<>(config);
        }
    }

    /** One arrow: from an output of a box to a box. */
    public record Arrow(String from, String output, String to) implements Serializable {
        public Arrow {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(to, "to");
        }

        /** The transition's id in runs: {@code from.output>to}. */
        public String id() {
            return from + "." + output + ">" + to;
        }
    }

    /** Where a box without a position is drawn. */
    private static final WorkflowDocument.Position UNPLACED = new WorkflowDocument.Position(40, 40);

    private String name;
    private final List<Box> boxes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();

    private DiagramDraft(String name) {
        this.name = name == null ? "" : name;
    }

    /**
     * Reads a document; the editor only ever reads what it or the API wrote. An activity without a position is
     * drawn at (40, 40).
     */
    public static DiagramDraft parse(String json) {
        WorkflowDocument document = WorkflowDocument.read(json);
        DiagramDraft draft = new DiagramDraft(document.definition().name());
        for (ActivityDefinition a : document.definition().activities()) {
            WorkflowDocument.Position at = document.positions().getOrDefault(a.id(), UNPLACED);
            draft.boxes.add(new Box(a.id(), a.type(), a.label(), at.x(), at.y(), a.config()));
        }
        for (TransitionDefinition t : document.definition().transitions()) {
            draft.arrows.add(new Arrow(t.fromActivity(), t.fromOutput(), t.toActivity()));
        }
        return draft;
    }

    /** The document, written by the format's writer: conditions as JSON objects, every box with its position. */
    public String toJson() {
        List<ActivityDefinition> activities = new ArrayList<>();
        Map<String, WorkflowDocument.Position> positions = new LinkedHashMap<>();
        for (Box box : boxes) {
            activities.add(new ActivityDefinition(box.id, box.type, box.label, box.config));
            positions.put(box.id, new WorkflowDocument.Position(box.x, box.y));
        }
        List<TransitionDefinition> transitions = arrows.stream()
                .map(a -> new TransitionDefinition(a.id(), a.from(), a.output(), a.to()))
                .toList();
        return new WorkflowDocument(new WorkflowDefinition(name, activities, transitions), positions).toJson();
    }

    public List<Box> getBoxes() {
        return List.copyOf(boxes);
    }

    public List<Arrow> getArrows() {
        return List.copyOf(arrows);
    }

    public Optional<Box> box(String id) {
        return boxes.stream().filter(b -> b.id.equals(id)).findFirst();
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    /** Adds a box of that type at that place; its id is the type followed by the first free number. */
    public Box add(String type, String label, int x, int y) {
        int n = 1;
        while (box(type + n).isPresent()) {
            n++;
        }
        Box box = new Box(type + n, type, label, Math.max(0, x), Math.max(0, y), Map.of());
        boxes.add(box);
        return box;
    }

    /** Removes a box and every arrow touching it. */
    public boolean remove(String id) {
        boolean removed = boxes.removeIf(b -> b.id.equals(id));
        arrows.removeIf(a -> a.from().equals(id) || a.to().equals(id));
        return removed;
    }

    public boolean move(String id, int x, int y) {
        Optional<Box> box = box(id);
        if (box.isEmpty() || box.get().x == Math.max(0, x) && box.get().y == Math.max(0, y)) {
            return false;
        }
        box.get().x = Math.max(0, x);
        box.get().y = Math.max(0, y);
        return true;
    }

    /**
     * Draws an arrow. Refused (false) when an end is unknown, for a loop onto the same box, or when the output
     * already has an arrow (one arrow per output: a Fork makes copies).
     */
    public boolean connect(String from, String output, String to) {
        if (box(from).isEmpty()
                || box(to).isEmpty()
                || from.equals(to)
                || arrows.stream()
                        .anyMatch(a -> a.from().equals(from) && a.output().equals(output))) {
            return false;
        }
        arrows.add(new Arrow(from, output, to));
        return true;
    }

    public boolean disconnect(String from, String output, String to) {
        return arrows.remove(new Arrow(from, output, to));
    }

    /**
     * Changes a box's label and settings, then drops the arrows of outputs it no longer has (a Split with
     * fewer subsets, a delivery without its outbound transition).
     *
     * @param outputs what the box's outputs are with the given settings
     */
    public boolean update(String id, String label, Map<String, String> config, Function<Box, List<String>> outputs) {
        Box box = box(id).orElseThrow(() -> new IllegalArgumentException("No activity " + id));
        box.label = label == null ? "" : label.strip();
        box.config = new LinkedHashMap<>(config);
        List<String> kept = outputs.apply(box);
        arrows.removeIf(a -> a.from().equals(id) && !kept.contains(a.output()));
        return true;
    }

    /** The arrow leaving that output of the box, if any. */
    public Optional<Arrow> arrowFrom(String from, String output) {
        return arrows.stream()
                .filter(a -> a.from().equals(from) && a.output().equals(output))
                .findFirst();
    }
}
