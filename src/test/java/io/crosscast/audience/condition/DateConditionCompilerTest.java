package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Birth dates: DATE column, LocalDate parameters; the fixed clock makes today 2026-11-29 in Paris. */
class DateConditionCompilerTest {

    private static final LocalDate D = LocalDate.of(1980, 5, 17);

    @Test
    void comparisons() {
        assertCompiles(
                "r.birth_date = ?", List.of(D), Rule.of(RecipientField.BIRTH_DATE, Operator.EQUALS, "1980-05-17"));
        assertCompiles(
                "(r.birth_date IS NULL OR r.birth_date <> ?)",
                List.of(D),
                Rule.of(RecipientField.BIRTH_DATE, Operator.NOT_EQUALS, "1980-05-17"));
        assertCompiles(
                "r.birth_date < ?", List.of(D), Rule.of(RecipientField.BIRTH_DATE, Operator.LESS_THAN, "1980-05-17"));
        assertCompiles(
                "r.birth_date <= ?",
                List.of(D),
                Rule.of(RecipientField.BIRTH_DATE, Operator.LESS_OR_EQUAL, "1980-05-17"));
        assertCompiles(
                "r.birth_date > ?",
                List.of(D),
                Rule.of(RecipientField.BIRTH_DATE, Operator.GREATER_THAN, "1980-05-17"));
        assertCompiles(
                "r.birth_date >= ?",
                List.of(D),
                Rule.of(RecipientField.BIRTH_DATE, Operator.GREATER_OR_EQUAL, " 1980-05-17 "));
    }

    @Test
    void betweenIncludesBothDays() {
        assertCompiles(
                "(r.birth_date >= ? AND r.birth_date <= ?)",
                List.of(LocalDate.of(1980, 1, 1), LocalDate.of(1989, 12, 31)),
                Rule.of(RecipientField.BIRTH_DATE, Operator.BETWEEN, "1980-01-01", "1989-12-31"));
    }

    @Test
    void emptiness() {
        assertCompiles("r.birth_date IS NULL", List.of(), Rule.of(RecipientField.BIRTH_DATE, Operator.IS_EMPTY));
        assertCompiles(
                "r.birth_date IS NOT NULL", List.of(), Rule.of(RecipientField.BIRTH_DATE, Operator.IS_NOT_EMPTY));
    }

    @Test
    void lastDaysCountFromTodayInTheZone() {
        assertCompiles(
                "r.birth_date >= ?",
                List.of(LocalDate.of(2026, 11, 22)),
                Rule.of(RecipientField.BIRTH_DATE, Operator.IN_LAST_DAYS, "7"));
        assertCompiles(
                "r.birth_date >= ?",
                List.of(LocalDate.of(2026, 11, 29)),
                Rule.of(RecipientField.BIRTH_DATE, Operator.IN_LAST_DAYS, "0"));
        assertCompiles(
                "(r.birth_date IS NULL OR r.birth_date < ?)",
                List.of(LocalDate.of(2025, 11, 29)),
                Rule.of(RecipientField.BIRTH_DATE, Operator.NOT_IN_LAST_DAYS, "365"));
    }

    @Test
    void todayIsTheZonesDateNotUtcs() {
        // 23:30 UTC on the 29th is already the 30th in Paris, still the 29th in New York.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-29T23:30:00Z"), ZoneOffset.UTC);
        Rule rule = Rule.of(RecipientField.BIRTH_DATE, Operator.IN_LAST_DAYS, "1");
        assertEquals(
                List.of(LocalDate.of(2026, 11, 29)),
                new ConditionCompiler(lateEvening, ZoneId.of("Europe/Paris"))
                        .compile(rule, "r")
                        .parameters());
        assertEquals(
                List.of(LocalDate.of(2026, 11, 28)),
                new ConditionCompiler(lateEvening, ZoneId.of("America/New_York"))
                        .compile(rule, "r")
                        .parameters());
    }

    @Test
    void badDatesAreRefused() {
        InvalidConditionException e = assertThrows(
                InvalidConditionException.class,
                () -> CompilerFixture.compile(RecipientField.BIRTH_DATE, Operator.EQUALS, "2024-13-40"));
        assertEquals("'2024-13-40' is not a date (expected yyyy-MM-dd) in rule birthDate", e.getMessage());
        e = assertThrows(
                InvalidConditionException.class,
                () -> CompilerFixture.compile(RecipientField.BIRTH_DATE, Operator.IN_LAST_DAYS, "a week"));
        assertEquals(
                "'a week' is not a number of days (a whole number from 0 to 36500) in rule birthDate", e.getMessage());
    }
}
