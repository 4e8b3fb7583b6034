package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Groups, the alias, and what the compiler refuses. */
class ConditionCompilerTest {

    @Test
    void emptyAndGroupMatchesEveryoneEmptyOrGroupNoOne() {
        assertCompiles("1=1", List.of(), Group.and());
        assertCompiles("1=0", List.of(), Group.or());
        assertCompiles("(1=1 AND 1=0)", List.of(), Group.and(Group.and(), Group.or()));
        assertCompiles(
                "(1=0 OR r.status = ?)",
                List.of("GOLD"),
                Group.or(Group.or(), Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD")));
    }

    @Test
    void aGroupOfOneIsParenthesised() {
        assertCompiles(
                "(r.status = ?)", List.of("GOLD"), Group.and(Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD")));
    }

    @Test
    void groupsJoinTheirChildrenAndKeepParametersInOrder() {
        Condition condition = Group.and(
                Rule.of(RecipientField.STATUS, Operator.IN, "gold", "silver"),
                Group.or(
                        Rule.of(RecipientField.COUNTRY, Operator.EQUALS, "fr"),
                        Rule.of(RecipientField.EMAIL, Operator.CONTAINS, "@example.fr"),
                        Group.and(
                                Rule.of(RecipientField.BIRTH_DATE, Operator.BETWEEN, "1980-01-01", "1989-12-31"),
                                Rule.of(RecipientField.LIST, Operator.NOT_MEMBER_OF_LIST, "9"))),
                Rule.of(RecipientField.EMAIL_OPT_OUT, Operator.IS_FALSE),
                Rule.of(RecipientField.EMAIL_QUARANTINED, Operator.IS_FALSE),
                Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "30"));
        assertCompiles(
                "(r.status IN (?, ?)"
                        + " AND (r.country = ?"
                        + " OR r.email_key LIKE ? ESCAPE '\\'"
                        + " OR ((r.birth_date >= ? AND r.birth_date <= ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM list_member lm WHERE lm.list_id = ? AND lm.recipient_id = r.id)))"
                        + " AND (r.email_opt_out IS NULL OR r.email_opt_out = ?)"
                        + " AND r.email_quarantined_at IS NULL"
                        + " AND r.created_at >= ?)",
                List.of(
                        "GOLD",
                        "SILVER",
                        "FR",
                        "%@example.fr%",
                        LocalDate.of(1980, 1, 1),
                        LocalDate.of(1989, 12, 31),
                        9L,
                        false,
                        OffsetDateTime.parse("2026-10-30T11:00+01:00")),
                condition);
    }

    @Test
    void aLoneRuleIsNotParenthesised() {
        assertCompiles("r.first_name = ?", List.of("Ann"), Rule.of(RecipientField.FIRST_NAME, Operator.EQUALS, "Ann"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "1r",
                "r.x",
                "r x",
                "r;",
                "r--",
                "\"r\"",
                "r)",
                "é",
                "r'",
                " r",
                "a123456789012345678901234567890123456789012345678901234567890123"
            })
    void refusesAnAliasThatIsNotAPlainIdentifier(String alias) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CompilerFixture.COMPILER.compile(Group.and(), alias));
        assertTrue(e.getMessage().contains("plain SQL identifier"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "r",
                "R",
                "_",
                "recipient",
                "rcp_2",
                "a12345678901234567890123456789012345678901234567890123456789012"
            })
    void acceptsPlainIdentifiers(String alias) {
        SqlFragment fragment =
                CompilerFixture.COMPILER.compile(Rule.of(RecipientField.FIRST_NAME, Operator.EQUALS, "x"), alias);
        assertEquals(alias + ".first_name = ?", fragment.sql());
    }

    @Test
    void refusesAnInvalidConditionWithEveryProblem() {
        Condition condition = Group.and(
                new Rule("salary", Operator.GREATER_THAN, List.of("1000")),
                Rule.of(RecipientField.BIRTH_DATE, Operator.CONTAINS, "1980"));
        InvalidConditionException e =
                assertThrows(InvalidConditionException.class, () -> CompilerFixture.compile(condition));
        assertEquals(
                "Unknown field 'salary'; Operator 'contains' does not apply to field 'birthDate' (a date)",
                e.getMessage());
        assertEquals(
                List.of(ProblemCode.UNKNOWN_FIELD, ProblemCode.OPERATOR_NOT_APPLICABLE),
                e.problems().stream().map(ConditionProblem::code).toList());
    }

    @Test
    void refusesWrongValueCounts() {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> CompilerFixture.compile(RecipientField.CREATED_AT, Operator.BETWEEN, "2026-01-01"));
        assertEquals("'between' needs two values, got 1 in rule createdAt", e.getMessage());
    }

    @Test
    void refusesTooDeepConditions() {
        Condition condition = Rule.of(RecipientField.STATUS, Operator.EQUALS, "GOLD");
        for (int i = 0; i < 11; i++) {
            condition = Group.or(condition);
        }
        Condition deep = condition;
        InvalidConditionException e =
                assertThrows(InvalidConditionException.class, () -> CompilerFixture.compile(deep));
        assertEquals("The condition nests groups too deeply (at most 10 levels)", e.getMessage());
    }

    @Test
    void refusesNulls() {
        assertThrows(NullPointerException.class, () -> CompilerFixture.COMPILER.compile(null, "r"));
        assertThrows(NullPointerException.class, () -> new ConditionCompiler(null, ZoneOffset.UTC));
        assertThrows(NullPointerException.class, () -> new ConditionCompiler(Clock.systemUTC(), null));
    }

    @Test
    void fragmentsAreImmutable() {
        SqlFragment fragment = CompilerFixture.compile(RecipientField.STATUS, Operator.IN, "GOLD");
        assertThrows(
                UnsupportedOperationException.class, () -> fragment.parameters().add("x"));
    }
}
