package io.crosscast.audience.condition;

/**
 * List membership: a correlated {@code EXISTS} on {@code list_member} with a single bound
 * {@code list_id = ?} (H2 mishandles IN-lists inside correlated subqueries, so there is never one).
 */
final class ListRuleCompiler implements RuleCompiler {

    @Override
    public SqlFragment compile(Rule rule, RecipientField field, String alias) {
        long listId = RuleValues.listId(rule.values().get(0)).orElseThrow(() -> RuleCompiler.unexpected(rule));
        String exists = switch (rule.operator()) {
            case MEMBER_OF_LIST -> "EXISTS";
            case NOT_MEMBER_OF_LIST -> "NOT EXISTS";
            default -> throw RuleCompiler.unexpected(rule);
        };
        String member = SubqueryAlias.avoiding(alias, "lm");
        return SqlFragment.of(
                exists + " (SELECT 1 FROM list_member " + member + " WHERE " + member + ".list_id = ? AND " + member
                        + ".recipient_id = " + RuleCompiler.column(field, alias) + ")",
                listId);
    }
}
