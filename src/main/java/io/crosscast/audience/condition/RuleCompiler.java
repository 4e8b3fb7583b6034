package io.crosscast.audience.condition;

/** Compiles the valid rules of one {@link FieldType}. */
interface RuleCompiler {

    /**
     * The SQL of a rule already checked by {@link ConditionValidator}.
     *
     * @param rule  the rule
     * @param field its field, of this compiler's type
     * @param alias the recipient table's alias, already checked to be a plain identifier
     */
    SqlFragment compile(Rule rule, RecipientField field, String alias);

    /** {@code alias.column} of the field. */
    static String column(RecipientField field, String alias) {
        return alias + "." + field.column();
    }

    /** A rule the validator should have refused: a bug, not a marketer's mistake. */
    static IllegalStateException unexpected(Rule rule) {
        return new IllegalStateException("Rule not validated: " + rule);
    }
}
