package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.ConditionJson.CHILDREN;
import static io.crosscast.audience.condition.ConditionJson.FIELD;
import static io.crosscast.audience.condition.ConditionJson.LOGIC;
import static io.crosscast.audience.condition.ConditionJson.OPERATOR;
import static io.crosscast.audience.condition.ConditionJson.TRACKING_LOG;
import static io.crosscast.audience.condition.ConditionJson.VALUES;
import static io.crosscast.platform.JsonValues.JSON;

import io.crosscast.platform.JsonValues;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The strict reading of the JSON form of conditions ({@link ConditionJson}): the shape is checked, every problem of
 * it collected with where it is, and the condition refused with all of them.
 */
final class ConditionReader {

    private static final Set<String> GROUP_KEYS = Set.of(LOGIC, CHILDREN);
    private static final Set<String> RULE_KEYS = Set.of(FIELD, OPERATOR, VALUES);
    private static final Set<String> TRACKING_LOG_KEYS = Set.of(TRACKING_LOG);

    /** The keys that make an object a condition of each kind, in the order messages name them. */
    private static final List<String> KINDS = List.of(LOGIC, FIELD, TRACKING_LOG);

    private ConditionReader() {}

    /** What the kind of condition that {@code key} makes is called in messages. */
    private static String kind(String key) {
        return switch (key) {
            case LOGIC -> "a group";
            case FIELD -> "a rule";
            default -> "a tracking-log condition";
        };
    }

