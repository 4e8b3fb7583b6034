package io.crosscast.audience.condition;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tracking-log conditions, as correlated subqueries on {@code tracking_log tl} and the recipient's
 * {@code id}: {@code EXISTS} for at least one matching log, {@code NOT EXISTS} for none, and
 * {@code (SELECT COUNT(*) ...) >= ?} for at least N &gt; 1. Each option adds a test on the log, every value
 * bound: {@code tl.delivery_id = ?} (the option's delivery, or the incoming one), {@code tl.type = ?},
 * {@code LOWER(tl.url) LIKE ?} (escaped as text searches are), {@code tl.label = ?}, and
 * {@code tl.logged_at} from the first instant of {@code from} to before the first instant of the day after
 * {@code to}, or from now minus N days, as timestamp rules read days ({@link TimestampRuleCompiler}); for
 * {@code actors} people {@code tl.actor = 'PERSON'}, machines {@code tl.actor IN ('PRIVACY_PROXY', 'SCANNER')}.
 *
 * <p>Opens are OPEN or CLICK logs; rather than {@code tl.type IN (?, ?)}, which makes H2 scan the whole
 * delivery's logs for every recipient, they compile to one subquery per type:
 * {@code (EXISTS (... OPEN) OR EXISTS (... CLICK))}, {@code (NOT EXISTS (... OPEN) AND NOT EXISTS (...
 * CLICK))}, {@code ((SELECT COUNT(*) ... OPEN) + (SELECT COUNT(*) ... CLICK)) >= ?}.
 */
final class TrackingLogRuleCompiler {

    private final Clock clock;
    private final ZoneId zone;

    TrackingLogRuleCompiler(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param rule             a valid tracking-log condition
     * @param alias            the recipient table's alias, already checked to be a plain identifier
     * @param incomingDelivery the incoming delivery, used when the rule says {@value TrackingLogRule#INCOMING}
     *                         (then never null)
     */
    SqlFragment compile(TrackingLogRule rule, String alias, Long incomingDelivery) {
        return compile(rule, alias, incomingDelivery, CompileContext.EMPTY);
    }

    /**
     * As {@link #compile(TrackingLogRule, String, Long)}, in a context that may simulate deliveries: a rule on a
     * simulated delivery reads the run's {@code simulated_hit} rows instead of {@code tracking_log}; a rule on any
     * delivery in a simulation reads both (one more subquery per log type, joined as the types are).
     */
    SqlFragment compile(TrackingLogRule rule, String alias, Long incomingDelivery, CompileContext context) {
        TrackingLogOptions options = TrackingLogOptions.of(rule);
        String tl = SubqueryAlias.avoiding(alias, "tl");
        List<String> types = options.type().logTypes();
        Long delivery = options.incoming()
                ? incomingDelivery
                : options.delivery().isPresent() ? options.delivery().getAsLong() : null;
        boolean real = delivery == null || !context.simulates(delivery);
        boolean simulated = context.simulationRun().isPresent() && (delivery == null || context.simulates(delivery));
        List<SqlFragment> subqueries = new ArrayList<>();
        for (String type : types.isEmpty() ? Collections.<String>singletonList(null) : types) {
            if (real) {
                subqueries.add(subquery(options, tl, alias, incomingDelivery, type, "tracking_log ", ""));
            }
            if (simulated) {
                // SENT rows are the simulated ledger, not logs
                String test = context.simulationTest(tl) + (type == null ? tl + ".type <> 'SENT' AND " : "");
                subqueries.add(subquery(options, tl, alias, incomingDelivery, type, "simulated_hit ", test));
            }
        }
        if (options.none()) {
            return join(subqueries, "NOT EXISTS (SELECT 1 ", ")", " AND ");
        }
        if (options.atLeast() == 1) {
            return join(subqueries, "EXISTS (SELECT 1 ", ")", " OR ");
        }
        SqlFragment counts = join(subqueries, "(SELECT COUNT(*) ", ")", " + ");
        List<Object> parameters = new ArrayList<>(counts.parameters());
        parameters.add((long) options.atLeast());
        return new SqlFragment(counts.sql() + " >= ?", parameters);
    }

    /** {@code FROM tracking_log tl WHERE ...} for one log type (null: any). */
    private SqlFragment subquery(
            TrackingLogOptions options,
            String tl,
            String alias,
            Long incomingDelivery,
            String type,
            String table,
            String firstTest) {
        StringBuilder where = new StringBuilder("FROM " + table + tl + " WHERE " + firstTest);
        List<Object> parameters = new ArrayList<>();
        if (options.incoming() || options.delivery().isPresent()) {
            where.append(tl).append(".delivery_id = ? AND ");
            parameters.add(
                    options.incoming() ? incomingDelivery : options.delivery().getAsLong());
        }
        where.append(tl).append(".recipient_id = ").append(RuleCompiler.column(RecipientField.DELIVERY, alias));
        if (type != null) {
            where.append(" AND ").append(tl).append(".type = ?");
            parameters.add(type);
        }
        options.urlContains().ifPresent(text -> {
            where.append(" AND LOWER(").append(tl).append(".url) LIKE ? ESCAPE '\\'");
            parameters.add("%" + RuleValues.likeLiteral(text) + "%");
        });
        options.label().ifPresent(label -> {
            where.append(" AND ").append(tl).append(".label = ?");
            parameters.add(label);
        });
        options.from().ifPresent(day -> {
            where.append(" AND ").append(tl).append(".logged_at >= ?");
            parameters.add(TimestampRuleCompiler.startOfDay(day, zone));
        });
        options.to().ifPresent(day -> {
            where.append(" AND ").append(tl).append(".logged_at < ?");
            parameters.add(TimestampRuleCompiler.startOfDay(day.plusDays(1), zone));
        });
        switch (options.actors()) {
            case PEOPLE -> where.append(" AND ").append(tl).append(".actor = 'PERSON'");
            case MACHINES -> where.append(" AND ").append(tl).append(".actor IN ('PRIVACY_PROXY', 'SCANNER')");
            case ALL -> {
                // every log
            }
        }
        options.inLastDays().ifPresent(days -> {
            where.append(" AND ").append(tl).append(".logged_at >= ?");
            parameters.add(TimestampRuleCompiler.daysAgo(clock, zone, days));
        });
        return new SqlFragment(where.toString(), parameters);
    }

    /** Each subquery wrapped in {@code open ... close}, joined; parenthesised when there are several. */
    private static SqlFragment join(List<SqlFragment> subqueries, String open, String close, String joiner) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (SqlFragment subquery : subqueries) {
            parts.add(open + subquery.sql() + close);
            parameters.addAll(subquery.parameters());
        }
        String sql = String.join(joiner, parts);
        return new SqlFragment(parts.size() == 1 ? sql : "(" + sql + ")", parameters);
    }
}
