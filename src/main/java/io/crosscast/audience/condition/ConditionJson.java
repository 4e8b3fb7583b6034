package io.crosscast.audience.condition;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON form of conditions, for storage and the API:
 *
 * <pre>
 * {"logic":"and","children":[
 *     {"field":"status","operator":"in","values":["GOLD","SILVER"]},
 *     {"trackingLog":{"type":"click","label":"offer","delivery":12,"inLastDays":7}},
 *     {"logic":"or","children":[]}]}
 * </pre>
 *
 * <p>A group has exactly the keys {@code logic} ({@code "and"} or {@code "or"}) and {@code children};
 * a rule has {@code field} (a {@link RecipientField#publicName()}), {@code operator} (an
 * {@link Operator#jsonName()}) and {@code values} (strings; may be left out when there are none); a
 * tracking-log condition has exactly the key {@code trackingLog}, an object of options
 * ({@link TrackingLogRule}) whose values are strings, numbers or true/false. Reading is strict: unknown
 * or duplicate keys, values that are not strings, content after the condition and more than
 * {@value ConditionValidator#MAX_DEPTH} levels of groups are refused. Reading checks the shape only; an
 * unknown field, a bad value or an unknown tracking-log option still reads, so that a stored condition can
 * be shown with its problems ({@link ConditionValidator}). Writing then reading gives back an equal
 * condition, and reading then writing a document written here gives back the same text.
 */
public final class ConditionJson {

    private static final String LOGIC = "logic";
    private static final String CHILDREN = "children";
    private static final String FIELD = "field";
    private static final String OPERATOR = "operator";
    private static final String VALUES = "values";
    private static final Set<String> GROUP_KEYS = Set.of(LOGIC, CHILDREN);
    private static final String TRACKING_LOG = "trackingLog";
    private static final Set<String> RULE_KEYS = Set.of(FIELD, OPERATOR, VALUES);
    private static final Set<String> TRACKING_LOG_KEYS = Set.of(TRACKING_LOG);
    /** Options written as JSON numbers when their value is a plain whole number. */
    private static final Set<String> NUMBER_OPTIONS = Set.of(TrackingLogRule.DELIVERY, TrackingLogRule.IN_LAST_DAYS,
            TrackingLogRule.AT_LEAST);
    /** Options written as JSON true/false when their value is {@code true} or {@code false}. */
    private static final Set<String> BOOLEAN_OPTIONS = Set.of(TrackingLogRule.NONE);
    private static final Pattern PLAIN_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    /** The key that makes an object a condition of each kind, and what the kind is called in messages. */
    private static final Map<String, String> KINDS = kinds();

    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private ConditionJson() {
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put(LOGIC, "a group");
        kinds.put(FIELD, "a rule");
        kinds.put(TRACKING_LOG, "a tracking-log condition");
        return kinds;
    }

    /** The condition as compact JSON text. */
    public static String toJson(Condition condition) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(text)) {
            writer.writeObject(toJsonObject(condition));
        }
        return text.toString();
    }

    /** The condition as a JSON object, to embed in a larger document. */
    public static JsonObject toJsonObject(Condition condition) {
        if (condition instanceof Group group) {
            JsonArrayBuilder children = BUILDERS.createArrayBuilder();
            group.children().forEach(child -> children.add(toJsonObject(child)));
            return BUILDERS.createObjectBuilder()
                    .add(LOGIC, group.logic().jsonName())
                    .add(CHILDREN, children)
                    .build();
        }
        if (condition instanceof TrackingLogRule tracking) {
            return BUILDERS.createObjectBuilder().add(TRACKING_LOG, options(tracking)).build();
        }
        Rule rule = (Rule) condition;
        JsonArrayBuilder values = BUILDERS.createArrayBuilder();
        rule.values().forEach(values::add);
        return BUILDERS.createObjectBuilder()
                .add(FIELD, rule.field())
                .add(OPERATOR, rule.operator().jsonName())
                .add(VALUES, values)
                .build();
    }

    /**
     * The options of a tracking-log condition: the known ones in {@link TrackingLogRule#OPTIONS} order, then
     * the others as given; plain whole numbers and true/false as JSON numbers and booleans where the option
     * takes one, everything else as a string, so that reading gives back the same raw values.
     */
    private static JsonObjectBuilder options(TrackingLogRule rule) {
        JsonObjectBuilder options = BUILDERS.createObjectBuilder();
        List<String> names = new ArrayList<>();
        TrackingLogRule.OPTIONS.stream().filter(rule.options()::containsKey).forEach(names::add);
        rule.options().keySet().stream().filter(name -> !TrackingLogRule.OPTIONS.contains(name)).forEach(names::add);
        for (String name : names) {
            String value = rule.options().get(name);
            if (NUMBER_OPTIONS.contains(name) && PLAIN_NUMBER.matcher(value).matches()) {
                options.add(name, new BigDecimal(value));
            } else if (BOOLEAN_OPTIONS.contains(name) && (value.equals("true") || value.equals("false"))) {
                options.add(name, Boolean.parseBoolean(value));
            } else {
                options.add(name, value);
            }
        }
        return options;
    }

    /**
     * Reads a condition from JSON text.
     *
     * @throws InvalidConditionException if the text is empty, not JSON, or not shaped like a condition;
     *                                   the message says what and where
     */
    public static Condition fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw invalid(ProblemCode.EMPTY_JSON, List.of());
        }
        checkStructure(json);
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw notJson(e.getLocation(), e);
        } catch (JsonException e) {
            throw notJson(null, e);
        }
        return read(value, new ArrayList<>(), 0);
    }

    /**
     * Reads a condition from a JSON object, e.g. one embedded in a larger document.
     *
     * @throws InvalidConditionException if the object is not shaped like a condition
     */
    public static Condition fromJsonObject(JsonObject json) {
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
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            do {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        keysOfOpenObjects.push(new HashSet<>());
                        if (keysOfOpenObjects.size() > maxNesting) {
                            throw invalid(ProblemCode.TOO_DEEP, List.of(),
                                    String.valueOf(ConditionValidator.MAX_DEPTH));
                        }
                    }
                    case END_OBJECT, END_ARRAY -> keysOfOpenObjects.pop();
                    case KEY_NAME -> {
                        if (!keysOfOpenObjects.element().add(parser.getString())) {
                            JsonLocation at = parser.getLocation();
                            throw invalid(ProblemCode.DUPLICATE_KEY, List.of(), parser.getString(),
                                    String.valueOf(at.getLineNumber()), String.valueOf(at.getColumnNumber()));
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
        List<String> kinds = KINDS.keySet().stream().filter(object::containsKey).toList();
        if (kinds.size() > 1) {
            throw malformed("A condition has both '" + kinds.get(0) + "' (" + KINDS.get(kinds.get(0)) + ") and '"
                    + kinds.get(1) + "' (" + KINDS.get(kinds.get(1)) + ")", path);
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
            return Logic.fromJsonName(logicName).orElseThrow(
                    () -> malformed("Unknown logic '" + logicName + "' (use \"and\" or \"or\")", path));
        });
        JsonValue children = object.get(CHILDREN);
        if (children == null || children.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(malformed("A group needs 'children' (a list of conditions)", path).problems().get(0));
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
    private static <T> T attempt(List<ConditionProblem> problems, java.util.function.Supplier<T> part) {
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
                case STRING -> raw.put(name, ((JsonString) option).getString());
                case NUMBER, TRUE, FALSE -> raw.put(name, option.toString());
                default -> problems.addAll(malformed("Option '" + name + "' of trackingLog must be a string, a number"
                        + " or true/false, got " + describe(option), path).problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConditionException(problems);
        }
        return new TrackingLogRule(raw);
    }

    private static List<String> values(JsonObject object, String field, List<Integer> path,
            List<ConditionProblem> problems) {
        JsonValue values = object.get(VALUES);
        if (values == null) {
            return List.of();
        }
        if (values.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.addAll(malformed("'values' must be a list of strings in rule " + field + ", got "
                    + describe(values), path).problems());
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue value : values.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                problems.addAll(malformed("Values must be strings (in quotes) in rule " + field + ", got "
                        + describe(value), path).problems());
            } else {
                strings.add(((JsonString) value).getString());
            }
        }
        return strings;
    }

    private static void requireOnly(Set<String> keys, JsonObject object, String what, List<Integer> path,
            List<ConditionProblem> problems) {
        for (String key : object.keySet()) {
            if (!keys.contains(key)) {
                problems.addAll(malformed("Unknown key '" + key + "' in " + what, path).problems());
            }
        }
    }

    private static String string(JsonObject object, String key, String message, List<Integer> path) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw malformed(message, path);
        }
        return ((JsonString) value).getString();
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
        return invalid(ProblemCode.MALFORMED_CONDITION, path, what, ConditionProblem.jsonPointer(path));
    }

    private static InvalidConditionException invalid(ProblemCode code, List<Integer> path, String... arguments) {
        return new InvalidConditionException(List.of(new ConditionProblem(code, List.of(arguments), path)));
    }
}
