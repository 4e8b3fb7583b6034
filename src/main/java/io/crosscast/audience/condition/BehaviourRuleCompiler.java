package io.crosscast.audience.condition;

/**
 * What a recipient did with one delivery, as correlated subqueries on the recipient's {@code id}:
 * {@code EXISTS} on the send ledger {@code delivery_message dm} for {@code sent} (status SENT, DELIVERED
 * or UNDELIVERED: the message left) and {@code failed} (FAILED), {@code EXISTS} on {@code tracking_log tl}
 * for {@code opened} and {@code opened_or_clicked} (an OPEN or a CLICK log: a click implies an open even
 * when images were blocked and no OPEN was logged) and {@code clicked} (a CLICK log). The negative ones
 * also require the message to have left: {@code neither_opened_nor_clicked} is "sent AND NOT EXISTS an
 * OPEN or CLICK log", {@code did_not_click} "sent AND NOT EXISTS a CLICK log". The delivery id is a bound
 * parameter (once per subquery); the statuses and log types are fixed words of the SQL.
 */
final class BehaviourRuleCompiler {

    private static final String LEFT = "('SENT', 'DELIVERED', 'UNDELIVERED')";
    private static final String OPEN_OR_CLICK = "('OPEN', 'CLICK')";

    /**
     * @param rule       a valid rule of field {@link RecipientField#DELIVERY}
     * @param alias      the recipient table's alias, already checked to be a plain identifier
     * @param deliveryId the delivery: the rule's own, or the incoming one
     */
    SqlFragment compile(Rule rule, String alias, long deliveryId) {
        String ledger = SubqueryAlias.avoiding(alias, "dm");
        String logs = SubqueryAlias.avoiding(alias, "tl");
        String recipientId = RuleCompiler.column(RecipientField.DELIVERY, alias);
        String sent = "EXISTS (SELECT 1 FROM delivery_message " + ledger + " WHERE " + ledger + ".delivery_id = ? AND "
                + ledger + ".recipient_id = " + recipientId + " AND " + ledger + ".status IN " + LEFT + ")";
        String failed = "EXISTS (SELECT 1 FROM delivery_message " + ledger + " WHERE " + ledger + ".delivery_id = ? AND "
                + ledger + ".recipient_id = " + recipientId + " AND " + ledger + ".status = 'FAILED')";
        String openedOrClicked = "EXISTS (SELECT 1 FROM tracking_log " + logs + " WHERE " + logs + ".delivery_id = ? AND "
                + logs + ".recipient_id = " + recipientId + " AND " + logs + ".type IN " + OPEN_OR_CLICK + ")";
        String clicked = "EXISTS (SELECT 1 FROM tracking_log " + logs + " WHERE " + logs + ".delivery_id = ? AND "
                + logs + ".recipient_id = " + recipientId + " AND " + logs + ".type = 'CLICK')";
        return switch (rule.operator()) {
            case SENT -> SqlFragment.of(sent, deliveryId);
            case FAILED -> SqlFragment.of(failed, deliveryId);
            case OPENED, OPENED_OR_CLICKED -> SqlFragment.of(openedOrClicked, deliveryId);
            case CLICKED -> SqlFragment.of(clicked, deliveryId);
            case NEITHER_OPENED_NOR_CLICKED -> SqlFragment.of("(" + sent + " AND NOT " + openedOrClicked + ")",
                    deliveryId, deliveryId);
            case DID_NOT_CLICK -> SqlFragment.of("(" + sent + " AND NOT " + clicked + ")", deliveryId, deliveryId);
            default -> throw RuleCompiler.unexpected(rule);
        };
    }
}
