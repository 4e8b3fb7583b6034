package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.COMPILER;
import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static io.crosscast.audience.condition.CompilerFixture.placeholders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour rules: what a recipient did with a delivery, as correlated subqueries on the ledger and the logs. */
class BehaviourConditionCompilerTest {

    private static final String SENT = "EXISTS (SELECT 1 FROM delivery_message dm WHERE dm.delivery_id = ?"
            + " AND dm.recipient_id = r.id AND dm.status NOT IN ('PENDING', 'FAILED', 'EXCLUDED'))";
    private static final String FAILED = "EXISTS (SELECT 1 FROM delivery_message dm WHERE dm.delivery_id = ?"
            + " AND dm.recipient_id = r.id AND dm.status = 'FAILED')";
    private static final String OPEN = "EXISTS (SELECT 1 FROM tracking_log tl WHERE tl.delivery_id = ?"
            + " AND tl.recipient_id = r.id AND tl.type = 'OPEN')";
    private static final String CLICKED = "EXISTS (SELECT 1 FROM tracking_log tl WHERE tl.delivery_id = ?"
            + " AND tl.recipient_id = r.id AND tl.type = 'CLICK')";
    /** One subquery per log type, never an IN-list (H2 would scan the delivery's logs for every recipient). */
    private static final String OPENED = "(" + OPEN + " OR " + CLICKED + ")";

    private static Rule delivery(Operator operator, String... values) {
        return Rule.of(RecipientField.DELIVERY, operator, values);
    }

    private static CompileContext incoming(long id) {
        return CompileContext.withIncomingDelivery(id);
    }

    @Test
    void sentMeansTheMessageLeftFailedMeansItCouldNot() {
        assertCompiles(SENT, List.of(12L), delivery(Operator.SENT, "12"));
        assertCompiles(FAILED, List.of(12L), delivery(Operator.FAILED, " 12 "));
    }

    @Test
    void openedCountsClicksTooBecauseAClickImpliesAnOpen() {
        assertCompiles(OPENED, List.of(5L, 5L), delivery(Operator.OPENED, "5"));
        assertCompiles(OPENED, List.of(5L, 5L), delivery(Operator.OPENED_OR_CLICKED, "5"));
        assertCompiles(CLICKED, List.of(5L), delivery(Operator.CLICKED, "5"));
    }

    @Test
    void peopleOnlyCountsTheLogsAPersonMade() {
        String person = " AND tl.actor = 'PERSON')";
        String personOpen = OPEN.substring(0, OPEN.length() - 1) + person;
        String personClick = CLICKED.substring(0, CLICKED.length() - 1) + person;
        assertCompiles(
                "(" + personOpen + " OR " + personClick + ")",
                List.of(5L, 5L),
                delivery(Operator.OPENED_PEOPLE_ONLY, "5"));
        assertCompiles(
                "(" + personOpen + " OR " + personClick + ")",
                List.of(5L, 5L),
                delivery(Operator.OPENED_OR_CLICKED_PEOPLE_ONLY, "5"));
        assertCompiles(personClick, List.of(5L), delivery(Operator.CLICKED_PEOPLE_ONLY, "5"));
        assertCompiles(
                "(" + SENT + " AND NOT " + personOpen + " AND NOT " + personClick + ")",
                List.of(7L, 7L, 7L),
                delivery(Operator.NEITHER_OPENED_NOR_CLICKED_PEOPLE_ONLY, "7"));
        assertCompiles(
                "(" + SENT + " AND NOT " + personClick + ")",
                List.of(7L, 7L),
                delivery(Operator.DID_NOT_CLICK_PEOPLE_ONLY, "7"));
        assertTrue(delivery(Operator.CLICKED_PEOPLE_ONLY, "7").readsActors());
        assertFalse(delivery(Operator.CLICKED, "7").readsActors(), "old conditions keep meaning every hit");
        assertTrue(Group.and(delivery(Operator.SENT, "1"), delivery(Operator.DID_NOT_CLICK_PEOPLE_ONLY))
                .readsActors());
    }

    @Test
    void theNegativeOnesRequireTheMessageToHaveLeft() {
        assertCompiles(
                "(" + SENT + " AND NOT " + OPEN + " AND NOT " + CLICKED + ")",
                List.of(7L, 7L, 7L),
                delivery(Operator.NEITHER_OPENED_NOR_CLICKED, "7"));
        assertCompiles(
                "(" + SENT + " AND NOT " + CLICKED + ")", List.of(7L, 7L), delivery(Operator.DID_NOT_CLICK, "7"));
    }

