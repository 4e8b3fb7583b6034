package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.COMPILER;
import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.TrackingLogRule.LogType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditions on a recipient's tracking logs: compiled SQL, validation and JSON. */
class TrackingLogConditionTest {

    private static final String LOGS = "FROM tracking_log tl WHERE ";

    private static TrackingLogRule.Builder logs() {
        return TrackingLogRule.builder();
    }

    private static TrackingLogRule options(String... pairs) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return new TrackingLogRule(options);
    }

    private static List<String> problems(Condition condition) {
        return ConditionValidator.problems(condition);
    }

    private static String json(String options) {
        return "{\"trackingLog\":" + options + "}";
    }

    private static String jsonProblem(String json) {
        return assertThrows(InvalidConditionException.class, () -> ConditionJson.fromJson(json))
                .getMessage();
    }

    // --- SQL

    @Test
    void withoutOptionsAnyLogOfTheRecipientMatches() {
        assertCompiles("EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id)", List.of(), logs().build());
    }

    @Test
    void actorsPeopleOrMachinesTestWhoMadeTheLogAllOrNoOptionDoNot() {
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ? AND tl.actor = 'PERSON')",
                List.of("CLICK"),
                logs().type(TrackingLogRule.LogType.CLICK)
                        .actors(TrackingLogRule.Actors.PEOPLE)
                        .build());
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ?"
                        + " AND tl.actor IN ('PRIVACY_PROXY', 'SCANNER'))",
                List.of("CLICK"),
                options("type", "click", "actors", " Machines "));
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ?)",
                List.of("CLICK"),
                options("type", "click", "actors", "all"));
        assertTrue(options("actors", "people").readsActors());
        assertFalse(options("actors", "all").readsActors());
        assertFalse(options("type", "click").readsActors(), "a condition written before the option: every log");
        assertEquals(1, problems(options("actors", "robots")).size());
        assertTrue(problems(options("actors", "robots")).get(0).contains("robots"));
        assertEquals(
                "{\"trackingLog\":{\"type\":\"click\",\"actors\":\"people\"}}",
                ConditionJson.toJson(logs().type(TrackingLogRule.LogType.CLICK)
                        .actors(TrackingLogRule.Actors.PEOPLE)
                        .build()));
    }

    @Test
    void eachTypeBindsItsLogTypesOpensCountingClicks() {
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ?)",
                List.of("CLICK"),
                logs().type(LogType.CLICK).build());
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ?)",
                List.of("UNSUBSCRIBE"),
                options("type", " Unsubscribe "));
        assertCompiles(
                "(EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ?)" + " OR EXISTS (SELECT 1 " + LOGS
                        + "tl.recipient_id = r.id AND tl.type = ?))",
                List.of("OPEN", "CLICK"),
                logs().type(LogType.OPEN).build());
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id)",
                List.of(),
                logs().type(LogType.ANY).build());
    }

    @Test
    void everyOptionNarrowsTheLogsWithABoundValue() {
        TrackingLogRule rule = logs().type(LogType.CLICK)
                .urlContains(" Example.com/100%_OFF ")
                .label(" offer ")
                .delivery(12)
                .from(LocalDate.of(2026, 11, 1))
                .to(LocalDate.of(2026, 11, 15))
                .build();
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.delivery_id = ? AND tl.recipient_id = r.id AND tl.type = ?"
                        + " AND LOWER(tl.url) LIKE ? ESCAPE '\\' AND tl.label = ? AND tl.logged_at >= ?"
                        + " AND tl.logged_at < ?)",
                List.of(
                        12L,
                        "CLICK",
                        "%example.com/100\\%\\_off%",
                        "offer",
                        OffsetDateTime.parse("2026-11-01T00:00+01:00"),
                        OffsetDateTime.parse("2026-11-16T00:00+01:00")),
                rule);
    }

    @Test
    void lastDaysCountFromNowLikeTimestampRules() {
        // now is 2026-11-29T11:00 in Paris
        OffsetDateTime weekAgo = OffsetDateTime.parse("2026-11-22T11:00+01:00");
        assertCompiles(
                "(EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ? AND tl.logged_at >= ?)"
                        + " OR EXISTS (SELECT 1 " + LOGS
                        + "tl.recipient_id = r.id AND tl.type = ? AND tl.logged_at >= ?))",
                List.of("OPEN", weekAgo, "CLICK", weekAgo),
                logs().type(LogType.OPEN).inLastDays(7).build());
        assertEquals(
                COMPILER.compile(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "7"), "r")
                        .parameters(),
                COMPILER.compile(logs().inLastDays(7).build(), "r").parameters());
    }

    @Test
    void countsAreExistsNotExistsOrACountedSubquery() {
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id AND tl.type = ?)",
                List.of("CLICK"),
                logs().type(LogType.CLICK).atLeast(1).build());
        assertCompiles(
                "(SELECT COUNT(*) " + LOGS + "tl.recipient_id = r.id AND tl.type = ?) >= ?",
                List.of("CLICK", 3L),
                logs().type(LogType.CLICK).atLeast(3).build());
        assertCompiles(
                "(NOT EXISTS (SELECT 1 " + LOGS + "tl.delivery_id = ? AND tl.recipient_id = r.id AND tl.type = ?)"
                        + " AND NOT EXISTS (SELECT 1 " + LOGS + "tl.delivery_id = ? AND tl.recipient_id = r.id"
                        + " AND tl.type = ?))",
                List.of(4L, "OPEN", 4L, "CLICK"),
                logs().type(LogType.OPEN).delivery(4).none().build());
        assertCompiles(
                "((SELECT COUNT(*) " + LOGS + "tl.recipient_id = r.id AND tl.type = ? AND tl.label = ?)"
                        + " + (SELECT COUNT(*) " + LOGS
                        + "tl.recipient_id = r.id AND tl.type = ? AND tl.label = ?)) >= ?",
                List.of("OPEN", "x", "CLICK", "x", 2L),
                logs().type(LogType.OPEN).label("x").atLeast(2).build());
        assertCompiles(
                "EXISTS (SELECT 1 " + LOGS + "tl.recipient_id = r.id)",
                List.of(),
                options("none", "false", "atLeast", "1"));
    }

    @Test
    void theCallersAliasIsCorrelated() {
        assertEquals(
                "EXISTS (SELECT 1 FROM tracking_log tl WHERE tl.recipient_id = rcp.id)",
                COMPILER.compile(logs().build(), "rcp").sql());
        assertEquals(
                "(SELECT COUNT(*) FROM tracking_log tl2 WHERE tl2.recipient_id = TL.id AND tl2.type = ?) >= ?",
                COMPILER.compile(logs().type(LogType.CLICK).atLeast(2).build(), "TL")
                        .sql());
    }

    @Test
    void theIncomingDeliveryComesFromTheContext() {
        TrackingLogRule rule = logs().type(LogType.CLICK).incomingDelivery().build();
        SqlFragment fragment = COMPILER.compile(rule, "r", CompileContext.withIncomingDelivery(77));
        assertEquals(
                "EXISTS (SELECT 1 " + LOGS + "tl.delivery_id = ? AND tl.recipient_id = r.id AND tl.type = ?)",
                fragment.sql());
        assertEquals(List.of(77L, "CLICK"), fragment.parameters());
        assertEquals(
                List.of(5L),
                COMPILER.compile(logs().delivery(5).build(), "r", CompileContext.withIncomingDelivery(77))
                        .parameters());
        assertEquals(
                List.of(77L),
                COMPILER.compile(options("delivery", " Incoming "), "r", CompileContext.withIncomingDelivery(77))
                        .parameters());
    }

    @Test
    void withoutAnIncomingDeliveryItDoesNotCompile() {
        Condition condition = Group.or(
                Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD"),
                logs().type(LogType.CLICK).incomingDelivery().build(),
                logs().incomingDelivery().build());
        InvalidConditionException e =
                assertThrows(InvalidConditionException.class, () -> COMPILER.compile(condition, "r"));
        assertEquals(
                "'trackingLog click' needs a delivery: choose one, or place the filter after an email delivery; "
                        + "'trackingLog any' needs a delivery: choose one, or place the filter after an email delivery",
                e.getMessage());
        assertEquals(List.of(1), e.problems().get(0).path());
        assertEquals(List.of(2), e.problems().get(1).path());
        assertTrue(ConditionValidator.isValid(condition));
    }

    @Test
    void withBehaviourRulesInNestedGroups() {
        Condition condition = Group.and(
                Rule.of(RecipientField.DELIVERY, Operator.SENT),
                Group.or(
                        logs().type(LogType.CLICK)
                                .label("offer")
                                .incomingDelivery()
                                .build(),
                        Group.and(logs().type(LogType.OPEN).delivery(3).none().build())));
        SqlFragment fragment = COMPILER.compile(condition, "r", CompileContext.withIncomingDelivery(8));
        assertEquals(
                "(EXISTS (SELECT 1 FROM delivery_message dm WHERE dm.delivery_id = ? AND dm.recipient_id = r.id"
                        + " AND dm.status NOT IN ('PENDING', 'FAILED', 'EXCLUDED'))"
                        + " AND (EXISTS (SELECT 1 " + LOGS
                        + "tl.delivery_id = ? AND tl.recipient_id = r.id AND tl.type = ?"
                        + " AND tl.label = ?)"
                        + " OR ((NOT EXISTS (SELECT 1 " + LOGS
                        + "tl.delivery_id = ? AND tl.recipient_id = r.id AND tl.type = ?)"
                        + " AND NOT EXISTS (SELECT 1 " + LOGS + "tl.delivery_id = ? AND tl.recipient_id = r.id"
                        + " AND tl.type = ?)))))",
                fragment.sql());
        assertEquals(List.of(8L, 8L, "CLICK", "offer", 3L, "OPEN", 3L, "CLICK"), fragment.parameters());
        assertTrue(condition.refersToIncomingDelivery());
    }

    @Test
    void aConditionSaysWhetherItRefersToTheIncomingDelivery() {
        assertTrue(logs().incomingDelivery().build().refersToIncomingDelivery());
        assertTrue(options("delivery", " INCOMING").refersToIncomingDelivery());
        assertFalse(logs().delivery(3).build().refersToIncomingDelivery());
        assertFalse(logs().build().refersToIncomingDelivery());
        assertTrue(Group.and(Group.or(logs().incomingDelivery().build())).refersToIncomingDelivery());
    }

    // --- Validation

    @Test
    void sensibleOptionsHaveNoProblem() {
        assertEquals(
                List.of(),
                problems(logs().type(LogType.UNSUBSCRIBE)
                        .urlContains("x")
                        .label("y")
                        .delivery(1)
                        .from(LocalDate.of(2026, 1, 1))
                        .to(LocalDate.of(2026, 1, 1))
                        .atLeast(TrackingLogRule.MAX_COUNT)
                        .build()));
        assertEquals(
                List.of(),
                problems(logs().incomingDelivery().inLastDays(0).none().build()));
        assertEquals(List.of(), problems(options("type", "CLICK", "none", "false", "atLeast", " 2 ")));
    }

    @Test
    void unknownOptionsAreRefused() {
        assertEquals(
                List.of("Unknown option 'url' in trackingLog (use type, urlContains, label, delivery, from, to,"
                        + " inLastDays, actors, atLeast, none)"),
                problems(options("url", "x")));
        assertEquals(
                ProblemCode.UNKNOWN_TRACKING_OPTION,
                ConditionValidator.validate(options("Type", "click")).get(0).code());
    }

    @Test
    void badValuesAreRefusedEachWithItsMessage() {
        assertEquals(
                List.of("'bounce' is not a tracking log type (open, click, unsubscribe or any)"),
                problems(options("type", "bounce")));
        assertEquals(
                List.of(
                        "'urlContains' is empty in trackingLog (leave it out to match any)",
                        "'label' is empty in trackingLog (leave it out to match any)"),
                problems(options("label", " ", "urlContains", "")));
        assertEquals(
                List.of("'delivery' is empty in trackingLog (leave it out to match any)"),
                problems(options("delivery", "")));
        assertEquals(List.of("delivery id 'last' is not a number"), problems(options("delivery", "last")));
        assertEquals(List.of("delivery id '0' must be a positive number"), problems(options("delivery", "0")));
        assertEquals(
                List.of(
                        "'2026-02-30' is not a date (expected yyyy-MM-dd) in rule trackingLog from",
                        "'yesterday' is not a date (expected yyyy-MM-dd) in rule trackingLog to"),
                problems(options("from", "2026-02-30", "to", "yesterday")));
        assertEquals(
                List.of("'from' (2026-03-02) is after 'to' (2026-03-01) in trackingLog"),
                problems(options("from", "2026-03-02", "to", "2026-03-01")));
        assertEquals(
                List.of("'a week' is not a number of days (a whole number from 0 to 36500) in rule trackingLog"),
                problems(options("inLastDays", "a week")));
        for (String count : List.of("0", "-1", "2.5", "lots", "1000001", "99999999999")) {
            assertEquals(
                    List.of("atLeast '" + count + "' is not a number of logs (a whole number from 1 to 1000000)"),
                    problems(options("atLeast", count)),
                    count);
        }
        assertEquals(
                List.of("'none' must be true or false, got 'yes' in trackingLog"), problems(options("none", "yes")));
    }

    @Test
    void contradictoryOptionsAreRefused() {
        assertEquals(
                List.of(
                        "'inLastDays' and 'from' cannot be used together in trackingLog",
                        "'inLastDays' and 'to' cannot be used together in trackingLog"),
                problems(options("from", "2026-01-01", "to", "2026-01-31", "inLastDays", "7")));
        assertEquals(
                List.of("'none' and 'atLeast' cannot be used together in trackingLog"),
                problems(options("atLeast", "2", "none", "true")));
        assertEquals(
                List.of(ProblemCode.CONFLICTING_TRACKING_OPTIONS),
                ConditionValidator.validate(options("atLeast", "2", "none", "true")).stream()
                        .map(ConditionProblem::code)
                        .toList());
    }

    @Test
    void problemsSayWhereAndTheCompilerRefusesThem() {
        Condition condition =
                Group.and(Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD"), Group.or(options("type", "bounce")));
        assertEquals(
                List.of(1, 0), ConditionValidator.validate(condition).get(0).path());
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> COMPILER.compile(condition, "r", CompileContext.withIncomingDelivery(1)));
        assertEquals("'bounce' is not a tracking log type (open, click, unsubscribe or any)", e.getMessage());
    }

    @Test
    void trackingLogConditionsCountAsRules() {
        List<Condition> rules = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            rules.add(logs().build());
        }
        assertEquals(
                List.of("The condition has 201 rules, at most 200 are allowed"), problems(new Group(Logic.OR, rules)));
    }

    @Test
    void theModelIsImmutableKeepsTheOrderAndRefusesNulls() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("label", "a");
        given.put("type", "click");
        TrackingLogRule rule = new TrackingLogRule(given);
        given.put("delivery", "3");
        assertEquals(List.of("label", "type"), List.copyOf(rule.options().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> rule.options().put("x", "y"));
        assertEquals(options("type", "click", "label", "a"), rule);
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("label", null);
        assertThrows(NullPointerException.class, () -> new TrackingLogRule(withNull));
        assertThrows(NullPointerException.class, () -> new TrackingLogRule(null));
    }

    // --- JSON

    @Test
    void writesOptionsInTheirOrderWithNumbersAndBooleans() {
        TrackingLogRule rule =
                options("atLeast", "2", "label", "offer", "delivery", "12", "type", "click", "inLastDays", "7");
        assertEquals(
                json("{\"type\":\"click\",\"label\":\"offer\",\"delivery\":12,\"inLastDays\":7,\"atLeast\":2}"),
                ConditionJson.toJson(rule));
        assertEquals(
                json("{\"type\":\"open\",\"delivery\":\"incoming\",\"none\":true}"),
                ConditionJson.toJson(
                        logs().type(LogType.OPEN).incomingDelivery().none().build()));
        assertEquals(json("{}"), ConditionJson.toJson(logs().build()));
    }

    @Test
    void readsNumbersAndBooleansAsTheirText() {
        assertEquals(
                options("type", "click", "delivery", "12", "inLastDays", "7", "atLeast", "2", "none", "false"),
                ConditionJson.fromJson(json(
                        "{\"type\":\"click\",\"delivery\":12,\"inLastDays\":7,\"atLeast\":2," + "\"none\":false}")));
        assertEquals(
                options("delivery", "12", "atLeast", "2"),
                ConditionJson.fromJson(json("{\"delivery\":\"12\",\"atLeast\":\"2\"}")));
        Condition odd = ConditionJson.fromJson(json("{\"atLeast\":2.5,\"none\":\"yes\"}"));
        assertEquals(options("atLeast", "2.5", "none", "yes"), odd);
        assertEquals(2, problems(odd).size());
    }

    @Test
    void roundTripIsExactBothWays() {
        List<Condition> conditions = List.of(
                logs().type(LogType.CLICK)
                        .urlContains("example.com")
                        .label("offer")
                        .delivery(12)
                        .from(LocalDate.of(2026, 1, 1))
                        .to(LocalDate.of(2026, 1, 31))
                        .atLeast(3)
                        .build(),
                logs().type(LogType.OPEN)
                        .incomingDelivery()
                        .inLastDays(7)
                        .none()
                        .build(),
                options("delivery", "007", "inLastDays", " 7", "atLeast", "1E+3", "none", "TRUE", "mystery", "x"),
                options("delivery", "99999999999999999999", "atLeast", "-1"),
                Group.and(Rule.of(RecipientField.DELIVERY, Operator.DID_NOT_CLICK), Group.or(logs().build())));
        for (Condition condition : conditions) {
            String text = ConditionJson.toJson(condition);
            assertEquals(condition, ConditionJson.fromJson(text), text);
            assertEquals(text, ConditionJson.toJson(ConditionJson.fromJson(text)));
            assertEquals(condition, ConditionJson.fromJsonObject(ConditionJson.toJsonObject(condition)));
        }
        assertEquals(
                json("{\"delivery\":\"007\",\"inLastDays\":\" 7\",\"atLeast\":\"1E+3\",\"none\":\"TRUE\","
                        + "\"mystery\":\"x\"}"),
                ConditionJson.toJson(conditions.get(2)));
    }

    @Test
    void readsAtTheDeepestLevelOfGroups() {
        String condition = json("{\"type\":\"click\",\"delivery\":3}");
        String deepest = "{\"logic\":\"and\",\"children\":[".repeat(10) + condition + "]}".repeat(10);
        Condition read = ConditionJson.fromJson(deepest);
        assertTrue(ConditionValidator.isValid(read));
        assertEquals(deepest, ConditionJson.toJson(read));
        String tooDeep = "{\"logic\":\"and\",\"children\":[".repeat(11) + condition + "]}".repeat(11);
        assertEquals("The condition nests groups too deeply (at most 10 levels)", jsonProblem(tooDeep));
    }

    @Test
    void unknownOptionsReadSoThatTheValidatorCanSayWhatIsWrong() {
        Condition condition = ConditionJson.fromJson(json("{\"type\":\"click\",\"when\":\"today\"}"));
        assertEquals(options("type", "click", "when", "today"), condition);
        assertEquals(
                ProblemCode.UNKNOWN_TRACKING_OPTION,
                ConditionValidator.validate(condition).get(0).code());
    }

    @Test
    void malformedTrackingLogConditions() {
        assertEquals(
                "'trackingLog' must be an object of options, got a string (at /)",
                jsonProblem("{\"trackingLog\":\"click\"}"));
        assertEquals(
                "'trackingLog' must be an object of options, got null (at /children/0)",
                jsonProblem("{\"logic\":\"and\",\"children\":[{\"trackingLog\":null}]}"));
        assertEquals(
                "Option 'label' of trackingLog must be a string, a number or true/false, got null (at /)",
                jsonProblem(json("{\"label\":null}")));
        assertEquals(
                "Option 'type' of trackingLog must be a string, a number or true/false, got a list (at /)",
                jsonProblem(json("{\"type\":[\"open\",\"click\"]}")));
        assertEquals(
                "Unknown key 'operator' in a trackingLog condition (at /)",
                jsonProblem("{\"trackingLog\":{},\"operator\":\"exists\"}"));
        assertEquals(
                "A condition has both 'field' (a rule) and 'trackingLog' (a tracking-log condition) (at /)",
                jsonProblem("{\"field\":\"email\",\"trackingLog\":{}}"));
        assertEquals(
                "The key 'type' appears twice in the same object (line 1, column 37)",
                jsonProblem(json("{\"type\":\"open\",\"type\":\"click\"}")));
    }
}
