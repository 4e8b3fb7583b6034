package io.crosscast.audience.condition;

import io.crosscast.platform.EnglishTemplate;
import java.util.List;

/**
 * What can be wrong with a condition, with the English wording of each problem.
 *
 * <p>Each code documents its arguments; a translation can key on {@code "condition.problem." + name()}
 * and use the same {@code {0}}, {@code {1}}... placeholders as {@link #englishTemplate()}.
 */
public enum ProblemCode {

    /** Arguments: field. */
    UNKNOWN_FIELD("Unknown field '{0}'"),
    /** Arguments: operator, field. */
    UNKNOWN_OPERATOR("Unknown operator '{0}' in rule {1}"),
    /** Arguments: operator, field, type ({@link FieldType#name()}), type description. */
    OPERATOR_NOT_APPLICABLE("Operator '{0}' does not apply to field '{1}' ({3})"),
    /** Arguments: operator, number of values given, field. */
    NEEDS_NO_VALUE("'{0}' takes no value, got {1} in rule {2}"),
    /** Arguments: operator, number of values given, field. */
    NEEDS_ONE_VALUE("'{0}' needs one value, got {1} in rule {2}"),
    /** Arguments: operator, number of values given, field. */
    NEEDS_TWO_VALUES("'{0}' needs two values, got {1} in rule {2}"),
    /** Arguments: operator, number of values given, field. */
    NEEDS_VALUES("'{0}' needs at least one value, got {1} in rule {2}"),
    /** Arguments: operator, number of values given, field. */
    NEEDS_AT_MOST_ONE_VALUE("'{0}' takes one value or none, got {1} in rule {2}"),
    /** Arguments: operator, number of values given, maximum, field. */
    TOO_MANY_VALUES("'{0}' takes at most {2} values, got {1} in rule {3}"),
    /** Arguments: field. */
    EMPTY_VALUE("A value is empty in rule {0} (use 'is_empty' to find recipients without one)"),
    /** Arguments: value, field. */
    NOT_A_DATE("'{0}' is not a date (expected yyyy-MM-dd) in rule {1}"),
    /** Arguments: first date, second date, field. */
    DATES_IN_WRONG_ORDER("'between' dates are in the wrong order ('{0}' is after '{1}') in rule {2}"),
    /** Arguments: value, maximum, field. */
    NOT_A_DAY_COUNT("'{0}' is not a number of days (a whole number from 0 to {1}) in rule {2}"),
    /** Arguments: value, field, allowed values joined with ", ". */
    NOT_AN_ALLOWED_VALUE("'{0}' is not a {1} ({2})"),
    /** Arguments: value. */
    NOT_A_LIST_ID("list id '{0}' is not a number"),
    /** Arguments: value. */
    LIST_ID_NOT_POSITIVE("list id '{0}' must be a positive number"),
    /** Arguments: value. */
    NOT_A_DELIVERY_ID("delivery id '{0}' is not a number"),
    /** Arguments: value. */
    DELIVERY_ID_NOT_POSITIVE("delivery id '{0}' must be a positive number"),
    /**
     * Found when compiling, not by the validator: the condition refers to the incoming delivery and there is
     * none. Arguments: the rule, e.g. {@code delivery opened} or {@code trackingLog}.
     */
    NO_INCOMING_DELIVERY("'{0}' needs a delivery: choose one, or place the filter after an email delivery"),
    /** Arguments: option, the known options joined with ", ". */
    UNKNOWN_TRACKING_OPTION("Unknown option '{0}' in trackingLog (use {1})"),
    /** Arguments: value. */
    NOT_A_TRACKING_TYPE("'{0}' is not a tracking log type (open, click, unsubscribe or any)"),
    /** Arguments: option. */
    EMPTY_TRACKING_OPTION("'{0}' is empty in trackingLog (leave it out to match any)"),
    /** Arguments: first day, last day. */
    FROM_AFTER_TO("'from' ({0}) is after 'to' ({1}) in trackingLog"),
    /** Arguments: value, maximum. */
    NOT_A_LOG_COUNT("atLeast '{0}' is not a number of logs (a whole number from 1 to {1})"),
    /** Arguments: option, value. */
    NOT_TRUE_OR_FALSE("'{0}' must be true or false, got '{1}' in trackingLog"),
    /** Arguments: option, the other option. */
    CONFLICTING_TRACKING_OPTIONS("'{0}' and '{1}' cannot be used together in trackingLog"),
    /** Arguments: maximum depth. */
    TOO_DEEP("The condition nests groups too deeply (at most {0} levels)"),
    /** Arguments: number of rules, maximum. */
    TOO_MANY_RULES("The condition has {0} rules, at most {1} are allowed"),
    /** Arguments: number of values, maximum. */
    TOO_MANY_VALUES_IN_TOTAL("The condition has {0} values in all, at most {1} are allowed"),
    /** No arguments. */
    EMPTY_JSON("The condition is empty (expected a JSON object)"),
    /** Arguments: key, line, column. */
    DUPLICATE_KEY("The key '{0}' appears twice in the same object (line {1}, column {2})"),
    /** Arguments: line, column. */
    INVALID_JSON("The condition is not valid JSON (line {0}, column {1})"),
    /** Arguments: what is wrong (English), where (a JSON pointer such as {@code /children/1}). */
    MALFORMED_CONDITION("{0} (at {1})");

    private final String englishTemplate;

    ProblemCode(String englishTemplate) {
        this.englishTemplate = englishTemplate;
    }

    /** The English wording, with placeholders {@code {0}}, {@code {1}}... for the arguments. */
    public String englishTemplate() {
        return englishTemplate;
    }

    /**
     * The English message for these arguments. Placeholders are replaced in one pass, so an argument that
     * itself contains {@code {1}} stays as it is.
     */
    public String format(List<String> arguments) {
        return EnglishTemplate.format(englishTemplate, arguments);
    }
}
