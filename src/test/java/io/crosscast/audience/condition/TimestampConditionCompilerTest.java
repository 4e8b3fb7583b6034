package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Creation and update times: TIMESTAMP WITH TIME ZONE columns, OffsetDateTime parameters; a day is the
 * whole day in Paris, and now is 2026-11-29T10:00Z = 11:00 in Paris (UTC+1 in November).
 */
class TimestampConditionCompilerTest {

    private static final OffsetDateTime MAY_17 = OffsetDateTime.parse("2026-05-17T00:00+02:00");
    private static final OffsetDateTime MAY_18 = OffsetDateTime.parse("2026-05-18T00:00+02:00");

    @Test
    void aDayIsFromItsMidnightToTheNextInTheZone() {
        assertCompiles(
                "(r.created_at >= ? AND r.created_at < ?)",
                List.of(MAY_17, MAY_18),
                Rule.of(RecipientField.CREATED_AT, Operator.EQUALS, "2026-05-17"));
        assertCompiles(
                "(r.created_at IS NULL OR r.created_at < ? OR r.created_at >= ?)",
                List.of(MAY_17, MAY_18),
                Rule.of(RecipientField.CREATED_AT, Operator.NOT_EQUALS, "2026-05-17"));
    }

    @Test
    void comparisonsCutAtDayBoundaries() {
        assertCompiles(
                "r.updated_at < ?",
                List.of(MAY_17),
                Rule.of(RecipientField.UPDATED_AT, Operator.LESS_THAN, "2026-05-17"));
        assertCompiles(
                "r.updated_at < ?",
                List.of(MAY_18),
                Rule.of(RecipientField.UPDATED_AT, Operator.LESS_OR_EQUAL, "2026-05-17"));
        assertCompiles(
                "r.updated_at >= ?",
                List.of(MAY_18),
                Rule.of(RecipientField.UPDATED_AT, Operator.GREATER_THAN, "2026-05-17"));
        assertCompiles(
                "r.updated_at >= ?",
                List.of(MAY_17),
                Rule.of(RecipientField.UPDATED_AT, Operator.GREATER_OR_EQUAL, "2026-05-17"));
    }

    @Test
    void betweenIncludesTheWholeLastDay() {
        assertCompiles(
                "(r.created_at >= ? AND r.created_at < ?)",
                List.of(OffsetDateTime.parse("2026-01-01T00:00+01:00"), OffsetDateTime.parse("2026-07-01T00:00+02:00")),
                Rule.of(RecipientField.CREATED_AT, Operator.BETWEEN, "2026-01-01", "2026-06-30"));
        assertCompiles(
                "(r.created_at >= ? AND r.created_at < ?)",
                List.of(MAY_17, MAY_18),
                Rule.of(RecipientField.CREATED_AT, Operator.BETWEEN, "2026-05-17", "2026-05-17"));
    }

    @Test
    void daylightSavingDaysKeepTheirRealLength() {
        // Paris springs forward on 2026-03-29: that day lasts 23 hours.
        assertCompiles(
                "(r.created_at >= ? AND r.created_at < ?)",
                List.of(OffsetDateTime.parse("2026-03-29T00:00+01:00"), OffsetDateTime.parse("2026-03-30T00:00+02:00")),
                Rule.of(RecipientField.CREATED_AT, Operator.EQUALS, "2026-03-29"));
    }

    @Test
    void emptiness() {
        assertCompiles("r.created_at IS NULL", List.of(), Rule.of(RecipientField.CREATED_AT, Operator.IS_EMPTY));
        assertCompiles(
                "r.updated_at IS NOT NULL", List.of(), Rule.of(RecipientField.UPDATED_AT, Operator.IS_NOT_EMPTY));
    }

    @Test
    void lastDaysCountFromNow() {
        assertCompiles(
                "r.created_at >= ?",
                List.of(OffsetDateTime.parse("2026-11-22T11:00+01:00")),
                Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "7"));
        assertCompiles(
                "r.created_at >= ?",
                List.of(OffsetDateTime.parse("2026-11-29T11:00+01:00")),
                Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "0"));
        assertCompiles(
                "(r.updated_at IS NULL OR r.updated_at < ?)",
                List.of(OffsetDateTime.parse("2026-10-30T11:00+01:00")),
                Rule.of(RecipientField.UPDATED_AT, Operator.NOT_IN_LAST_DAYS, "30"));
    }

    @Test
    void lastDaysAreCalendarDaysAcrossADaylightSavingChange() {
        // 60 days before 2026-11-29 11:00 in Paris is 2026-09-30 11:00, summer time (UTC+2).
        assertCompiles(
                "r.created_at >= ?",
                List.of(OffsetDateTime.parse("2026-09-30T11:00+02:00")),
                Rule.of(RecipientField.CREATED_AT, Operator.IN_LAST_DAYS, "60"));
    }

    @Test
    void theZoneDecidesWhereDaysStart() {
        Rule rule = Rule.of(RecipientField.CREATED_AT, Operator.EQUALS, "2026-05-17");
        SqlFragment utc =
                new ConditionCompiler(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), ZoneOffset.UTC).compile(rule, "r");
        assertEquals(
                List.of(OffsetDateTime.parse("2026-05-17T00:00Z"), OffsetDateTime.parse("2026-05-18T00:00Z")),
                utc.parameters());
        SqlFragment tokyo = new ConditionCompiler(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), ZoneId.of("Asia/Tokyo"))
                .compile(rule, "r");
        assertEquals(
                List.of(OffsetDateTime.parse("2026-05-17T00:00+09:00"), OffsetDateTime.parse("2026-05-18T00:00+09:00")),
                tokyo.parameters());
    }
}
