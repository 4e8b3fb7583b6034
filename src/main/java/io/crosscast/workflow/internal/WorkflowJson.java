package io.crosscast.workflow.internal;

import static io.crosscast.platform.JsonValues.JSON;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.TransitionDefinition;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.platform.JsonValues;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The JSON document of a workflow (docs/WORKFLOW-FORMAT.md), its one reader and writer (the diagram editor's too,
 * through {@code io.crosscast.workflow.WorkflowDocument}):
 * <pre>{"name": "...",
 *  "activities": [{"id": "query", "type": "query", "label": "Gold members", "x": 120, "y": 80,
 *                  "config": {"condition": {"field": "status", "operator": "equals", "values": ["GOLD"]}}}],
 *  "transitions": [{"id": "t1", "from": "start", "output": "out", "to": "query"}]}</pre>
 * Config values are text for the engine; a JSON object or array given as a value (a condition) is kept as
 * its JSON text and written back as JSON. Positions (x, y) are the diagram's and do not reach the engine.
 */
public final class WorkflowJson {

    private WorkflowJson() {}

    /** Reads a document to run; a malformed one is refused with a message saying what is wrong. */
    public static WorkflowDefinition parse(String json) {
        JsonObject root = read(json);
        return definition(root, text(root, "name", "workflow"), new LinkedHashMap<>());
    }

    /**
     * Reads a document to draw: as {@link #parse}, but a name that is missing or not a text reads as empty (a
     * diagram not named yet); the positions of the activities that have both {@code x} and {@code y} are put into
     * {@code positions} (activity id -> x, y).
     */
    public static WorkflowDefinition drawing(String json, Map<String, int[]> positions) {
        JsonObject root = read(json);
        return definition(root, root.getString("name", ""), positions);
    }

    /** The definition of a document named {@code name}; the positions of its activities put into {@code positions}. */
    private static WorkflowDefinition definition(JsonObject root, String name, Map<String, int[]> positions) {
        List<ActivityDefinition> activities = new ArrayList<>();
        for (JsonValue value : array(root, "activities")) {
            JsonObject a = object(value, "activity");
            JsonObject config = a.containsKey("config") ? object(a.get("config"), "config") : null;
            String id = text(a, "id", null);
            activities.add(new ActivityDefinition(
                    id, text(a, "type", null), a.getString("label", ""), JsonValues.texts(config)));
            if (a.get("x") instanceof JsonNumber x && a.get("y") instanceof JsonNumber y) {
                positions.put(id, new int[] {x.intValue(), y.intValue()});
            }
        }
        List<TransitionDefinition> transitions = new ArrayList<>();
        for (JsonValue value : array(root, "transitions")) {
            JsonObject t = object(value, "transition");
            String from = text(t, "from", null);
            String output = t.getString("output", "out");
            String to = text(t, "to", null);
            transitions.add(new TransitionDefinition(t.getString("id", defaultId(from, output, to)), from, output, to));
        }
        return new WorkflowDefinition(name, activities, transitions);
    }

    /** The id of a transition that has none: {@code from.output>to}. */
    private static String defaultId(String from, String output, String to) {
        return from + "." + output + ">" + to;
    }

    /**
     * Every value of a document whose JSON type is not the one of the format, each as
     * {@code "/activities/1/label: expected a string, got the number 5."} (a JSON pointer, then what is
     * wrong): {@code name}, ids, types, labels, outputs, {@code from} and {@code to} are strings; {@code x}
     * and {@code y} whole numbers (of an {@code int}); {@code activities} and {@code transitions} arrays of
     * objects; {@code config} an object whose values are strings, except a condition ({@code condition},
     * {@code subset.N.condition}), which may also be an object. Optional keys may be null. {@link #parse}
     * is lenient on these (a label that is not a string reads as none), so a document is checked here
     * before it is saved or run; stored documents were. Empty when the document has no such problem, or does
     * not parse at all (then {@link #parse} says why).
     */
    public static List<String> typeProblems(String json) {
        JsonObject root;
        try {
            root = read(json);
        } catch (WorkflowFormatException e) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        expect(root, "name", "", problems, JsonValue.ValueType.STRING);
        array(root, "activities", "", problems, (activity, at) -> {
            expect(activity, "id", at, problems, JsonValue.ValueType.STRING);
            expect(activity, "type", at, problems, JsonValue.ValueType.STRING);
            expect(activity, "label", at, problems, JsonValue.ValueType.STRING);
            wholeNumber(activity, "x", at, problems);
            wholeNumber(activity, "y", at, problems);
            if (expect(activity, "config", at, problems, JsonValue.ValueType.OBJECT)) {
                activity.getJsonObject("config").forEach((key, value) -> {
                    boolean condition = isCondition(key);
                    if (value.getValueType() != JsonValue.ValueType.STRING
                            && !(condition && value.getValueType() == JsonValue.ValueType.OBJECT)) {
                        problems.add(at + "/config/" + JsonValues.pointerStep(key) + ": expected "
                                + (condition
                                        ? "a condition (an object) or a string"
                                        : "a string (settings are text, such as \"true\" or \"3\")")
                                + ", got " + JsonValues.describe(value) + ".");
                    }
                });
            }
        });
        array(root, "transitions", "", problems, (transition, at) -> {
            for (String key : List.of("id", "from", "output", "to")) {
                expect(transition, key, at, problems, JsonValue.ValueType.STRING);
            }
        });
        return problems;
    }

