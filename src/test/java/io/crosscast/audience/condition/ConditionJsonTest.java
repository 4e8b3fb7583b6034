package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionJsonTest {

    private static final Condition NESTED = Group.and(
            Rule.of(RecipientField.STATUS, Operator.IN, "GOLD", "silver"),
            Group.or(
                    Rule.of(RecipientField.EMAIL, Operator.CONTAINS, "@example.fr"),
                    Rule.of(RecipientField.LIST, Operator.NOT_MEMBER_OF_LIST, "12"),
                    Group.and()),
            Rule.of(RecipientField.BIRTH_DATE, Operator.BETWEEN, "1980-01-01", "1989-12-31"),
            Rule.of(RecipientField.EMAIL_OPT_OUT, Operator.IS_FALSE),
            new Rule("lastName", Operator.EQUALS, List.of("O'Brien \"\\ \u00e9\u4e2d\n")),
            Group.or());

    private static final String NESTED_JSON = "{\"logic\":\"and\",\"children\":["
            + "{\"field\":\"status\",\"operator\":\"in\",\"values\":[\"GOLD\",\"silver\"]},"
            + "{\"logic\":\"or\",\"children\":["
            + "{\"field\":\"email\",\"operator\":\"contains\",\"values\":[\"@example.fr\"]},"
            + "{\"field\":\"list\",\"operator\":\"not_member_of_list\",\"values\":[\"12\"]},"
            + "{\"logic\":\"and\",\"children\":[]}]},"
            + "{\"field\":\"birthDate\",\"operator\":\"between\",\"values\":[\"1980-01-01\",\"1989-12-31\"]},"
            + "{\"field\":\"emailOptOut\",\"operator\":\"is_false\",\"values\":[]},"
            + "{\"field\":\"lastName\",\"operator\":\"equals\",\"values\":[\"O'Brien \\\"\\\\ \u00e9\u4e2d\\n\"]},"
            + "{\"logic\":\"or\",\"children\":[]}]}";

    private static String problem(String json) {
        return assertThrows(InvalidConditionException.class, () -> ConditionJson.fromJson(json))
                .getMessage();
    }

    @Test
    void writesTheDocumentedFormat() {
        assertEquals(NESTED_JSON, ConditionJson.toJson(NESTED));
        assertEquals(
                "{\"field\":\"createdAt\",\"operator\":\"in_last_days\",\"values\":[\"30\"]}",
                ConditionJson.toJson(Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "30")));
    }

    @Test
    void roundTripIsExactBothWays() {
        Condition read = ConditionJson.fromJson(NESTED_JSON);
        assertEquals(NESTED, read);
        assertEquals(NESTED_JSON, ConditionJson.toJson(read));
        assertEquals(NESTED, ConditionJson.fromJson(ConditionJson.toJson(NESTED)));
        assertEquals(NESTED, ConditionJson.fromJsonObject(ConditionJson.toJsonObject(NESTED)));
    }

    @Test
    void readsFormattedJsonAndRulesWithoutValues() {
        String json = """
                {
                  "logic": "or",
                  "children": [
                    { "field": "email", "operator": "is_empty" },
                    { "operator": "is_true", "field": "smsQuarantined", "values": [] }
                  ]
                }
                """;
        assertEquals(
                Group.or(
                        Rule.of(RecipientField.EMAIL, Operator.IS_EMPTY),
                        Rule.of(RecipientField.SMS_QUARANTINED, Operator.IS_TRUE)),
                ConditionJson.fromJson(json));
    }

    @Test
    void embedsInLargerDocuments() {
        JsonObject document = Json.createObjectBuilder()
                .add("name", "Gold customers")
                .add("condition", ConditionJson.toJsonObject(NESTED))
                .build();
        JsonObject read =
                Json.createReader(new StringReader(document.toString())).readObject();
        assertEquals(NESTED, ConditionJson.fromJsonObject(read.getJsonObject("condition")));
    }

    @Test
    void readingChecksTheShapeNotTheMeaning() {
        Condition condition =
                ConditionJson.fromJson("{\"field\":\"salary\",\"operator\":\"equals\",\"values\":[\"lots\"]}");
        assertEquals(new Rule("salary", Operator.EQUALS, List.of("lots")), condition);
        assertEquals(List.of("Unknown field 'salary'"), ConditionValidator.problems(condition));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\n"})
    void emptyInput(String json) {
        assertEquals("The condition is empty (expected a JSON object)", problem(json));
        assertEquals(
                "The condition is empty (expected a JSON object)",
                assertThrows(InvalidConditionException.class, () -> ConditionJson.fromJsonObject(null))
                        .getMessage());
    }

    @Test
    void notJsonSaysWhere() {
        assertEquals("The condition is not valid JSON (line 1, column 2)", problem("{'logic':'and'}"));
        assertEquals(
                "The condition is not valid JSON (line 3, column 3)",
                problem("{\n  \"logic\": \"and\",\n  children: []\n}"));
        InvalidConditionException e =
                assertThrows(InvalidConditionException.class, () -> ConditionJson.fromJson("{\"logic\":\"and\","));
        assertEquals(ProblemCode.INVALID_JSON, e.problems().get(0).code());
        assertEquals("1", e.problems().get(0).arguments().get(0));
    }

    // Positions are Parsson's (the JSON-P implementation of WildFly too): the column after what it last read.

    @Test
    void contentAfterTheConditionIsRefused() {
        assertEquals(
                "The condition is not valid JSON (line 1, column 31)",
                problem("{\"logic\":\"and\",\"children\":[]} {}"));
        assertEquals(
                "The condition is not valid JSON (line 1, column 30)", problem("{\"logic\":\"and\",\"children\":[]}x"));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals(
                "The key 'logic' appears twice in the same object (line 1, column 23)",
                problem("{\"logic\":\"and\",\"logic\":\"or\",\"children\":[]}"));
    }

    @Test
    void notAnObject() {
        assertEquals("A condition must be a JSON object, got a list (at /)", problem("[1, 2]"));
        assertEquals("A condition must be a JSON object, got a string (at /)", problem("\"status = GOLD\""));
        assertEquals(
                "A condition must be a JSON object, got the number 42 (at /children/1)",
                problem("{\"logic\":\"and\",\"children\":[{\"logic\":\"or\",\"children\":[]},42]}"));
    }

    @Test
    void neitherGroupNorRule() {
        assertEquals("A condition needs 'logic' (a group), 'field' (a rule) or 'trackingLog' (at /)", problem("{}"));
        assertEquals(
                "A condition has both 'logic' (a group) and 'field' (a rule) (at /children/0)",
                problem("{\"logic\":\"and\",\"children\":[{\"logic\":\"and\",\"field\":\"email\"}]}"));
    }

    @Test
    void malformedGroups() {
        assertEquals(
                "Unknown logic 'xor' (use \"and\" or \"or\") (at /)", problem("{\"logic\":\"xor\",\"children\":[]}"));
        assertEquals(
                "Unknown logic 'AND' (use \"and\" or \"or\") (at /)", problem("{\"logic\":\"AND\",\"children\":[]}"));
        assertEquals("'logic' must be \"and\" or \"or\" (at /)", problem("{\"logic\":true,\"children\":[]}"));
        assertEquals("A group needs 'children' (a list of conditions) (at /)", problem("{\"logic\":\"and\"}"));
        assertEquals(
                "A group needs 'children' (a list of conditions) (at /)",
                problem("{\"logic\":\"and\",\"children\":{}}"));
        assertEquals(
                "Unknown key 'name' in a group (at /)", problem("{\"logic\":\"and\",\"children\":[],\"name\":\"x\"}"));
    }

    @Test
    void malformedRules() {
        assertEquals(
                "Unknown operator 'like' in rule email",
                problem("{\"field\":\"email\",\"operator\":\"like\",\"values\":[\"%a%\"]}"));
        assertEquals(
                "Unknown operator 'EQUALS' in rule email",
                problem("{\"field\":\"email\",\"operator\":\"EQUALS\",\"values\":[\"a\"]}"));
        assertEquals(
                "Rule email has no 'operator' (at /children/0)",
                problem("{\"logic\":\"or\",\"children\":[{\"field\":\"email\",\"values\":[\"a\"]}]}"));
        assertEquals(
                "'operator' must be a string in rule email (at /)", problem("{\"field\":\"email\",\"operator\":null}"));
        assertEquals("'field' must be a string (at /)", problem("{\"field\":3,\"operator\":\"equals\"}"));
        assertEquals(
                "'values' must be a list of strings in rule email, got a string (at /)",
                problem("{\"field\":\"email\",\"operator\":\"equals\",\"values\":\"a@b.c\"}"));
        assertEquals(
                "Values must be strings (in quotes) in rule createdAt, got the number 30 (at /)",
                problem("{\"field\":\"createdAt\",\"operator\":\"in_last_days\",\"values\":[30]}"));
        assertEquals(
                "Values must be strings (in quotes) in rule email, got null (at /)",
                problem("{\"field\":\"email\",\"operator\":\"equals\",\"values\":[null]}"));
        assertEquals(
                "Unknown key 'value' in a rule (at /)",
                problem("{\"field\":\"email\",\"operator\":\"equals\",\"value\":\"a\"}"));
    }

    @Test
    void everyShapeProblemIsListedNotOnlyTheFirst() {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> ConditionJson.fromJson("{\"logic\":\"and\",\"children\":["
                        + "{\"field\":\"email\",\"operator\":\"equals\",\"values\":[1, \"a\", true]},"
                        + "{\"field\":5,\"operator\":\"nope\",\"extra\":0},"
                        + "{\"logic\":\"or\",\"children\":[\"x\", {\"trackingLog\":{\"label\":[\"offer\"]}}]}]}"));

        assertEquals(
                List.of(
                        "Values must be strings (in quotes) in rule email, got the number 1 (at /children/0)",
                        "Values must be strings (in quotes) in rule email, got true (at /children/0)",
                        "Unknown key 'extra' in a rule (at /children/1)",
                        "'field' must be a string (at /children/1)",
                        "Unknown operator 'nope' in rule ?",
                        "A condition must be a JSON object, got a string (at /children/2/children/0)",
                        "Option 'label' of trackingLog must be a string, a number or true/false, got a list (at /children/2/children/1)"),
                e.problems().stream().map(ConditionProblem::message).toList());
        assertEquals(List.of(1), e.problems().get(4).path());
    }

    @Test
    void problemsCarryTheirPosition() {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> ConditionJson.fromJson(
                        "{\"logic\":\"and\",\"children\":[{\"field\":\"a\",\"operator\":\"equals\"},"
                                + "{\"logic\":\"or\",\"children\":[{\"field\":\"b\",\"operator\":\"nope\"}]}]}"));
        assertEquals(ProblemCode.UNKNOWN_OPERATOR, e.problems().get(0).code());
        assertEquals(List.of(1, 0), e.problems().get(0).path());
        assertEquals("Unknown operator 'nope' in rule b", e.getMessage());
    }

    @Test
    void tooDeepNestingIsRefusedBeforeItCanHurt() {
        String ten = nested(10);
        assertEquals(10, depth(ConditionJson.fromJson(ten)));
        assertEquals("The condition nests groups too deeply (at most 10 levels)", problem(nested(11)));
        assertEquals(
                "The condition nests groups too deeply (at most 10 levels)",
                problem("[".repeat(100_000) + "]".repeat(100_000)));
    }

    private static String nested(int levels) {
        String rule = "{\"field\":\"status\",\"operator\":\"equals\",\"values\":[\"GOLD\"]}";
        return "{\"logic\":\"and\",\"children\":[".repeat(levels) + rule + "]}".repeat(levels);
    }

    private static int depth(Condition condition) {
        if (condition instanceof Group group) {
            return 1
                    + group.children().stream()
                            .mapToInt(ConditionJsonTest::depth)
                            .max()
                            .orElse(0);
        }
        return 0;
    }
}
