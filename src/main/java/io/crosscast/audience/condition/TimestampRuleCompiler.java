package io.crosscast.audience.condition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * TIMESTAMP WITH TIME ZONE fields, compared with {@link OffsetDateTime} parameters. A value is a day
 * (yyyy-MM-dd) meaning the whole day in the compiler's zone, from its first instant (included) to the
 * next day's first instant (excluded); daylight-saving days are 23 or 25 hours long, as they should be.
 * {@code in_last_days N} means from now minus N calendar days (same time of day, in the zone) on;
 * {@code not_in_last_days N} means before that instant, or never.
 */
final class TimestampRuleCompiler extends TemporalRuleCompiler {

    TimestampRuleCompiler(Clock clock, ZoneId zone) {
        super(clock, zone);
    }

    @Override
    SqlFragment compare(Rule rule, String column) {
        return switch (rule.operator()) {
            case EQUALS ->
                SqlFragment.of(
                        "(" + column + " >= ? AND " + column + " < ?)", startOf(rule, 0, 0), startOf(rule, 0, 1));
            case NOT_EQUALS ->
                SqlFragment.of(
                        "(" + column + " IS NULL OR " + column + " < ? OR " + column + " >= ?)",
                        startOf(rule, 0, 0),
                        startOf(rule, 0, 1));
            case LESS_THAN -> SqlFragment.of(column + " < ?", startOf(rule, 0, 0));
            case LESS_OR_EQUAL -> SqlFragment.of(column + " < ?", startOf(rule, 0, 1));
            case GREATER_THAN -> SqlFragment.of(column + " >= ?", startOf(rule, 0, 1));
            case GREATER_OR_EQUAL -> SqlFragment.of(column + " >= ?", startOf(rule, 0, 0));
            case BETWEEN ->
                SqlFragment.of(
                        "(" + column + " >= ? AND " + column + " < ?)", startOf(rule, 0, 0), startOf(rule, 1, 1));
            default -> throw RuleCompiler.unexpected(rule);
        };
    }

    /** The first instant of the day of value {@code index}, plus {@code days} days. */
    private OffsetDateTime startOf(Rule rule, int index, int days) {
        return startOfDay(date(rule, index).plusDays(days), zone);
    }

    @Override
    OffsetDateTime lastDaysStart(int days) {
        return daysAgo(clock, zone, days);
    }

    /** The first instant of {@code day} in {@code zone}. */
    static OffsetDateTime startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** Now minus {@code days} calendar days, at the same time of day in {@code zone}. */
    static OffsetDateTime daysAgo(Clock clock, ZoneId zone, int days) {
        return clock.instant().atZone(zone).minusDays(days).toOffsetDateTime();
    }
}
