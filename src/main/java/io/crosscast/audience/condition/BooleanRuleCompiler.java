package io.crosscast.audience.condition;

/**
 * Yes/no fields. A stored flag is compared with a bound {@link Boolean}, NULL counting as false; a flag
 * derived from a timestamp ({@code emailQuarantined}) is true when the timestamp is set.
 */
final class BooleanRuleCompiler implements RuleCompiler {

    @Override
    public SqlFragment compile(Rule rule, RecipientField field, String alias) {
        String column = RuleCompiler.column(field, alias);
        boolean wanted = switch (rule.operator()) {
            case IS_TRUE -> true;
            case IS_FALSE -> false;
            default -> throw RuleCompiler.unexpected(rule);
        };
        if (field.isDerivedFromTimestamp()) {
            return SqlFragment.of(column + (wanted ? " IS NOT NULL" : " IS NULL"));
        }
        return wanted
                ? SqlFragment.of(column + " = ?", Boolean.TRUE)
                : SqlFragment.of("(" + column + " IS NULL OR " + column + " = ?)", Boolean.FALSE);
    }
}
