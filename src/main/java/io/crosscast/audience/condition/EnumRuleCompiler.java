package io.crosscast.audience.condition;

import java.util.List;

/**
 * Enum fields: values typed in any case are compared in their stored upper-case form. Empty means NULL
 * or the field's "no value" value (status {@code NONE}), itself bound as a parameter.
 */
final class EnumRuleCompiler implements RuleCompiler {

    @Override
    public SqlFragment compile(Rule rule, RecipientField field, String alias) {
        String column = RuleCompiler.column(field, alias);
        return switch (rule.operator()) {
            case EQUALS -> Comparisons.equal(column, values(rule, field).get(0));
            case NOT_EQUALS -> Comparisons.notEqual(column, values(rule, field).get(0));
            case IN -> Comparisons.in(column, values(rule, field));
            case NOT_IN -> Comparisons.notIn(column, values(rule, field));
            case IS_EMPTY ->
                field.emptyValue()
                        .map(none -> SqlFragment.of("(" + column + " IS NULL OR " + column + " = ?)", none))
                        .orElseGet(() -> SqlFragment.of(column + " IS NULL"));
            case IS_NOT_EMPTY ->
                field.emptyValue()
                        .map(none -> SqlFragment.of("(" + column + " IS NOT NULL AND " + column + " <> ?)", none))
                        .orElseGet(() -> SqlFragment.of(column + " IS NOT NULL"));
            default -> throw RuleCompiler.unexpected(rule);
        };
    }

    /** The stored values, each once, in the order typed. */
    private static List<String> values(Rule rule, RecipientField field) {
        return rule.values().stream()
                .map(value -> RuleValues.enumValue(field, value).orElseThrow(() -> RuleCompiler.unexpected(rule)))
                .distinct()
                .toList();
    }
}
