package io.crosscast.audience.condition;

import io.crosscast.platform.EnglishTemplate;
import java.util.List;

/**
 * What can be wrong with a condition.
 *
 * <p>Each code documents its arguments, which fill the {@code {0}}, {@code {1}}... of its wordings: in English and
 * French in the workflows' bundle ({@link #key()}, the API's words) and in the web bundles ({@code "problem." +
 * name()}, the condition builder's words).
 */
public enum ProblemCode {

    /** Arguments: field. */
    UNKNOWN_FIELD,
    /** Arguments: operator, field. */
    UNKNOWN_OPERATOR,
    /** Arguments: operator, field, type ({@link FieldType#name()}), type description. */
    OPERATOR_NOT_APPLICABLE,
    /** Arguments: operator, number of values given, field. */
    NEEDS_NO_VALUE,
    /** Arguments: operator, number of values given, field. */
    NEEDS_ONE_VALUE,
    /** Arguments: operator, number of values given, field. */
    NEEDS_TWO_VALUES,
    /** Arguments: operator, number of values given, field. */
    NEEDS_VALUES,
    /** Arguments: operator, number of values given, field. */
    NEEDS_AT_MOST_ONE_VALUE,
    /** Arguments: operator, number of values given, maximum, field. */
    TOO_MANY_VALUES,
    /** Arguments: field. */
    EMPTY_VALUE,
    /** Arguments: value, field. */
    NOT_A_DATE,
    /** Arguments: first date, second date, field. */
    DATES_IN_WRONG_ORDER,
    /** Arguments: value, maximum, field. */
    NOT_A_DAY_COUNT,
    /** Arguments: value, field, allowed values joined with ", ". */
    NOT_AN_ALLOWED_VALUE,
    /** Arguments: value. */
    NOT_A_LIST_ID,
    /** Arguments: value. */
    LIST_ID_NOT_POSITIVE,
    /** Arguments: value. */
    NOT_A_DELIVERY_ID,
    /** Arguments: value. */
    DELIVERY_ID_NOT_POSITIVE,
    /**
     * Found when compiling, not by the validator: the condition refers to the incoming delivery and there is
     * none. Arguments: the rule, e.g. {@code delivery opened} or {@code trackingLog}.
     */
    NO_INCOMING_DELIVERY,
    /**
     * Found when compiling: a rule on an enrichment value ({@code enrichment.<name>}) outside a workflow run.
     * Arguments: the field.
     */
    NO_ENRICHMENT,
    /** Arguments: operator, field (an enrichment value's). */
    ENRICHMENT_OPERATOR,
    /** Arguments: value, field. */
    NOT_A_NUMBER,
    /** Arguments: option, the known options joined with ", ". */
    UNKNOWN_TRACKING_OPTION,
    /** Arguments: value. */
    NOT_A_TRACKING_TYPE,
    /** Arguments: option. */
    EMPTY_TRACKING_OPTION,
    /** Arguments: value. */
    NOT_TRACKING_ACTORS,
    /** Arguments: first day, last day. */
    FROM_AFTER_TO,
    /** Arguments: value, maximum. */
    NOT_A_LOG_COUNT,
    /** Arguments: option, value. */
    NOT_TRUE_OR_FALSE,
    /** Arguments: option, the other option. */
    CONFLICTING_TRACKING_OPTIONS,
    /** Arguments: maximum depth. */
    TOO_DEEP,
    /** Arguments: number of rules, maximum. */
    TOO_MANY_RULES,
    /** Arguments: number of values, maximum. */
    TOO_MANY_VALUES_IN_TOTAL,
    /** No arguments. */
    EMPTY_JSON,
    /** Arguments: key, line, column. */
    DUPLICATE_KEY,
    /** Arguments: line, column. */
    INVALID_JSON,
    /** Arguments: what is wrong (English), where (a JSON pointer such as {@code /children/1}). */
    MALFORMED_CONDITION;

    /** The key of the English wording in the workflows' bundle (the pages word conditions their own way). */
    public String key() {
        return "condition." + name();
    }

    /**
     * The English message for these arguments: the wording of {@link #key()} in the workflows' bundle
     * ({@value EnglishTemplate#TEXTS}), where a workflow's condition problems are worded in every language.
     */
    public String format(List<String> arguments) {
        return EnglishTemplate.text(EnglishTemplate.TEXTS, key(), arguments);
    }
}