    /** See {@link ConditionJson#fromJson}. */
    static Condition fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw invalid(ProblemCode.EMPTY_JSON, List.of());
        }
        checkStructure(json);
        JsonValue value;
        try {
            value = JsonValues.read(json);
        } catch (JsonParsingException e) {
            throw notJson(e.getLocation(), e);
        } catch (JsonException e) {
            throw notJson(null, e);
        }
        return read(value, new ArrayList<>(), 0);
    }

    /** See {@link ConditionJson#fromJsonObject}. */
    static Condition fromJsonObject(JsonObject json) {
        if (json == null) {
            throw invalid(ProblemCode.EMPTY_JSON, List.of());
        }
        return read(json, new ArrayList<>(), 0);
    }

    /**
     * Streams through the text once before it is read, for what a reader lets pass or handles badly: a
     * key given twice (readers keep one of them), content after the condition (readers ignore it) and
     * absurd nesting (readers recurse). A group level takes two JSON levels (the group and its children),
     * a rule two more (the rule and its values).
     */
    private static void checkStructure(String json) {
        int maxNesting = 2 * ConditionValidator.MAX_DEPTH + 2;
        Deque<Set<String>> keysOfOpenObjects = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            do {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        keysOfOpenObjects.push(new HashSet<>());
                        if (keysOfOpenObjects.size() > maxNesting) {
                            throw invalid(
                                    ProblemCode.TOO_DEEP, List.of(), String.valueOf(ConditionValidator.MAX_DEPTH));
                        }
                    }
                    case END_OBJECT, END_ARRAY -> keysOfOpenObjects.pop();
                    case KEY_NAME -> {
                        if (!keysOfOpenObjects.element().add(parser.getString())) {
                            JsonLocation at = parser.getLocation();
                            throw invalid(
                                    ProblemCode.DUPLICATE_KEY,
                                    List.of(),
                                    parser.getString(),
                                    String.valueOf(at.getLineNumber()),
                                    String.valueOf(at.getColumnNumber()));
                        }
                    }
                    default -> {
                        // a scalar: nothing to track
                    }
                }
            } while (!keysOfOpenObjects.isEmpty());
            if (parser.hasNext()) {
                throw notJson(parser.getLocation(), null);
            }
        } catch (JsonParsingException e) {
            throw notJson(e.getLocation(), e);
        } catch (JsonException | NoSuchElementException e) {
            throw notJson(null, e);
        }
    }

    private static Condition read(JsonValue value, List<Integer> path, int depth) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("A condition must be a JSON object, got " + describe(value), path);
        }
        JsonObject object = value.asJsonObject();
        List<String> kinds = KINDS.stream().filter(object::containsKey).toList();
        if (kinds.size() > 1) {
            throw malformed(
                    "A condition has both '" + kinds.get(0) + "' (" + kind(kinds.get(0)) + ") and '" + kinds.get(1)
                            + "' (" + kind(kinds.get(1)) + ")",
                    path);
        }
        if (kinds.isEmpty()) {
            throw malformed("A condition needs 'logic' (a group), 'field' (a rule) or 'trackingLog'", path);
        }
        return switch (kinds.get(0)) {
            case LOGIC -> readGroup(object, path, depth + 1);
            case FIELD -> readRule(object, path);
            default -> readTrackingLog(object, path);
        };
    }

    /*
     * Reading goes on after a problem, so that a refusal lists every problem of the condition: each part
     * (a key, a child) is read on its own, its problems collected, and the whole is refused at the end.
     */

    private static Group readGroup(JsonObject object, List<Integer> path, int depth) {
        List<ConditionProblem> problems = new ArrayList<>();
        requireOnly(GROUP_KEYS, object, "a group", path, problems);
        Logic logic = attempt(problems, () -> {
            String logicName = string(object, LOGIC, "'logic' must be \"and\" or \"or\"", path);
            return Logic.fromJsonName(logicName)
                    .orElseThrow(() -> malformed("Unknown logic '" + logicName + "' (use \"and\" or \"or\")", path));
        });
        JsonValue children = object.get(CHILDREN);
        if (children == null || children.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(problem("A group needs 'children' (a list of conditions)", path));
            throw new InvalidConditionException(problems);
        }
        if (depth > ConditionValidator.MAX_DEPTH) {
            throw invalid(ProblemCode.TOO_DEEP, path, String.valueOf(ConditionValidator.MAX_DEPTH));
        }
        JsonArray array = children.asJsonArray();
        List<Condition> conditions = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            path.add(i);
            try {
                conditions.add(read(array.get(i), path, depth));
            } catch (InvalidConditionException e) {
                problems.addAll(e.problems());
            } finally {
                path.remove(path.size() - 1);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConditionException(problems);
        }
        return new Group(logic, conditions);
    }

    private static Rule readRule(JsonObject object, List<Integer> path) {
        List<ConditionProblem> problems = new ArrayList<>();
        requireOnly(RULE_KEYS, object, "a rule", path, problems);
        String field = attempt(problems, () -> string(object, FIELD, "'field' must be a string", path));
        String named = field == null ? "?" : field;
        Operator operator = attempt(problems, () -> {
            if (!object.containsKey(OPERATOR)) {
                throw malformed("Rule " + named + " has no 'operator'", path);
            }
            String operatorName = string(object, OPERATOR, "'operator' must be a string in rule " + named, path);
            return Operator.fromJsonName(operatorName)
                    .orElseThrow(() -> invalid(ProblemCode.UNKNOWN_OPERATOR, path, operatorName, named));
        });
        List<String> values = values(object, named, path, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConditionException(problems);
        }
        return new Rule(field, operator, values);
    }

    /** What {@code part} reads, or null with its problems added to {@code problems}. */
    private static <T> T attempt(List<ConditionProblem> problems, Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidConditionException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static TrackingLogRule readTrackingLog(JsonObject object, List<Integer> path) {
        List<ConditionProblem> keyProblems = new ArrayList<>();
        requireOnly(TRACKING_LOG_KEYS, object, "a trackingLog condition", path, keyProblems);
        if (!keyProblems.isEmpty()) {
            throw new InvalidConditionException(keyProblems);
        }
        JsonValue options = object.get(TRACKING_LOG);
        if (options.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("'trackingLog' must be an object of options, got " + describe(options), path);
        }
        Map<String, String> raw = new LinkedHashMap<>();
        List<ConditionProblem> problems = new ArrayList<>();
        options.asJsonObject().forEach((name, option) -> {
            switch (option.getValueType()) {
                case STRING, NUMBER, TRUE, FALSE -> raw.put(name, JsonValues.text(option));
                default ->
                    problems.add(problem(
                            "Option '" + name + "' of trackingLog must be a string, a number" + " or true/false, got "
                                    + describe(option),
                            path));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConditionException(problems);
        }
        return new TrackingLogRule(raw);
    }

    private static List<String> values(
            JsonObject object, String field, List<Integer> path, List<ConditionProblem> problems) {
        JsonValue values = object.get(VALUES);
        if (values == null) {
            return List.of();
        }
        if (values.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(
                    problem("'values' must be a list of strings in rule " + field + ", got " + describe(values), path));
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue value : values.asJsonArray()) {
            if (value instanceof JsonString string) {
                strings.add(string.getString());
            } else {
                problems.add(problem(
                        "Values must be strings (in quotes) in rule " + field + ", got " + describe(value), path));
            }
        }
        return strings;
    }

    private static void requireOnly(
            Set<String> keys, JsonObject object, String what, List<Integer> path, List<ConditionProblem> problems) {
        for (String key : object.keySet()) {
            if (!keys.contains(key)) {
                problems.add(problem("Unknown key '" + key + "' in " + what, path));
            }
        }
    }

    private static String string(JsonObject object, String key, String message, List<Integer> path) {
        if (object.get(key) instanceof JsonString string) {
            return string.getString();
        }
        throw malformed(message, path);
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> value.toString();
            case NULL -> "null";
        };
    }

    private static InvalidConditionException notJson(JsonLocation location, Throwable cause) {
        String line = location == null ? "?" : String.valueOf(location.getLineNumber());
        String column = location == null ? "?" : String.valueOf(location.getColumnNumber());
        return new InvalidConditionException(
                List.of(new ConditionProblem(ProblemCode.INVALID_JSON, List.of(line, column), List.of())), cause);
    }

    private static InvalidConditionException malformed(String what, List<Integer> path) {
        return new InvalidConditionException(List.of(problem(what, path)));
    }

    /** A condition not shaped as it should be: what is wrong (English), where. */
    private static ConditionProblem problem(String what, List<Integer> path) {
        return new ConditionProblem(
                ProblemCode.MALFORMED_CONDITION, List.of(what, ConditionProblem.jsonPointer(path)), path);
    }

    private static InvalidConditionException invalid(ProblemCode code, List<Integer> path, String... arguments) {
        return new InvalidConditionException(List.of(new ConditionProblem(code, List.of(arguments), path)));
    }
}
