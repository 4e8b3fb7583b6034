package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionValidatorTest {

    private static List<String> problems(Condition condition) {
        return ConditionValidator.problems(condition);
    }

    private static String onlyProblem(Condition condition) {
        List<String> problems = problems(condition);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void aSensibleConditionHasNoProblem() {
        Condition condition = Group.and(
                Rule.of(RecipientField.STATUS, Operator.IN, "gold", "Silver"),
                Rule.of(RecipientField.BIRTH_DATE, Operator.BETWEEN, "1980-01-01", "1989-12-31"),
                Group.or(
                        Rule.of(RecipientField.EMAIL, Operator.CONTAINS, "@example."),
                        Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "42"),
                        Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "30")),
                Rule.of(RecipientField.EMAIL_OPT_OUT, Operator.IS_FALSE));
        assertEquals(List.of(), problems(condition));
        assertTrue(ConditionValidator.isValid(condition));
        ConditionValidator.requireValid(condition);
    }

    @Test
    void emptyGroupsAreValid() {
        assertTrue(ConditionValidator.isValid(Group.and()));
        assertTrue(ConditionValidator.isValid(Group.or()));
        assertTrue(ConditionValidator.isValid(Group.and(Group.or(), Group.and())));
    }

    @Test
    void unknownField() {
        assertEquals("Unknown field 'salary'", onlyProblem(new Rule("salary", Operator.EQUALS, List.of("1"))));
        assertEquals("Unknown field 'birth_date'", onlyProblem(new Rule("birth_date", Operator.IS_EMPTY, List.of())));
    }

    @Test
    void operatorThatDoesNotApply() {
        assertEquals(
                "Operator 'contains' does not apply to field 'birthDate' (a date)",
                onlyProblem(Rule.of(RecipientField.BIRTH_DATE, Operator.CONTAINS, "19")));
        assertEquals(
                "Operator 'less_than' does not apply to field 'firstName' (a text)",
                onlyProblem(Rule.of(RecipientField.FIRST_NAME, Operator.LESS_THAN, "M")));
        assertEquals(
                "Operator 'equals' does not apply to field 'emailOptOut' (a yes/no flag)",
                onlyProblem(Rule.of(RecipientField.EMAIL_OPT_OUT, Operator.EQUALS, "true")));
        assertEquals(
                "Operator 'contains' does not apply to field 'status' (a choice)",
                onlyProblem(Rule.of(RecipientField.STATUS, Operator.CONTAINS, "G")));
        assertEquals(
                "Operator 'is_true' does not apply to field 'createdAt' (a date and time)",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.IS_TRUE)));
        assertEquals(
                "Operator 'equals' does not apply to field 'list' (a list membership)",
                onlyProblem(Rule.of(RecipientField.LIST, Operator.EQUALS, "1")));
        assertEquals(
                "Operator 'member_of_list' does not apply to field 'email' (a text)",
                onlyProblem(Rule.of(RecipientField.EMAIL, Operator.MEMBER_OF_LIST, "1")));
    }

    @Test
    void wrongNumberOfValues() {
        assertEquals(
                "'between' needs two values, got 1 in rule birthDate",
                onlyProblem(Rule.of(RecipientField.BIRTH_DATE, Operator.BETWEEN, "2024-01-01")));
        assertEquals(
                "'between' needs two values, got 3 in rule createdAt",
                onlyProblem(Rule.of(
                        RecipientField.CREATED_AT, Operator.BETWEEN, "2024-01-01", "2024-01-02", "2024-01-03")));
        assertEquals(
                "'equals' needs one value, got 0 in rule firstName",
                onlyProblem(Rule.of(RecipientField.FIRST_NAME, Operator.EQUALS)));
        assertEquals(
                "'equals' needs one value, got 2 in rule firstName",
                onlyProblem(Rule.of(RecipientField.FIRST_NAME, Operator.EQUALS, "Ann", "Bob")));
        assertEquals(
                "'in' needs at least one value, got 0 in rule country",
                onlyProblem(Rule.of(RecipientField.COUNTRY, Operator.IN)));
        assertEquals(
                "'is_empty' takes no value, got 1 in rule email",
                onlyProblem(Rule.of(RecipientField.EMAIL, Operator.IS_EMPTY, "x")));
        assertEquals(
                "'is_true' takes no value, got 1 in rule smsOptOut",
                onlyProblem(Rule.of(RecipientField.SMS_OPT_OUT, Operator.IS_TRUE, "true")));
    }

    @Test
    void badDates() {
        assertEquals(
                "'2024-13-40' is not a date (expected yyyy-MM-dd) in rule birthDate",
                onlyProblem(Rule.of(RecipientField.BIRTH_DATE, Operator.EQUALS, "2024-13-40")));
        assertEquals(
                "'2023-02-29' is not a date (expected yyyy-MM-dd) in rule birthDate",
                onlyProblem(Rule.of(RecipientField.BIRTH_DATE, Operator.EQUALS, "2023-02-29")));
        assertEquals(
                "'29/11/2026' is not a date (expected yyyy-MM-dd) in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.LESS_THAN, "29/11/2026")));
        assertEquals(
                "'2026-11-29T10:00' is not a date (expected yyyy-MM-dd) in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.LESS_THAN, "2026-11-29T10:00")));
        assertEquals(
                "'+12024-01-01' is not a date (expected yyyy-MM-dd) in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.LESS_THAN, "+12024-01-01")));
        assertEquals(
                "'0000-01-01' is not a date (expected yyyy-MM-dd) in rule birthDate",
                onlyProblem(Rule.of(RecipientField.BIRTH_DATE, Operator.GREATER_THAN, "0000-01-01")));
        assertEquals(
                "'' is not a date (expected yyyy-MM-dd) in rule birthDate",
                onlyProblem(Rule.of(RecipientField.BIRTH_DATE, Operator.EQUALS, "")));
        assertEquals(
                "'x' is not a date (expected yyyy-MM-dd) in rule updatedAt",
                onlyProblem(Rule.of(RecipientField.UPDATED_AT, Operator.EQUALS, "x")));
        assertTrue(ConditionValidator.isValid(Rule.of(RecipientField.BIRTH_DATE, Operator.EQUALS, "2024-02-29")));
        assertTrue(ConditionValidator.isValid(Rule.of(RecipientField.BIRTH_DATE, Operator.EQUALS, " 2024-02-29 ")));
    }

    @Test
    void betweenReportsEachBadDateAndDatesInTheWrongOrder() {
        assertEquals(
                List.of(
                        "'x' is not a date (expected yyyy-MM-dd) in rule birthDate",
                        "'y' is not a date (expected yyyy-MM-dd) in rule birthDate"),
                problems(Rule.of(RecipientField.BIRTH_DATE, Operator.BETWEEN, "x", "y")));
        assertEquals(
                "'between' dates are in the wrong order ('2024-12-31' is after '2024-01-01') in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.BETWEEN, "2024-12-31", "2024-01-01")));
        assertTrue(ConditionValidator.isValid(
                Rule.of(RecipientField.CREATED_AT, Operator.BETWEEN, "2024-01-01", "2024-01-01")));
    }

    @Test
    void dayCounts() {
        assertEquals(
                "'abc' is not a number of days (a whole number from 0 to 36500) in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "abc")));
        assertEquals(
                "'-1' is not a number of days (a whole number from 0 to 36500) in rule birthDate",
                onlyProblem(Rule.of(RecipientField.BIRTH_DATE, Operator.NOT_IN_LAST_DAYS, "-1")));
        assertEquals(
                "'36501' is not a number of days (a whole number from 0 to 36500) in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "36501")));
        assertEquals(
                "'1.5' is not a number of days (a whole number from 0 to 36500) in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "1.5")));
        assertEquals(
                "'99999999999999999999' is not a number of days (a whole number from 0 to 36500) in rule createdAt",
                onlyProblem(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "99999999999999999999")));
        assertTrue(ConditionValidator.isValid(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "0")));
        assertTrue(ConditionValidator.isValid(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "36500")));
    }

    @Test
    void statusMustBeOneOfTheAllowedValuesInAnyCase() {
        assertEquals(
                "'gold2' is not a status (GOLD, SILVER, BRONZE, NONE)",
                onlyProblem(Rule.of(RecipientField.STATUS, Operator.EQUALS, "gold2")));
        assertEquals(
                List.of(
                        "'PLATINUM' is not a status (GOLD, SILVER, BRONZE, NONE)",
                        "'' is not a status (GOLD, SILVER, BRONZE, NONE)"),
                problems(Rule.of(RecipientField.STATUS, Operator.NOT_IN, "gold", "PLATINUM", "")));
        assertTrue(ConditionValidator.isValid(Rule.of(RecipientField.STATUS, Operator.IN, "gold", " Silver ", "NONE")));
    }

    @Test
    void listIds() {
        assertEquals(
                "list id 'abc' is not a number",
                onlyProblem(Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "abc")));
        assertEquals(
                "list id '0' must be a positive number",
                onlyProblem(Rule.of(RecipientField.LIST, Operator.NOT_MEMBER_OF_LIST, "0")));
        assertEquals(
                "list id '-7' must be a positive number",
                onlyProblem(Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "-7")));
        assertEquals(
                "'member_of_list' needs one value, got 2 in rule list",
                onlyProblem(Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "1", "2")));
        assertTrue(
                ConditionValidator.isValid(Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, "9007199254740993")));
    }

    @Test
    void blankTextValues() {
        assertEquals(
                "A value is empty in rule lastName (use 'is_empty' to find recipients without one)",
                onlyProblem(Rule.of(RecipientField.LAST_NAME, Operator.EQUALS, "  ")));
        assertEquals(
                "A value is empty in rule email (use 'is_empty' to find recipients without one)",
                onlyProblem(Rule.of(RecipientField.EMAIL, Operator.IN, "a@example.com", "", "")));
        assertEquals(
                "A value is empty in rule firstName (use 'is_empty' to find recipients without one)",
                onlyProblem(Rule.of(RecipientField.FIRST_NAME, Operator.CONTAINS, "")));
    }

    @Test
    void collectsEveryProblemWithItsPosition() {
        Condition condition = Group.and(
                new Rule("salary", Operator.GREATER_THAN, List.of("1000")),
                Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD"),
                Group.or(
                        Rule.of(RecipientField.BIRTH_DATE, Operator.CONTAINS, "1980"),
                        Rule.of(RecipientField.CREATED_AT, Operator.BETWEEN, "2024-01-01")));
        List<ConditionProblem> problems = ConditionValidator.validate(condition);
        assertEquals(3, problems.size());
        assertEquals(ProblemCode.UNKNOWN_FIELD, problems.get(0).code());
        assertEquals(List.of("salary"), problems.get(0).arguments());
        assertEquals(List.of(0), problems.get(0).path());
        assertEquals("/children/0", problems.get(0).jsonPointer());
        assertEquals(ProblemCode.OPERATOR_NOT_APPLICABLE, problems.get(1).code());
        assertEquals(
                List.of("contains", "birthDate", "DATE", "a date"),
                problems.get(1).arguments());
        assertEquals(List.of(2, 0), problems.get(1).path());
        assertEquals("/children/2/children/0", problems.get(1).jsonPointer());
        assertEquals(ProblemCode.NEEDS_TWO_VALUES, problems.get(2).code());
        assertEquals(List.of(2, 1), problems.get(2).path());
        assertEquals(
                "/",
                ConditionValidator.validate(new Rule("x", Operator.IS_EMPTY, List.of()))
                        .get(0)
                        .jsonPointer());
    }

    @Test
    void requireValidThrowsWithEveryMessage() {
        Condition condition = Group.or(
                new Rule("salary", Operator.EQUALS, List.of("1")),
                Rule.of(RecipientField.STATUS, Operator.EQUALS, "gold2"));
        InvalidConditionException e =
                assertThrows(InvalidConditionException.class, () -> ConditionValidator.requireValid(condition));
        assertEquals("Unknown field 'salary'; 'gold2' is not a status (GOLD, SILVER, BRONZE, NONE)", e.getMessage());
        assertEquals(2, e.problems().size());
    }

    @Test
    void theExceptionSurvivesSerialisationWithItsProblems() throws Exception {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> ConditionValidator.requireValid(Group.and(new Rule("salary", Operator.IS_EMPTY, List.of()))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            InvalidConditionException read = (InvalidConditionException) in.readObject();
            assertEquals("Unknown field 'salary'", read.getMessage());
            assertEquals(e.problems(), read.problems());
        }
    }

    @Test
    void tenLevelsOfGroupsAreFineElevenAreNot() {
        Condition ten = nest(10, Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD"));
        assertTrue(ConditionValidator.isValid(ten));
        Condition eleven = nest(11, Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD"));
        assertEquals("The condition nests groups too deeply (at most 10 levels)", onlyProblem(eleven));
        Condition veryDeep = nest(5_000, new Rule("salary", Operator.EQUALS, List.of("1")));
        List<ConditionProblem> problems = ConditionValidator.validate(veryDeep);
        assertEquals(1, problems.size());
        assertEquals(ProblemCode.TOO_DEEP, problems.get(0).code());
        assertEquals(Collections.nCopies(10, 0), problems.get(0).path());
    }

    @Test
    void atMostTwoHundredRules() {
        List<Condition> rules = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rules.add(Rule.of(RecipientField.LAST_NAME, Operator.EQUALS, "name" + i));
        }
        assertTrue(ConditionValidator.isValid(new Group(Logic.OR, rules)));
        rules.add(Rule.of(RecipientField.LAST_NAME, Operator.EQUALS, "one too many"));
        assertEquals("The condition has 201 rules, at most 200 are allowed", onlyProblem(new Group(Logic.OR, rules)));
    }

    @Test
    void boundedNumberOfValues() {
        List<String> thousand = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            thousand.add("v" + i);
        }
        assertTrue(ConditionValidator.isValid(new Rule("lastName", Operator.IN, thousand)));
        List<String> tooMany = new ArrayList<>(thousand);
        tooMany.add("one more");
        assertEquals(
                "'in' takes at most 1000 values, got 1001 in rule lastName",
                onlyProblem(new Rule("lastName", Operator.IN, tooMany)));
        List<Condition> rules = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            rules.add(new Rule("lastName", Operator.NOT_IN, thousand));
        }
        assertEquals(
                "The condition has 11000 values in all, at most 10000 are allowed",
                onlyProblem(new Group(Logic.AND, rules)));
    }

    @Test
    void problemArgumentsAreNotReinterpreted() {
        assertEquals("Unknown field '{1}{0}'", onlyProblem(new Rule("{1}{0}", Operator.IS_EMPTY, List.of())));
    }

    @Test
    void modelRefusesNulls() {
        assertThrows(NullPointerException.class, () -> new Rule(null, Operator.EQUALS, List.of("x")));
        assertThrows(NullPointerException.class, () -> new Rule("email", null, List.of("x")));
        assertThrows(NullPointerException.class, () -> new Rule("email", Operator.EQUALS, null));
        assertThrows(
                NullPointerException.class, () -> new Rule("email", Operator.EQUALS, Collections.singletonList(null)));
        assertThrows(NullPointerException.class, () -> new Group(null, List.of()));
        assertThrows(NullPointerException.class, () -> new Group(Logic.AND, Collections.singletonList(null)));
    }

    @Test
    void modelIsImmutable() {
        List<String> values = new ArrayList<>(List.of("a"));
        Rule rule = new Rule("email", Operator.IN, values);
        values.add("b");
        assertEquals(List.of("a"), rule.values());
        assertThrows(UnsupportedOperationException.class, () -> rule.values().add("c"));
        assertFalse(rule.values().contains("b"));
    }

    private static Condition nest(int levels, Condition inner) {
        Condition condition = inner;
        for (int i = 0; i < levels; i++) {
            condition = Group.and(condition);
        }
        return condition;
    }
}
