package io.crosscast.audience.condition;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tracking-log conditions, as a correlated subquery on {@code tracking_log tl} and the recipient's
 * {@code id}: {@code EXISTS} for at least one matching log, {@code NOT EXISTS} for none, and
 * {@code (SELECT COUNT(*) ...) >= ?} for at least N &gt; 1. Each option adds a test on the log, every value
 * bound: {@code tl.delivery_id = ?} (the option's delivery, or the incoming one), {@code tl.type = ?} (or
 * {@code tl.type IN (?, ?)} with OPEN and CLICK for opens), {@code LOWER(tl.url) LIKE ?} (escaped as text
 * searches are), {@code tl.label = ?}, and {@code tl.logged_at} from the first instant of {@code from} to
 * before the first instant of the day after {@code to}, or from now minus N days, as timestamp rules read
 * days ({@link TimestampRuleCompiler}).
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
        TrackingLogOptions options = TrackingLogOptions.of(rule);
        String tl = SubqueryAlias.avoiding(alias, "tl");
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (options.incoming() || options.delivery().isPresent()) {
            where.append(tl).append(".delivery_id = ? AND ");
            parameters.add(options.incoming() ? incomingDelivery : options.delivery().getAsLong());
        }
        where.append(tl).append(".recipient_id = ").append(RuleCompiler.column(RecipientField.DELIVERY, alias));
        List<String> types = options.type().logTypes();
        if (types.size() == 1) {
            where.append(" AND ").append(tl).append(".type = ?");
        } else if (types.size() > 1) {
            where.append(" AND ").append(tl).append(".type IN (")
                    .append(String.join(", ", Collections.nCopies(types.size(), "?"))).append(')');
        }
        parameters.addAll(types);
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
        options.inLastDays().ifPresent(days -> {
            where.append(" AND ").append(tl).append(".logged_at >= ?");
            parameters.add(TimestampRuleCompiler.daysAgo(clock, zone, days));
        });
        String from = "FROM tracking_log " + tl + " WHERE " + where;
        if (options.none()) {
            return new SqlFragment("NOT EXISTS (SELECT 1 " + from + ")", parameters);
        }
        if (options.atLeast() == 1) {
            return new SqlFragment("EXISTS (SELECT 1 " + from + ")", parameters);
        }
        parameters.add((long) options.atLeast());
        return new SqlFragment("(SELECT COUNT(*) " + from + ") >= ?", parameters);
    }
}
