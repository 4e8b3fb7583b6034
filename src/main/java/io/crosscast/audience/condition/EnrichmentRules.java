package io.crosscast.audience.condition;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules on the values an Enrichment activity of a workflow run added to its recipients: the field is
 * {@code enrichment.<name>} ({@link #PREFIX}, the name a safe identifier). They compile to a correlated
 * {@code EXISTS} over table {@code enrichment_value} of the run given by the {@link CompileContext} (its primary key
 * run, name, recipient: one lookup per recipient), so they only compile inside a run
 * ({@link ProblemCode#NO_ENRICHMENT} elsewhere).
 *
 * <ul>
 *   <li>{@code equals} / {@code not_equals} compare the value's text, or its number when the value reads as one;
 *       a recipient without the value is "not equal";</li>
 *   <li>{@code less_than}, {@code less_or_equal}, {@code greater_than}, {@code greater_or_equal} compare a number
 *       (counts); a recipient without a number matches none of them;</li>
 *   <li>{@code in_last_days N} / {@code not_in_last_days N} test a date (last open, last click): within the last N
 *       days / before that or never;</li>
 *   <li>{@code is_empty} / {@code is_not_empty}: the recipient has no value / has one.</li>
 * </ul>
 */
public final class EnrichmentRules {

    /** The prefix of an enrichment value's field in a rule. */
    public static final String PREFIX = "enrichment.";

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private static final Set<Operator> OPERATORS = Set.of(
            Operator.EQUALS,
            Operator.NOT_EQUALS,
            Operator.LESS_THAN,
            Operator.LESS_OR_EQUAL,
            Operator.GREATER_THAN,
            Operator.GREATER_OR_EQUAL,
            Operator.IS_EMPTY,
            Operator.IS_NOT_EMPTY,
            Operator.IN_LAST_DAYS,
            Operator.NOT_IN_LAST_DAYS);

    /** A row holds a value (a recipient who never clicked has a row whose last click is NULL). */
    private static final String HAS_VALUE =
            " AND (v.num_value IS NOT NULL OR v.time_value IS NOT NULL OR v.text_value IS NOT NULL)";

    private EnrichmentRules() {}

    /** Whether the rule's field names an enrichment value (valid name or not). */
    static boolean isEnrichment(String field) {
        return field.startsWith(PREFIX);
    }

    /** The value's name of a field {@code enrichment.<name>}, if it is a valid one. */
    public static Optional<String> name(String field) {
        if (!isEnrichment(field)) {
            return Optional.empty();
        }
        String name = field.substring(PREFIX.length());
        return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** The problems of a rule on an enrichment value, through {@code problems}. */
    static void check(Rule rule, ProblemSink problems) {
        if (name(rule.field()).isEmpty()) {
            problems.add(ProblemCode.UNKNOWN_FIELD, rule.field());
            return;
        }
        Operator operator = rule.operator();
        if (!OPERATORS.contains(operator)) {
            problems.add(ProblemCode.ENRICHMENT_OPERATOR, operator.jsonName(), rule.field());
            return;
        }
        int count = rule.values().size();
        if (!operator.arity().accepts(count)) {
            problems.add(
                    operator.arity() == Operator.Arity.NONE ? ProblemCode.NEEDS_NO_VALUE : ProblemCode.NEEDS_ONE_VALUE,
                    operator.jsonName(),
                    String.valueOf(count),
                    rule.field());
            return;
        }
        if (count == 0) {
            return;
        }
        String value = rule.values().get(0);
        switch (operator) {
            case IN_LAST_DAYS, NOT_IN_LAST_DAYS -> {
                if (RuleValues.days(value).isEmpty()) {
                    problems.add(ProblemCode.NOT_A_DAY_COUNT, value, String.valueOf(RuleValues.MAX_DAYS), rule.field());
                }
            }
            case EQUALS, NOT_EQUALS -> {
                if (value.isBlank()) {
                    problems.add(ProblemCode.EMPTY_VALUE, rule.field());
                }
            }
            default -> {
                if (number(value).isEmpty()) {
                    problems.add(ProblemCode.NOT_A_NUMBER, value, rule.field());
                }
            }
        }
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Where a checked rule's problem goes. */
    interface ProblemSink {
        void add(ProblemCode code, String... arguments);
    }

    /** The SQL of a valid rule on alias {@code alias} (table recipient) for the values of run {@code runId}. */
    static SqlFragment compile(Rule rule, String alias, long runId, Clock clock, ZoneId zone) {
        String name = name(rule.field()).orElseThrow(() -> RuleCompiler.unexpected(rule));
        String value = "SELECT 1 FROM enrichment_value v WHERE v.run_id = ? AND v.name = ? AND v.recipient_id = "
                + alias + ".id";
        String test = rule.values().isEmpty() ? null : rule.values().get(0).trim();
        return switch (rule.operator()) {
            case EQUALS -> equal("EXISTS (", value, runId, name, test);
            case NOT_EQUALS -> equal("NOT EXISTS (", value, runId, name, test);
            case LESS_THAN -> numeric(value, "<", runId, name, test);
            case LESS_OR_EQUAL -> numeric(value, "<=", runId, name, test);
            case GREATER_THAN -> numeric(value, ">", runId, name, test);
            case GREATER_OR_EQUAL -> numeric(value, ">=", runId, name, test);
            case IS_EMPTY -> SqlFragment.of("NOT EXISTS (" + value + HAS_VALUE + ")", runId, name);
            case IS_NOT_EMPTY -> SqlFragment.of("EXISTS (" + value + HAS_VALUE + ")", runId, name);
            case IN_LAST_DAYS ->
                SqlFragment.of(
                        "EXISTS (" + value + " AND v.time_value >= ?)",
                        runId,
                        name,
                        TimestampRuleCompiler.daysAgo(
                                clock, zone, RuleValues.days(test).orElseThrow()));
            case NOT_IN_LAST_DAYS ->
                SqlFragment.of(
                        "NOT EXISTS (" + value + " AND v.time_value >= ?)",
                        runId,
                        name,
                        TimestampRuleCompiler.daysAgo(
                                clock, zone, RuleValues.days(test).orElseThrow()));
            default -> throw RuleCompiler.unexpected(rule);
        };
    }

    /** Equal text, or equal number when the value reads as one (a count). */
    private static SqlFragment equal(String exists, String value, long runId, String name, String test) {
        Optional<BigDecimal> number = number(test);
        return number.isPresent()
                ? SqlFragment.of(
                        exists + value + " AND (v.text_value = ? OR v.num_value = ?))", runId, name, test, number.get())
                : SqlFragment.of(exists + value + " AND v.text_value = ?)", runId, name, test);
    }

    private static SqlFragment numeric(String value, String comparison, long runId, String name, String test) {
        return SqlFragment.of(
                "EXISTS (" + value + " AND v.num_value " + comparison + " ?)",
                runId,
                name,
                number(test).orElseThrow());
    }

    /** Whether a condition has a rule on an enrichment value. */
    static boolean uses(Condition condition) {
        if (condition instanceof Group group) {
            return group.children().stream().anyMatch(EnrichmentRules::uses);
        }
        return condition instanceof Rule rule && isEnrichment(rule.field());
    }

    /** The enrichment fields of a condition, for {@link ProblemCode#NO_ENRICHMENT}. */
    static void fields(Condition condition, List<String> found) {
        if (condition instanceof Group group) {
            group.children().forEach(c -> fields(c, found));
        } else if (condition instanceof Rule rule && isEnrichment(rule.field())) {
            found.add(rule.field());
        }
    }
}
