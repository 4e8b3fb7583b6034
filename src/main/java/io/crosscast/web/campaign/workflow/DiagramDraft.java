package io.crosscast.web.campaign.workflow;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The diagram being drawn in the "Targeting and workflows" tab: boxes with their position and settings,
 * and arrows from an output of one box to another box. It reads and writes the workflow document of
 * docs/WORKFLOW-FORMAT.md (conditions as JSON objects, other settings as text), and may be unfinished: only
 * Start checks that it can run. Each change returns whether something changed, so the editor can keep an
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

    private String name;
    private final List<Box> boxes = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();

    private DiagramDraft(String name) {
        this.name = name == null ? "" : name;
    }

    /** Reads a document; the editor only ever reads what it or the API wrote. */
    public static DiagramDraft parse(String json) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        }
        DiagramDraft draft = new DiagramDraft(root.getString("name", ""));
        for (JsonValue value : root.getJsonArray("activities")) {
            JsonObject a = value.asJsonObject();
            Map<String, String> config = new LinkedHashMap<>();
            JsonObject c = a.containsKey("config") ? a.getJsonObject("config") : JsonValue.EMPTY_JSON_OBJECT;
            c.forEach((key, v) -> config.put(key, v instanceof JsonString s ? s.getString() : v.toString()));
            draft.boxes.add(new Box(a.getString("id"), a.getString("type"), a.getString("label", ""),
                    a.getInt("x", 40), a.getInt("y", 40), config));
        }
        for (JsonValue value : root.getJsonArray("transitions")) {
            JsonObject t = value.asJsonObject();
            draft.arrows.add(new Arrow(t.getString("from"), t.getString("output", "out"), t.getString("to")));
        }
        return draft;
    }

    /** The document, conditions written as JSON objects. */
    public String toJson() {
        JsonArrayBuilder activities = Json.createArrayBuilder();
        for (Box box : boxes) {
            JsonObjectBuilder config = Json.createObjectBuilder();
            box.config.forEach((key, value) -> {
                if (isCondition(key) && value.strip().startsWith("{")) {
                    try (JsonReader reader = Json.createReader(new StringReader(value))) {
                        config.add(key, reader.readObject());
                    }
                } else {
                    config.add(key, value);
                }
            });
            activities.add(Json.createObjectBuilder().add("id", box.id).add("type", box.type).add("label", box.label)
                    .add("x", box.x).add("y", box.y).add("config", config));
        }
        JsonArrayBuilder transitions = Json.createArrayBuilder();
        arrows.forEach(a -> transitions.add(Json.createObjectBuilder().add("from", a.from()).add("output", a.output())
                .add("to", a.to())));
        return Json.createObjectBuilder().add("name", name).add("activities", activities)
                .add("transitions", transitions).build().toString();
    }

    static boolean isCondition(String key) {
        return key.equals("condition") || key.endsWith(".condition");
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
        if (box(from).isEmpty() || box(to).isEmpty() || from.equals(to)
                || arrows.stream().anyMatch(a -> a.from().equals(from) && a.output().equals(output))) {
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
    public boolean update(String id, String label, Map<String, String> config,
            Function<Box, List<String>> outputs) {
        Box box = box(id).orElseThrow(() -> new IllegalArgumentException("No activity " + id));
        box.label = label == null ? "" : label.strip();
        box.config = new LinkedHashMap<>(config);
        List<String> kept = outputs.apply(box);
        arrows.removeIf(a -> a.from().equals(id) && !kept.contains(a.output()));
        return true;
    }

    /** The arrow leaving that output of the box, if any. */
    public Optional<Arrow> arrowFrom(String from, String output) {
        return arrows.stream().filter(a -> a.from().equals(from) && a.output().equals(output)).findFirst();
    }
}
