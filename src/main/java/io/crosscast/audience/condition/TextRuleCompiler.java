package io.crosscast.audience.condition;

import java.util.List;

/**
 * Text fields. Equality compares the value as the field normalises it (email lower-cased against
 * {@code email_key}, country upper-cased, others as typed); searches ({@code contains},
 * {@code starts_with}) ignore case: {@code LOWER(column) LIKE ?} with the value lower-cased and its
 * {@code %}, {@code _} and {@code \} escaped. Empty means NULL or the empty string.
 */
final class TextRuleCompiler implements RuleCompiler {

    private static final String ESCAPE = " ESCAPE '\\'";

    @Override
    public SqlFragment compile(Rule rule, RecipientField field, String alias) {
        String column = RuleCompiler.column(field, alias);
        return switch (rule.operator()) {
            case EQUALS -> Comparisons.equal(column, value(rule, field));
            case NOT_EQUALS -> Comparisons.notEqual(column, value(rule, field));
            case IN -> Comparisons.in(column, values(rule, field));
            case NOT_IN -> Comparisons.notIn(column, values(rule, field));
            case CONTAINS ->
                SqlFragment.of(
                        lowered(column, field) + " LIKE ?" + ESCAPE,
                        "%" + RuleValues.likeLiteral(rule.values().get(0)) + "%");
            case NOT_CONTAINS ->
                SqlFragment.of(
                        "(" + column + " IS NULL OR " + lowered(column, field) + " NOT LIKE ?" + ESCAPE + ")",
                        "%" + RuleValues.likeLiteral(rule.values().get(0)) + "%");
            case STARTS_WITH ->
                SqlFragment.of(
                        lowered(column, field) + " LIKE ?" + ESCAPE,
                        RuleValues.likeLiteral(rule.values().get(0)) + "%");
            case IS_EMPTY -> SqlFragment.of("(" + column + " IS NULL OR " + column + " = '')");
            case IS_NOT_EMPTY -> SqlFragment.of("(" + column + " IS NOT NULL AND " + column + " <> '')");
            default -> throw RuleCompiler.unexpected(rule);
        };
    }

    /** The column lower-cased for a search, unless it holds lower-case values already ({@code email_key}). */
    private static String lowered(String column, RecipientField field) {
        return field.valueCase() == RecipientField.ValueCase.LOWER ? column : "LOWER(" + column + ")";
    }

    private static String value(Rule rule, RecipientField field) {
        return RuleValues.text(field, rule.values().get(0));
    }

    /** The normalised values, each once, in the order typed. */
    private static List<String> values(Rule rule, RecipientField field) {
        return rule.values().stream()
                .map(value -> RuleValues.text(field, value))
                .distinct()
                .toList();
    }
}
