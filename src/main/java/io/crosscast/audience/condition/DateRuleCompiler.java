package io.crosscast.audience.condition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * DATE fields, compared with {@link LocalDate} parameters. {@code in_last_days N} means on or after
 * today minus N days, today being the clock's date in the compiler's zone; {@code not_in_last_days N}
 * means before that day, or no date.
 */
final class DateRuleCompiler extends TemporalRuleCompiler {

    DateRuleCompiler(Clock clock, ZoneId zone) {
        super(clock, zone);
    }

    @Override
    SqlFragment compare(Rule rule, String column) {
        return switch (rule.operator()) {
            case EQUALS -> SqlFragment.of(column + " = ?", date(rule, 0));
            case NOT_EQUALS -> SqlFragment.of("(" + column + " IS NULL OR " + column + " <> ?)", date(rule, 0));
            case LESS_THAN -> SqlFragment.of(column + " < ?", date(rule, 0));
            case LESS_OR_EQUAL -> SqlFragment.of(column + " <= ?", date(rule, 0));
            case GREATER_THAN -> SqlFragment.of(column + " > ?", date(rule, 0));
            case GREATER_OR_EQUAL -> SqlFragment.of(column + " >= ?", date(rule, 0));
            case BETWEEN ->
                SqlFragment.of("(" + column + " >= ? AND " + column + " <= ?)", date(rule, 0), date(rule, 1));
            default -> throw RuleCompiler.unexpected(rule);
        };
    }

    /** Today minus {@code days} days, today being the clock's date in the zone. */
    @Override
    LocalDate lastDaysStart(int days) {
        return clock.instant().atZone(zone).toLocalDate().minusDays(days);
    }
}
