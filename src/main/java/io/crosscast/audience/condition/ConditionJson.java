package io.crosscast.audience.condition;

import static io.crosscast.platform.JsonValues.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
 * condition, and reading then writing a document written here gives back the same text. Written here, read by
 * {@link ConditionReader}.
 */
public final class ConditionJson {

    static final String LOGIC = "logic";
    static final String CHILDREN = "children";
    static final String FIELD = "field";
    static final String OPERATOR = "operator";
    static final String VALUES = "values";
    static final String TRACKING_LOG = "trackingLog";
    /** Options written as JSON numbers when their value is a plain whole number. */
    private static final Set<String> NUMBER_OPTIONS =
            Set.of(TrackingLogRule.DELIVERY, TrackingLogRule.IN_LAST_DAYS, TrackingLogRule.AT_LEAST);
    /** Options written as JSON true/false when their value is {@code true} or {@code false}. */
    private static final Set<String> BOOLEAN_OPTIONS = Set.of(TrackingLogRule.NONE);

    private static final Pattern PLAIN_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    private ConditionJson() {}

    /** The condition as compact JSON text. */
    public static String toJson(Condition condition) {
        return toJsonObject(condition).toString();
    }

    /** The condition as a JSON object, to embed in a larger document. */
    public static JsonObject toJsonObject(Condition condition) {
        if (condition instanceof Group group) {
            JsonArrayBuilder children = JSON.createArrayBuilder();
            group.children().forEach(child -> children.add(toJsonObject(child)));
            return JSON.createObjectBuilder()
                    .add(LOGIC, group.logic().jsonName())
                    .add(CHILDREN, children)
                    .build();
        }
        if (condition instanceof TrackingLogRule tracking) {
            return JSON.createObjectBuilder()
                    .add(TRACKING_LOG, options(tracking))
                    .build();
        }
        Rule rule = (Rule) condition;
        JsonArrayBuilder values = JSON.createArrayBuilder();
        rule.values().forEach(values::add);
        return JSON.createObjectBuilder()
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
        JsonObjectBuilder options = JSON.createObjectBuilder();
        List<String> names = new ArrayList<>();
        TrackingLogRule.OPTIONS.stream().filter(rule.options()::containsKey).forEach(names::add);
        rule.options().keySet().stream()
                .filter(name -> !TrackingLogRule.OPTIONS.contains(name))
                .forEach(names::add);
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
        return ConditionReader.fromJson(json);
    }

    /**
     * Reads a condition from a JSON object, e.g. one embedded in a larger document.
     *
     * @throws InvalidConditionException if the object is not shaped like a condition
     */
    public static Condition fromJsonObject(JsonObject json) {
        return ConditionReader.fromJsonObject(json);
    }
}
