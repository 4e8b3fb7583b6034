package io.crosscast.audience.condition;

/**
 * What a recipient did with one delivery, as correlated subqueries on the recipient's {@code id}:
 * {@code EXISTS} on the send ledger {@code delivery_message dm} for {@code sent} (status SENT, DELIVERED
 * or UNDELIVERED: the message left) and {@code failed} (FAILED); {@code EXISTS} on {@code tracking_log tl}
 * for {@code clicked} (a CLICK log), and for {@code opened} and {@code opened_or_clicked} an OPEN log OR a
 * CLICK log (a click implies an open even when images were blocked and no OPEN was logged). The negative
 * ones also require the message to have left: {@code neither_opened_nor_clicked} is "sent AND NOT EXISTS
 * an OPEN log AND NOT EXISTS a CLICK log", {@code did_not_click} "sent AND NOT EXISTS a CLICK log".
 *
 * <p>The "people only" operators ({@link Operator#peopleOnly()}) add {@code AND tl.actor = 'PERSON'} to each log
 * subquery: only hits the classifier said a person made count (the last column of
 * {@code ix_tracking_log_delivery}, so the test stays in the index).
 *
 * <p>"The message left" is written {@code dm.status NOT IN ('PENDING', 'FAILED', 'EXCLUDED')}: the ledger's
 * CHECK constraint allows six statuses, the other three being SENT, DELIVERED and UNDELIVERED. Not as the
 * IN-list of those three: H2 looks an IN-list up in an index only on the index's FIRST column, yet costs it as
 * an equality, so it chose {@code ix_delivery_message_pending (delivery_id, status, recipient_id)} and read
 * the whole delivery's ledger for every recipient tested (the seed benchmark's Split stalled for minutes:
 * 200,000 recipients, 45,000 targeted, 500 s for one subset). A NOT IN is no index condition, so H2 looks the
 * row up on the primary key {@code (delivery_id, recipient_id)} and tests the status on the row found.
 *
 * <p>Each log subquery tests one type by equality, never an IN-list: H2 then looks the log up on all three
 * columns of {@code ix_tracking_log_delivery (delivery_id, type, recipient_id)}, where an IN-list on
 * {@code type} makes it scan the whole delivery's logs for every recipient. The delivery id is a bound
 * parameter (once per subquery); the statuses and log types are fixed words of the SQL.
 */
final class BehaviourRuleCompiler {

    /**
     * @param rule       a valid rule of field {@link RecipientField#DELIVERY}
     * @param alias      the recipient table's alias, already checked to be a plain identifier
     * @param deliveryId the delivery: the rule's own, or the incoming one
     */
    SqlFragment compile(Rule rule, String alias, long deliveryId) {
        return compile(rule, alias, deliveryId, CompileContext.EMPTY);
    }

    /**
     * As {@link #compile(Rule, String, long)}; when the context simulates the delivery, the same tests on the
     * simulated run's {@code simulated_hit} rows (a {@code SENT} row for the ledger's sent message, nothing for a
     * failed one).
     */
    SqlFragment compile(Rule rule, String alias, long deliveryId, CompileContext context) {
        String ledger = SubqueryAlias.avoiding(alias, "dm");
        String logs = SubqueryAlias.avoiding(alias, "tl");
        String recipientId = RuleCompiler.column(RecipientField.DELIVERY, alias);
        boolean simulated = context.simulates(deliveryId);
        String ledgerRow = simulated
                ? "EXISTS (SELECT 1 FROM simulated_hit " + ledger + " WHERE " + context.simulationTest(ledger) + ledger
                        + ".delivery_id = ? AND " + ledger + ".recipient_id = " + recipientId + " AND " + ledger
                        + ".type "
                : "EXISTS (SELECT 1 FROM delivery_message " + ledger + " WHERE " + ledger + ".delivery_id = ? AND "
                        + ledger + ".recipient_id = " + recipientId + " AND " + ledger + ".status ";
        String sent = ledgerRow + (simulated ? "= 'SENT')" : "NOT IN ('PENDING', 'FAILED', 'EXCLUDED'))");
        String failed = ledgerRow + "= 'FAILED')";
        String log = "EXISTS (SELECT 1 FROM " + (simulated ? "simulated_hit " : "tracking_log ") + logs + " WHERE "
                + (simulated ? context.simulationTest(logs) : "") + logs + ".delivery_id = ? AND " + logs
                + ".recipient_id = " + recipientId + " AND " + logs + ".type = ";
        String person = rule.operator().peopleOnly() ? " AND " + logs + ".actor = 'PERSON'" : "";
        String open = log + "'OPEN'" + person + ")";
        String click = log + "'CLICK'" + person + ")";
        return switch (rule.operator()) {
            case SENT -> SqlFragment.of(sent, deliveryId);
            case FAILED -> SqlFragment.of(failed, deliveryId);
            case OPENED, OPENED_OR_CLICKED, OPENED_PEOPLE_ONLY, OPENED_OR_CLICKED_PEOPLE_ONLY ->
                SqlFragment.of("(" + open + " OR " + click + ")", deliveryId, deliveryId);
            case CLICKED, CLICKED_PEOPLE_ONLY -> SqlFragment.of(click, deliveryId);
            case NEITHER_OPENED_NOR_CLICKED, NEITHER_OPENED_NOR_CLICKED_PEOPLE_ONLY ->
                SqlFragment.of(
                        "(" + sent + " AND NOT " + open + " AND NOT " + click + ")",
                        deliveryId,
                        deliveryId,
                        deliveryId);
            case DID_NOT_CLICK, DID_NOT_CLICK_PEOPLE_ONLY ->
                SqlFragment.of("(" + sent + " AND NOT " + click + ")", deliveryId, deliveryId);
            default -> throw RuleCompiler.unexpected(rule);
        };
    }
}