    @Test
    void theCallersAliasIsCorrelatedAndSubqueryAliasesNeverShadowIt() {
        SqlFragment fragment = COMPILER.compile(delivery(Operator.DID_NOT_CLICK, "3"), "rcp");
        assertEquals(
                "(EXISTS (SELECT 1 FROM delivery_message dm WHERE dm.delivery_id = ? AND dm.recipient_id = rcp.id"
                        + " AND dm.status NOT IN ('PENDING', 'FAILED', 'EXCLUDED')) AND NOT EXISTS (SELECT 1 FROM tracking_log tl"
                        + " WHERE tl.delivery_id = ? AND tl.recipient_id = rcp.id AND tl.type = 'CLICK'))",
                fragment.sql());
        fragment = COMPILER.compile(delivery(Operator.NEITHER_OPENED_NOR_CLICKED, "3"), "DM");
        assertTrue(
                fragment.sql()
                        .startsWith("(EXISTS (SELECT 1 FROM delivery_message dm2 WHERE dm2.delivery_id = ?"
                                + " AND dm2.recipient_id = DM.id"),
                fragment.sql());
        assertTrue(
                fragment.sql()
                        .contains("NOT EXISTS (SELECT 1 FROM tracking_log tl WHERE tl.delivery_id = ?"
                                + " AND tl.recipient_id = DM.id AND tl.type = 'OPEN')"),
                fragment.sql());
        fragment = COMPILER.compile(delivery(Operator.CLICKED, "3"), "tl");
        assertEquals(
                "EXISTS (SELECT 1 FROM tracking_log tl2 WHERE tl2.delivery_id = ? AND tl2.recipient_id = tl.id"
                        + " AND tl2.type = 'CLICK')",
                fragment.sql());
    }

    @Test
    void noDeliveryIdMeansTheIncomingDelivery() {
        SqlFragment fragment = COMPILER.compile(delivery(Operator.OPENED), "r", incoming(42));
        assertEquals(OPENED, fragment.sql());
        assertEquals(List.of(42L, 42L), fragment.parameters());
        fragment = COMPILER.compile(delivery(Operator.DID_NOT_CLICK, "  "), "r", incoming(42));
        assertEquals(List.of(42L, 42L), fragment.parameters());
    }

    @Test
    void aDeliveryIdOfTheRuleWinsOverTheIncomingOne() {
        assertEquals(
                List.of(9L),
                COMPILER.compile(delivery(Operator.SENT, "9"), "r", incoming(42))
                        .parameters());
    }

    @Test
    void nestedGroupsWithSeveralBehaviourRulesKeepTheirParametersInOrder() {
        Condition condition = Group.and(
                Rule.of(RecipientField.STATUS, Operator.EQUALS, "gold"),
                Group.or(delivery(Operator.CLICKED, "1"), delivery(Operator.OPENED)),
                Group.and(Group.or(delivery(Operator.NEITHER_OPENED_NOR_CLICKED, "2"), delivery(Operator.FAILED))));
        SqlFragment fragment = COMPILER.compile(condition, "r", incoming(30));
        assertEquals(
                "(r.status = ? AND (" + CLICKED + " OR " + OPENED + ") AND (((" + SENT + " AND NOT " + OPEN
                        + " AND NOT " + CLICKED + ") OR " + FAILED + ")))",
                fragment.sql());
        assertEquals(List.of("GOLD", 1L, 30L, 30L, 2L, 2L, 2L, 30L), fragment.parameters());
        assertEquals(placeholders(fragment.sql()), fragment.parameters().size());
    }

    @Test
    void withoutAnIncomingDeliveryTheCompilerSaysWhereOneIsMissing() {
        Condition condition = Group.and(
                delivery(Operator.SENT, "4"), Group.or(delivery(Operator.OPENED), delivery(Operator.CLICKED, "")));
        InvalidConditionException e =
                assertThrows(InvalidConditionException.class, () -> COMPILER.compile(condition, "r"));
        assertEquals(
                "'delivery opened' needs a delivery: choose one, or place the filter after an email delivery; "
                        + "'delivery clicked' needs a delivery: choose one, or place the filter after an email delivery",
                e.getMessage());
        assertEquals(
                List.of(ProblemCode.NO_INCOMING_DELIVERY, ProblemCode.NO_INCOMING_DELIVERY),
                e.problems().stream().map(ConditionProblem::code).toList());
        assertEquals(List.of(1, 0), e.problems().get(0).path());
        assertEquals(List.of(1, 1), e.problems().get(1).path());
        assertThrows(
                InvalidConditionException.class,
                () -> COMPILER.compile(delivery(Operator.DID_NOT_CLICK), "r", CompileContext.EMPTY));
    }

    @Test
    void theValidatorAcceptsNoDeliveryIdItIsTheCompilersBusiness() {
        assertTrue(ConditionValidator.isValid(delivery(Operator.OPENED)));
        assertTrue(ConditionValidator.isValid(delivery(Operator.OPENED, "")));
        assertTrue(ConditionValidator.isValid(delivery(Operator.OPENED, "12")));
    }

