package io.crosscast.audience.condition;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns a condition into a SQL boolean expression on table {@code recipient}, for a {@code WHERE}
 * clause such as {@code SELECT r.id FROM recipient r WHERE <fragment>}.
 *
 * <p>The SQL text holds only whitelisted columns ({@link RecipientField#column()}), the alias, fixed
 * keywords and {@code ?} placeholders: every value the marketer typed is a bound parameter. It runs on
 * H2 and PostgreSQL alike. A group compiles to {@code (a AND b)} or {@code (a OR b)}; an empty AND group
 * to {@code 1=1} and an empty OR group to {@code 1=0}. Values are stripped of surrounding white space;
 * how each operator compiles is described on the per-type compilers ({@code TextRuleCompiler},
 * {@code EnumRuleCompiler}, {@code DateRuleCompiler}, {@code TimestampRuleCompiler},
 * {@code BooleanRuleCompiler}, {@code ListRuleCompiler}, {@code BehaviourRuleCompiler}) and pinned down by
 * the tests.
 *
 * <p>Behaviour rules and tracking-log conditions ({@code TrackingLogRuleCompiler}) read other tables
 * through correlated subqueries on {@code <alias>.id}; one that gives no delivery id (or
 * {@value TrackingLogRule#INCOMING}) means the incoming delivery, taken from the {@link CompileContext}.
 *
 * <p>Relative dates ({@code in_last_days}, {@code inLastDays}) are computed from the clock when {@link #compile} runs, and
 * days are cut at midnight in the zone given here. Instances are immutable and thread-safe.
 */
public final class ConditionCompiler {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final RuleCompiler text = new TextRuleCompiler();
    private final RuleCompiler enums = new EnumRuleCompiler();
    private final RuleCompiler dates;
    private final RuleCompiler timestamps;
    private final RuleCompiler booleans = new BooleanRuleCompiler();
    private final RuleCompiler lists = new ListRuleCompiler();
    private final BehaviourRuleCompiler behaviour = new BehaviourRuleCompiler();
    private final TrackingLogRuleCompiler trackingLogs;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock gives "now" and "today" for relative dates
     * @param zone  where days start and end, for date values on timestamp fields and for "today"
     */
    public ConditionCompiler(Clock clock, ZoneId zone) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        this.dates = new DateRuleCompiler(clock, zone);
        this.timestamps = new TimestampRuleCompiler(clock, zone);
        this.trackingLogs = new TrackingLogRuleCompiler(clock, zone);
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Compiles a condition that names every delivery it tests: the same as
     * {@link #compile(Condition, String, CompileContext)} with {@link CompileContext#EMPTY}.
     *
     * @throws InvalidConditionException if the condition has problems, or refers to the incoming delivery
     */
    public SqlFragment compile(Condition condition, String recipientAlias) {
        return compile(condition, recipientAlias, CompileContext.EMPTY);
    }

    /**
     * Compiles a condition.
     *
     * @param condition      the condition; validated first
     * @param recipientAlias the alias of table {@code recipient} in the query: a plain SQL identifier
     *                       ({@code [A-Za-z_][A-Za-z0-9_]*}, at most 63 characters)
     * @param context        what the condition may leave out: the incoming delivery of behaviour rules
     *                       without a delivery id and of tracking-log conditions on the incoming delivery
     * @return the SQL expression, columns written {@code <alias>.<column>}, and its parameters
     * @throws InvalidConditionException if the condition has problems (see {@link ConditionValidator}), or
     *                                   refers to the incoming delivery ({@link Condition#refersToIncomingDelivery()})
     *                                   while the context has none ({@link ProblemCode#NO_INCOMING_DELIVERY})
     * @throws IllegalArgumentException  if the alias is not a plain identifier
     */
    public SqlFragment compile(Condition condition, String recipientAlias, CompileContext context) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(context, "context");
        if (recipientAlias == null || !IDENTIFIER.matcher(recipientAlias).matches()) {
            throw new IllegalArgumentException("The recipient alias must be a plain SQL identifier "
                    + "(letters, digits and _, not starting with a digit), got: " + recipientAlias);
        }
        ConditionValidator.requireValid(condition);
        if (context.incomingDelivery().isEmpty()) {
            List<ConditionProblem> missing = new ArrayList<>();
            findIncomingDeliveryRefs(condition, new ArrayList<>(), missing);
            if (!missing.isEmpty()) {
                throw new InvalidConditionException(missing);
            }
        }
        if (context.enrichmentRun().isEmpty() && EnrichmentRules.uses(condition)) {
            List<String> fields = new ArrayList<>();
            EnrichmentRules.fields(condition, fields);
            throw new InvalidConditionException(fields.stream()
                    .map(field -> new ConditionProblem(ProblemCode.NO_ENRICHMENT, List.of(field), List.of()))
                    .toList());
        }
        return compileValid(condition, recipientAlias, context);
    }

    /** A {@link ProblemCode#NO_INCOMING_DELIVERY} for each rule that refers to the incoming delivery. */
    private static void findIncomingDeliveryRefs(
            Condition condition, List<Integer> path, List<ConditionProblem> problems) {
        if (condition instanceof Group group) {
            for (int i = 0; i < group.children().size(); i++) {
                path.add(i);
                findIncomingDeliveryRefs(group.children().get(i), path, problems);
                path.remove(path.size() - 1);
            }
        } else if (condition.refersToIncomingDelivery()) {
            problems.add(new ConditionProblem(ProblemCode.NO_INCOMING_DELIVERY, List.of(describe(condition)), path));
        }
    }

    private static String describe(Condition condition) {
        if (condition instanceof TrackingLogRule tracking) {
            return TrackingLogOptions.describe(tracking);
        }
        Rule rule = (Rule) condition;
        return rule.field() + " " + rule.operator().jsonName();
    }

    private SqlFragment compileValid(Condition condition, String alias, CompileContext context) {
        if (condition instanceof Group group) {
            return compileGroup(group, alias, context);
        }
        if (condition instanceof TrackingLogRule tracking) {
            return trackingLogs.compile(
                    tracking,
                    alias,
                    context.incomingDelivery().isPresent()
                            ? context.incomingDelivery().getAsLong()
                            : null,
                    context);
        }
        Rule rule = (Rule) condition;
        if (EnrichmentRules.isEnrichment(rule.field())) {
            return EnrichmentRules.compile(
                    rule, alias, context.enrichmentRun().orElseThrow(() -> RuleCompiler.unexpected(rule)), clock, zone);
        }
        RecipientField field =
                RecipientField.fromPublicName(rule.field()).orElseThrow(() -> RuleCompiler.unexpected(rule));
        if (field.type() == FieldType.BEHAVIOUR) {
            long delivery = RuleValues.behaviourDelivery(rule)
                    .orElseGet(() -> context.incomingDelivery().orElseThrow(() -> RuleCompiler.unexpected(rule)));
            return behaviour.compile(rule, alias, delivery, context);
        }
        return compilerFor(field.type()).compile(rule, field, alias);
    }

    private SqlFragment compileGroup(Group group, String alias, CompileContext context) {
        if (group.children().isEmpty()) {
            return SqlFragment.of(group.logic() == Logic.AND ? "1=1" : "1=0");
        }
        String joiner = group.logic() == Logic.AND ? " AND " : " OR ";
        StringBuilder sql = new StringBuilder("(");
        List<Object> parameters = new ArrayList<>();
        for (Condition child : group.children()) {
            SqlFragment fragment = compileValid(child, alias, context);
            if (sql.length() > 1) {
                sql.append(joiner);
            }
            sql.append(fragment.sql());
            parameters.addAll(fragment.parameters());
        }
        return new SqlFragment(sql.append(')').toString(), parameters);
    }

    private RuleCompiler compilerFor(FieldType type) {
        return switch (type) {
            case TEXT -> text;
            case ENUM -> enums;
            case DATE -> dates;
            case TIMESTAMP -> timestamps;
            case BOOLEAN -> booleans;
            case LIST -> lists;
            case BEHAVIOUR -> throw new IllegalStateException("Behaviour rules compile with their delivery");
        };
    }
}