    private static void array(
            JsonObject parent, String key, String at, List<String> problems, BiConsumer<JsonObject, String> each) {
        if (!expect(parent, key, at, problems, JsonValue.ValueType.ARRAY)) {
            return;
        }
        JsonArray items = parent.getJsonArray(key);
        for (int i = 0; i < items.size(); i++) {
            String itemAt = at + "/" + key + "/" + i;
            if (items.get(i).getValueType() == JsonValue.ValueType.OBJECT) {
                each.accept(items.get(i).asJsonObject(), itemAt);
            } else {
                problems.add(itemAt + ": expected an object, got " + JsonValues.describe(items.get(i)) + ".");
            }
        }
    }

    /** Whether {@code key} holds a value of type {@code type}; a problem if it holds another (null: absent). */
    private static boolean expect(
            JsonObject parent, String key, String at, List<String> problems, JsonValue.ValueType type) {
        JsonValue value = parent.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (value.getValueType() == type) {
            return true;
        }
        String expected = switch (type) {
            case STRING -> "a string";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
        problems.add(at + "/" + JsonValues.pointerStep(key) + ": expected " + expected + ", got "
                + JsonValues.describe(value) + ".");
        return false;
    }

    private static void wholeNumber(JsonObject parent, String key, String at, List<String> problems) {
        JsonValue value = parent.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (!(value instanceof JsonNumber number
                && JsonValues.within(number.bigDecimalValue(), Integer.MIN_VALUE, Integer.MAX_VALUE)
                && JsonValues.isWhole(number.bigDecimalValue()))) {
            problems.add(at + "/" + JsonValues.pointerStep(key) + ": expected a whole number from " + Integer.MIN_VALUE
                    + " to " + Integer.MAX_VALUE + ", got " + JsonValues.describe(value) + ".");
        }
    }

    /**
     * Writes a definition, with diagram positions taken from {@code positions} (activity id -> x, y). A transition's
     * id is written when it is not the one a reader gives a transition without id ({@code from.output>to}).
     */
    public static String write(WorkflowDefinition definition, Map<String, int[]> positions) {
        JsonArrayBuilder activities = JSON.createArrayBuilder();
        for (ActivityDefinition a : definition.activities()) {
            JsonObjectBuilder config = JSON.createObjectBuilder();
            // only a condition is written as JSON: any other setting stays text, even one that reads as JSON
            // (a list named "[2024]"), so that the document keeps the types of the format
            a.config()
                    .forEach((key, value) ->
                            config.add(key, isCondition(key) ? jsonOrText(value) : JSON.createValue(value)));
            JsonObjectBuilder activity = JSON.createObjectBuilder()
                    .add("id", a.id())
                    .add("type", a.type())
                    .add("label", a.label() == null ? "" : a.label());
            int[] xy = positions.get(a.id());
            if (xy != null) {
                activity.add("x", xy[0]).add("y", xy[1]);
            }
            activities.add(activity.add("config", config));
        }
        JsonArrayBuilder transitions = JSON.createArrayBuilder();
        for (TransitionDefinition t : definition.transitions()) {
            JsonObjectBuilder transition = JSON.createObjectBuilder();
            if (!t.id().equals(defaultId(t.fromActivity(), t.fromOutput(), t.toActivity()))) {
                transition.add("id", t.id());
            }
            transitions.add(transition
                    .add("from", t.fromActivity())
                    .add("output", t.fromOutput())
                    .add("to", t.toActivity()));
        }
        return JSON.createObjectBuilder()
                .add("name", definition.name())
                .add("activities", activities)
                .add("transitions", transitions)
                .build()
                .toString();
    }

    /** Whether a setting is a condition ({@code condition}, {@code subset.N.condition}). */
    private static boolean isCondition(String key) {
        return key.equals("condition") || key.endsWith(".condition");
    }

    private static JsonValue jsonOrText(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonValues.read(trimmed);
            } catch (JsonException e) {
                return JSON.createValue(value);
            }
        }
        return JSON.createValue(value);
    }

    private static JsonObject read(String json) {
        if (json == null || json.isBlank()) {
            throw new WorkflowFormatException("The workflow document is empty.");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw new WorkflowFormatException("The workflow document is not valid JSON (line "
                    + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException | IllegalStateException e) {
            throw new WorkflowFormatException("The workflow document must be a JSON object.");
        }
    }

    private static JsonArray array(JsonObject root, String key) {
        JsonValue value = root.get(key);
        if (value == null) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new WorkflowFormatException("'" + key + "' must be an array.");
        }
        return value.asJsonArray();
    }

    private static JsonObject object(JsonValue value, String what) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new WorkflowFormatException("Each " + what + " must be a JSON object.");
        }
        return value.asJsonObject();
    }

    private static String text(JsonObject object, String key, String fallback) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (fallback != null) {
                return fallback;
            }
            throw new WorkflowFormatException("'" + key + "' is missing in " + object + ".");
        }
        if (value instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        throw new WorkflowFormatException("'" + key + "' must be a non-empty text in " + object + ".");
    }
}
