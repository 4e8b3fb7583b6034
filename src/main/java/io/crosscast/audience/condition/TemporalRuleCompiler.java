package io.crosscast.audience.condition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the DATE and TIMESTAMP compilers share: the clock and zone their days are read in, and the rules that
 * take no day of the rule: {@code is_empty}, {@code is_not_empty}, {@code in_last_days N} (on or after the
 * start of the last N days) and {@code not_in_last_days N} (before it, or no value). Each compiler says
 * where the last N days start and how the column compares with the rule's days.
 */
abstract class TemporalRuleCompiler implements RuleCompiler {

    final Clock clock;
    final ZoneId zone;

    TemporalRuleCompiler(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public final SqlFragment compile(Rule rule, RecipientField field, String alias) {
        String column = RuleCompiler.column(field, alias);
        return switch (rule.operator()) {
            case IS_EMPTY -> SqlFragment.of(column + " IS NULL");
            case IS_NOT_EMPTY -> SqlFragment.of(column + " IS NOT NULL");
            case IN_LAST_DAYS -> SqlFragment.of(column + " >= ?", lastDaysStart(days(rule)));
            case NOT_IN_LAST_DAYS ->
                SqlFragment.of("(" + column + " IS NULL OR " + column + " < ?)", lastDaysStart(days(rule)));
            default -> compare(rule, column);
        };
    }

    /** The rules comparing {@code column} with the rule's days: equals, less than... between. */
    abstract SqlFragment compare(Rule rule, String column);

    /** Where the last {@code days} days start, as a parameter of the column's type. */
    abstract Object lastDaysStart(int days);

    /** Value {@code index} of the rule, a day (yyyy-MM-dd). */
    static LocalDate date(Rule rule, int index) {
        return RuleValues.date(rule.values().get(index)).orElseThrow(() -> RuleCompiler.unexpected(rule));
    }

    private static int days(Rule rule) {
        return RuleValues.days(rule.values().get(0)).orElseThrow(() -> RuleCompiler.unexpected(rule));
    }
}
