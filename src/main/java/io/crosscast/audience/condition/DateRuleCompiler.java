package io.crosscast.audience.condition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * DATE fields, compared with {@link LocalDate} parameters. {@code in_last_days N} means on or after
 * today minus N days, today being the clock's date in the compiler's zone; {@code not_in_last_days N}
 * means before that day, or no date.
 */
final class DateRuleCompiler implements RuleCompiler {

    private final Clock clock;
    private final ZoneId zone;

    DateRuleCompiler(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public SqlFragment compile(Rule rule, RecipientField field, String alias) {
        String column = RuleCompiler.column(field, alias);
        return switch (rule.operator()) {
            case EQUALS -> SqlFragment.of(column + " = ?", date(rule, 0));
            case NOT_EQUALS -> SqlFragment.of("(" + column + " IS NULL OR " + column + " <> ?)", date(rule, 0));
            case LESS_THAN -> SqlFragment.of(column + " < ?", date(rule, 0));
            case LESS_OR_EQUAL -> SqlFragment.of(column + " <= ?", date(rule, 0));
            case GREATER_THAN -> SqlFragment.of(column + " > ?", date(rule, 0));
            case GREATER_OR_EQUAL -> SqlFragment.of(column + " >= ?", date(rule, 0));
            case BETWEEN ->
                SqlFragment.of("(" + column + " >= ? AND " + column + " <= ?)", date(rule, 0), date(rule, 1));
            case IS_EMPTY -> SqlFragment.of(column + " IS NULL");
            case IS_NOT_EMPTY -> SqlFragment.of(column + " IS NOT NULL");
            case IN_LAST_DAYS -> SqlFragment.of(column + " >= ?", firstDayOfLast(rule));
            case NOT_IN_LAST_DAYS ->
                SqlFragment.of("(" + column + " IS NULL OR " + column + " < ?)", firstDayOfLast(rule));
            default -> throw RuleCompiler.unexpected(rule);
        };
    }

    private static LocalDate date(Rule rule, int index) {
        return RuleValues.date(rule.values().get(index)).orElseThrow(() -> RuleCompiler.unexpected(rule));
    }

    private LocalDate firstDayOfLast(Rule rule) {
        int days = RuleValues.days(rule.values().get(0)).orElseThrow(() -> RuleCompiler.unexpected(rule));
        return clock.instant().atZone(zone).toLocalDate().minusDays(days);
    }
}