    @Test
    void badDeliveryIdsAndValueCountsAreRefused() {
        assertEquals(
                List.of("delivery id 'abc' is not a number"),
                ConditionValidator.problems(delivery(Operator.CLICKED, "abc")));
        assertEquals(
                List.of("delivery id '1.5' is not a number"),
                ConditionValidator.problems(delivery(Operator.CLICKED, "1.5")));
        assertEquals(
                List.of("delivery id '0' must be a positive number"),
                ConditionValidator.problems(delivery(Operator.SENT, "0")));
        assertEquals(
                List.of("delivery id '-3' must be a positive number"),
                ConditionValidator.problems(delivery(Operator.SENT, "-3")));
        assertEquals(
                List.of("'opened' takes one value or none, got 2 in rule delivery"),
                ConditionValidator.problems(delivery(Operator.OPENED, "1", "2")));
        assertEquals(
                List.of(ProblemCode.NEEDS_AT_MOST_ONE_VALUE),
                ConditionValidator.validate(delivery(Operator.OPENED, "1", "2")).stream()
                        .map(ConditionProblem::code)
                        .toList());
    }

    @Test
    void behaviourOperatorsApplyToTheDeliveryFieldOnly() {
        assertEquals(
                List.of("Operator 'equals' does not apply to field 'delivery' (a delivery's recipients)"),
                ConditionValidator.problems(delivery(Operator.EQUALS, "12")));
        assertEquals(
                List.of("Operator 'opened' does not apply to field 'email' (a text)"),
                ConditionValidator.problems(Rule.of(RecipientField.EMAIL, Operator.OPENED, "12")));
    }

    @ParameterizedTest
    @EnumSource(
            value = Operator.class,
            names = {
                "SENT",
                "FAILED",
                "OPENED",
                "CLICKED",
                "OPENED_OR_CLICKED",
                "NEITHER_OPENED_NOR_CLICKED",
                "DID_NOT_CLICK",
                "OPENED_PEOPLE_ONLY",
                "CLICKED_PEOPLE_ONLY",
                "OPENED_OR_CLICKED_PEOPLE_ONLY",
                "NEITHER_OPENED_NOR_CLICKED_PEOPLE_ONLY",
                "DID_NOT_CLICK_PEOPLE_ONLY"
            })
    void everyBehaviourOperatorRoundTripsThroughJson(Operator operator) {
        Rule withId = delivery(operator, "12");
        String json = "{\"field\":\"delivery\",\"operator\":\"" + operator.jsonName() + "\",\"values\":[\"12\"]}";
        assertEquals(json, ConditionJson.toJson(withId));
        assertEquals(withId, ConditionJson.fromJson(json));
        Rule incoming = delivery(operator);
        assertEquals(incoming, ConditionJson.fromJson(ConditionJson.toJson(incoming)));
        assertEquals(
                incoming,
                ConditionJson.fromJson("{\"field\":\"delivery\",\"operator\":\"" + operator.jsonName() + "\"}"));
    }

    @Test
    void aConditionSaysWhetherItRefersToTheIncomingDelivery() {
        assertTrue(delivery(Operator.OPENED).refersToIncomingDelivery());
        assertTrue(delivery(Operator.SENT, " ").refersToIncomingDelivery());
        assertFalse(delivery(Operator.SENT, "3").refersToIncomingDelivery());
        assertFalse(delivery(Operator.EQUALS).refersToIncomingDelivery());
        assertFalse(Rule.of(RecipientField.EMAIL, Operator.IS_EMPTY).refersToIncomingDelivery());
        assertTrue(Group.or(
                        Rule.of(RecipientField.EMAIL, Operator.IS_EMPTY),
                        Group.and(Group.and(delivery(Operator.CLICKED))))
                .refersToIncomingDelivery());
        assertFalse(Group.or(delivery(Operator.CLICKED, "1"), Group.and()).refersToIncomingDelivery());
    }

    @Test
    void theIncomingDeliveryOfAContext() {
        assertEquals(OptionalLong.empty(), CompileContext.EMPTY.incomingDelivery());
        assertEquals(OptionalLong.of(12), incoming(12).incomingDelivery());
        assertEquals(incoming(12), CompileContext.ofIncomingDelivery(" 12 "));
        assertThrows(IllegalArgumentException.class, () -> incoming(0));
        assertThrows(NullPointerException.class, () -> new CompileContext(null));
        assertThrows(NullPointerException.class, () -> COMPILER.compile(Group.and(), "r", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0", "-4", "D-email", "12a", "99999999999999999999"})
    void dataThatIsNotADeliveryIdGivesNoIncomingDelivery(String text) {
        assertEquals(CompileContext.EMPTY, CompileContext.ofIncomingDelivery(text));
        assertEquals(CompileContext.EMPTY, CompileContext.ofIncomingDelivery(null));
    }
}
