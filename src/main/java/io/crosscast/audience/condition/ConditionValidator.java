package io.crosscast.audience.condition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says what is wrong with a condition, in a marketer's words.
 *
 * <ul>
 *   <li>{@link #validate(Condition)} collects every problem, with its code, arguments and position, for a
 *       UI that shows them all at once (an empty list means the condition is valid);</li>
 *   <li>{@link #problems(Condition)} gives the same problems as English messages;</li>
 *   <li>{@link #requireValid(Condition)} throws an {@link InvalidConditionException} listing them.</li>
 * </ul>
 *
 * <p>Checked, per rule: the field is in {@link RecipientField}; the operator applies to its type; the
 * number of values suits the operator; each value reads as the type wants (a date yyyy-MM-dd, a number
 * of days from 0 to 36500, an allowed status, a positive list or delivery id, a text that is not blank),
 * and the dates of a {@code between} are in order. A behaviour rule ({@code delivery opened}) without a
 * delivery id is valid: it means the incoming delivery, which only {@link ConditionCompiler} can check.
 *
 * <p>Per tracking-log condition ({@link TrackingLogRule}): every option is known and reads (a log type, a
 * text that is not blank, a positive delivery id or {@code incoming}, dates in order, a number of days, a
 * count from 1 to {@value TrackingLogRule#MAX_COUNT}, {@code true} or {@code false}), and no two options
 * contradict each other ({@code inLastDays} with {@code from} or {@code to}, {@code none} with
 * {@code atLeast}).
 *
 * <p>For the whole condition: at most {@value #MAX_DEPTH} levels of groups, {@value #MAX_RULES} rules
 * (tracking-log conditions count as rules, their options as values), {@value #MAX_VALUES_PER_RULE} values
 * per rule and {@value #MAX_VALUES} values in all (so that the compiled SQL stays within what databases
 * bind).
 */
public final class ConditionValidator {

    /** The most levels of nested groups a condition may have (a root group is level 1). */
    public static final int MAX_DEPTH = 10;
    /** The most rules a condition may have. */
    public static final int MAX_RULES = 200;
    /** The most values one rule may have (an {@code in} list). */
    public static final int MAX_VALUES_PER_RULE = 1_000;
    /** The most values a condition may have in all. */
    public static final int MAX_VALUES = 10_000;

    private final List<ConditionProblem> problems = new ArrayList<>();
    private int rules;
    private int values;
    private boolean tooDeepReported;

    private ConditionValidator() {}

    /** Every problem of the condition, in the order they occur; empty when it is valid. */
    public static List<ConditionProblem> validate(Condition condition) {
        ConditionValidator validator = new ConditionValidator();
        validator.check(condition, new ArrayList<>(), 0);
        if (validator.rules > MAX_RULES) {
            validator.add(
                    ProblemCode.TOO_MANY_RULES, List.of(), String.valueOf(validator.rules), String.valueOf(MAX_RULES));
        }
        if (validator.values > MAX_VALUES) {
            validator.add(
                    ProblemCode.TOO_MANY_VALUES_IN_TOTAL,
                    List.of(),
                    String.valueOf(validator.values),
                    String.valueOf(MAX_VALUES));
        }
        return List.copyOf(validator.problems);
    }

    /** The English messages of {@link #validate(Condition)}; empty when the condition is valid. */
    public static List<String> problems(Condition condition) {
        return validate(condition).stream().map(ConditionProblem::message).toList();
    }

    /** Whether the condition has no problem. */
    public static boolean isValid(Condition condition) {
        return validate(condition).isEmpty();
    }

    /**
     * Returns quietly if the condition is valid.
     *
     * @throws InvalidConditionException listing every problem otherwise
     */
    public static void requireValid(Condition condition) {
        List<ConditionProblem> found = validate(condition);
        if (!found.isEmpty()) {
            throw new InvalidConditionException(found);
        }
    }

    private void check(Condition condition, List<Integer> path, int depth) {
        if (condition instanceof Group group) {
            checkGroup(group, path, depth + 1);
        } else if (condition instanceof Rule rule) {
            rules++;
            values += rule.values().size();
            checkRule(rule, path);
        } else if (condition instanceof TrackingLogRule tracking) {
            rules++;
            values += tracking.options().size();
            TrackingLogOptions.read(tracking, (code, arguments) -> add(code, path, arguments));
        }
    }

    private void checkGroup(Group group, List<Integer> path, int depth) {
        if (depth > MAX_DEPTH) {
            if (!tooDeepReported) {
                add(ProblemCode.TOO_DEEP, path, String.valueOf(MAX_DEPTH));
                tooDeepReported = true;
            }
            return;
        }
        for (int i = 0; i < group.children().size(); i++) {
            path.add(i);
            check(group.children().get(i), path, depth);
            path.remove(path.size() - 1);
        }
    }

    private void checkRule(Rule rule, List<Integer> path) {
        if (EnrichmentRules.isEnrichment(rule.field())) {
            EnrichmentRules.check(rule, (code, arguments) -> add(code, path, arguments));
            return;
        }
        Optional<RecipientField> known = RecipientField.fromPublicName(rule.field());
        if (known.isEmpty()) {
            add(ProblemCode.UNKNOWN_FIELD, path, rule.field());
            return;
        }
        RecipientField field = known.get();
        Operator operator = rule.operator();
        if (!field.allows(operator)) {
            add(
                    ProblemCode.OPERATOR_NOT_APPLICABLE,
                    path,
                    operator.jsonName(),
                    field.publicName(),
                    field.type().name(),
                    field.type().description());
            return;
        }
        if (!checkValueCount(rule, field, path)) {
            return;
        }
        switch (field.type()) {
            case TEXT -> checkTexts(rule, field, path);
            case ENUM -> checkEnumValues(rule, field, path);
            case DATE, TIMESTAMP -> checkDates(rule, field, path);
            case LIST -> checkListId(rule, path);
            case BEHAVIOUR -> checkDeliveryId(rule, path);
            case BOOLEAN -> {
                // no value to read
            }
        }
    }

    private boolean checkValueCount(Rule rule, RecipientField field, List<Integer> path) {
        Operator operator = rule.operator();
        int count = rule.values().size();
        if (count > MAX_VALUES_PER_RULE) {
            add(
                    ProblemCode.TOO_MANY_VALUES,
                    path,
                    operator.jsonName(),
                    String.valueOf(count),
                    String.valueOf(MAX_VALUES_PER_RULE),
                    field.publicName());
            return false;
        }
        if (operator.arity().accepts(count)) {
            return true;
        }
        ProblemCode code = switch (operator.arity()) {
            case NONE -> ProblemCode.NEEDS_NO_VALUE;
            case ONE -> ProblemCode.NEEDS_ONE_VALUE;
            case TWO -> ProblemCode.NEEDS_TWO_VALUES;
            case ONE_OR_MORE -> ProblemCode.NEEDS_VALUES;
            case AT_MOST_ONE -> ProblemCode.NEEDS_AT_MOST_ONE_VALUE;
        };
        add(code, path, operator.jsonName(), String.valueOf(count), field.publicName());
        return false;
    }

    private void checkTexts(Rule rule, RecipientField field, List<Integer> path) {
        if (rule.values().stream().anyMatch(String::isBlank)) {
            add(ProblemCode.EMPTY_VALUE, path, field.publicName());
        }
    }

    private void checkEnumValues(Rule rule, RecipientField field, List<Integer> path) {
        for (String value : rule.values()) {
            if (RuleValues.enumValue(field, value).isEmpty()) {
                add(
                        ProblemCode.NOT_AN_ALLOWED_VALUE,
                        path,
                        value,
                        field.publicName(),
                        String.join(", ", field.allowedValues()));
            }
        }
    }

    private void checkDates(Rule rule, RecipientField field, List<Integer> path) {
        if (rule.operator() == Operator.IN_LAST_DAYS || rule.operator() == Operator.NOT_IN_LAST_DAYS) {
            String value = rule.values().get(0);
            if (RuleValues.days(value).isEmpty()) {
                add(ProblemCode.NOT_A_DAY_COUNT, path, value, String.valueOf(RuleValues.MAX_DAYS), field.publicName());
            }
            return;
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String value : rule.values()) {
            Optional<LocalDate> date = RuleValues.date(value);
            if (date.isEmpty()) {
                add(ProblemCode.NOT_A_DATE, path, value, field.publicName());
            } else {
                dates.add(date.get());
            }
        }
        if (rule.operator() == Operator.BETWEEN
                && dates.size() == 2
                && dates.get(0).isAfter(dates.get(1))) {
            add(
                    ProblemCode.DATES_IN_WRONG_ORDER,
                    path,
                    dates.get(0).toString(),
                    dates.get(1).toString(),
                    field.publicName());
        }
    }

    private void checkListId(Rule rule, List<Integer> path) {
        String value = rule.values().get(0);
        if (RuleValues.listId(value).isPresent()) {
            return;
        }
        add(
                RuleValues.isWholeNumber(value) ? ProblemCode.LIST_ID_NOT_POSITIVE : ProblemCode.NOT_A_LIST_ID,
                path,
                value);
    }

    /** No value, or a blank one: the incoming delivery; else a positive id. */
    private void checkDeliveryId(Rule rule, List<Integer> path) {
        if (rule.values().isEmpty() || rule.values().get(0).isBlank()) {
            return;
        }
        checkDeliveryId(rule.values().get(0), path);
    }

    private void checkDeliveryId(String value, List<Integer> path) {
        if (RuleValues.deliveryId(value).isPresent()) {
            return;
        }
        add(
                RuleValues.isWholeNumber(value) ? ProblemCode.DELIVERY_ID_NOT_POSITIVE : ProblemCode.NOT_A_DELIVERY_ID,
                path,
                value);
    }

    private void add(ProblemCode code, List<Integer> path, String... arguments) {
        problems.add(new ConditionProblem(code, List.of(arguments), path));
    }
}
