package io.crosscast.audience.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a marketer types ends up in the parameters, never in the SQL text. */
class SqlInjectionTest {

    private static final String[] HOSTILE = {
        "' OR 1=1 --",
        "x'); DROP TABLE recipient; --",
        "\" OR \"\"=\"",
        "1; DELETE FROM list_member",
        "*/ OR /*",
        "' UNION SELECT email FROM recipient --",
        "\\'; SELECT pg_sleep(10); --",
    };

    /** What the compiler may write: the alias, whitelisted columns, keywords, operators, placeholders. */
    private static final Pattern SQL_WORDS = Pattern.compile(
            "(?:[A-Za-z_][A-Za-z0-9_]*(?:\\.[a-z_]+)?|\\?|\\(|\\)|,|=|<>|<=|>=|<|>|''|'\\\\'|'[A-Z]+'|\\(\\*\\)|\\+|1=1|1=0|1| )+");

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "lastName", "email", "mobilePhone", "country", "language"})
    void hostileTextStaysInTheParameters(String field) {
        for (String hostile : HOSTILE) {
            for (Operator operator : FieldType.TEXT.operators()) {
                if (operator.arity() == Operator.Arity.NONE) {
                    continue;
                }
                List<String> values = operator.arity() == Operator.Arity.ONE ? List.of(hostile) : List.of(hostile, "b");
                SqlFragment fragment = CompilerFixture.compile(new Rule(field, operator, values));
                assertClean(fragment);
                assertTrue(
                        fragment.parameters().stream()
                                .anyMatch(p -> comparable(p.toString()).contains(comparable(hostile))),
                        fragment.toString());
            }
        }
    }

    @Test
    void theTwoClassicsAreBoundVerbatim() {
        SqlFragment fragment = CompilerFixture.compile(
                Rule.of(RecipientField.LAST_NAME, Operator.IN, "' OR 1=1 --", "x'); DROP TABLE recipient; --"));
        assertEquals("r.last_name IN (?, ?)", fragment.sql());
        assertEquals(List.of("' OR 1=1 --", "x'); DROP TABLE recipient; --"), fragment.parameters());
        assertFalse(fragment.sql().contains("' OR 1=1 --"));
        assertFalse(fragment.sql().contains("DROP TABLE"));

        fragment = CompilerFixture.compile(Rule.of(RecipientField.FIRST_NAME, Operator.CONTAINS, "' OR 1=1 --"));
        assertEquals("LOWER(r.first_name) LIKE ? ESCAPE '\\'", fragment.sql());
        assertEquals(List.of("%' or 1=1 --%"), fragment.parameters());
    }

    @Test
    void hostileValuesOfTypedFieldsAreRefusedWithoutEchoingIntoSql() {
        for (String hostile : HOSTILE) {
            for (Rule rule : List.of(
                    Rule.of(RecipientField.STATUS, Operator.EQUALS, hostile),
                    Rule.of(RecipientField.BIRTH_DATE, Operator.EQUALS, hostile),
                    Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, hostile),
                    Rule.of(RecipientField.LIST, Operator.MEMBER_OF_LIST, hostile),
                    Rule.of(RecipientField.DELIVERY, Operator.OPENED, hostile))) {
                InvalidConditionException e =
                        assertThrows(InvalidConditionException.class, () -> CompilerFixture.compile(rule));
                assertTrue(e.getMessage().contains(hostile), e.getMessage());
            }
        }
    }

    @Test
    void hostileTrackingLogOptionsStayInTheParametersOrAreRefused() {
        for (String hostile : HOSTILE) {
            SqlFragment fragment = CompilerFixture.compile(TrackingLogRule.builder()
                    .type(TrackingLogRule.LogType.OPEN)
                    .urlContains(hostile)
                    .label(hostile)
                    .delivery(3)
                    .inLastDays(2)
                    .atLeast(2)
                    .build());
            assertClean(fragment);
            assertTrue(fragment.parameters().contains(hostile.strip()), fragment.toString());
            for (String option : List.of("type", "delivery", "from", "to", "inLastDays", "atLeast", "none", hostile)) {
                TrackingLogRule rule = new TrackingLogRule(java.util.Map.of(option, hostile));
                InvalidConditionException e =
                        assertThrows(InvalidConditionException.class, () -> CompilerFixture.compile(rule));
                assertTrue(e.getMessage().contains(hostile), e.getMessage());
            }
        }
    }

    @Test
    void hostileFieldNamesAreUnknownFields() {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> CompilerFixture.compile(new Rule("email_key = email_key OR 1", Operator.IS_EMPTY, List.of())));
        assertEquals("Unknown field 'email_key = email_key OR 1'", e.getMessage());
    }

    @Test
    void everyValidRuleOfEveryFieldCompilesToWhitelistedSqlWithOneParameterPerPlaceholder() {
        int compiled = 0;
        for (RecipientField field : RecipientField.values()) {
            for (Operator operator : field.type().operators()) {
                Rule rule = new Rule(field.publicName(), operator, sampleValues(field, operator));
                SqlFragment fragment = CompilerFixture.compile(rule);
                assertClean(fragment);
                assertTrue(fragment.sql().contains("r." + field.column()), fragment.sql());
                compiled++;
            }
        }
        assertEquals(9 * 6 + 6 + 11 * 3 + 2 * 4 + 2 + 12, compiled);
    }

    private static List<String> sampleValues(RecipientField field, Operator operator) {
        String one = switch (field.type()) {
            case TEXT -> "' OR 1=1 --";
            case ENUM -> "gold";
            case DATE, TIMESTAMP ->
                operator == Operator.IN_LAST_DAYS || operator == Operator.NOT_IN_LAST_DAYS ? "30" : "2026-01-31";
            case LIST, BEHAVIOUR -> "12";
            case BOOLEAN -> "unused";
        };
        return switch (operator.arity()) {
            case NONE -> List.of();
            case ONE -> List.of(one);
            case TWO -> List.of("2026-01-01", "2026-01-31");
            case ONE_OR_MORE, AT_MOST_ONE -> List.of(one);
        };
    }

    /** Ignoring case, LIKE escapes and surrounding white space: the forms a value takes once normalised. */
    private static String comparable(String value) {
        return value.strip().replace("\\", "").toLowerCase(Locale.ROOT);
    }

    private static void assertClean(SqlFragment fragment) {
        String sql = fragment.sql();
        assertTrue(SQL_WORDS.matcher(sql).matches(), "unexpected text in " + sql);
        for (String hostile : HOSTILE) {
            assertFalse(sql.contains(hostile), sql);
            assertFalse(sql.toLowerCase(Locale.ROOT).contains(hostile.toLowerCase(Locale.ROOT)), sql);
        }
        assertFalse(sql.contains("DROP"), sql);
        assertFalse(sql.contains("--"), sql);
        assertFalse(sql.contains(";"), sql);
        assertEquals(CompilerFixture.placeholders(sql), fragment.parameters().size(), sql);
    }
}
