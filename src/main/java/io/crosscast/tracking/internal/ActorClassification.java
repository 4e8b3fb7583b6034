package io.crosscast.tracking.internal;

import io.crosscast.content.LinkRewriter;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.tracking.classify.Actor;
import io.crosscast.tracking.classify.ActorRules;
import io.crosscast.tracking.classify.AgentClassifier;
import io.crosscast.tracking.classify.AgentRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One classification pass over {@code tracking_log}, set-based: each rule is one {@code UPDATE ... WHERE}
 * over the hits not classified yet ({@code actor IS NULL}), in this order, so the first rule that matches
 * decides (docs/TRACKING.md):
 * <ol>
 *   <li>{@code HONEYPOT}: a click on the hidden honeypot link ({@link LinkRewriter#HONEYPOT_LABEL}): SCANNER;</li>
 *   <li>{@code NEAR_HONEYPOT}: the recipient's other clicks on the same delivery within
 *       {@link ActorRules#honeypotWindow()} seconds of a honeypot hit: SCANNER;</li>
 *   <li>{@code HEAD_REQUEST}, {@code NO_USER_AGENT}, then each user-agent rule of the data in its order, as
 *       {@link AgentClassifier} decides for one hit (the user-agent rules in one statement, the first that
 *       matches deciding);</li>
 *   <li>{@code ALL_LINKS_AT_ONCE}: a click when the recipient clicked every link of the delivery (at least
 *       {@link ActorRules#allLinksMinimum()}, the honeypot aside) within {@link ActorRules#allLinksWindow()}
 *       seconds of it: SCANNER;</li>
 *   <li>{@code CLICK_SOON_AFTER_SEND}: a click within {@link ActorRules#clickAfterSend()} seconds of the
 *       message's send ({@code delivery_message.sent_at}): SCANNER;</li>
 *   <li>{@code OPEN_SOON_AFTER_SEND}: an open within {@link ActorRules#openAfterSend()} seconds of the send
 *       while the recipient has no click but machines' on the delivery: PRIVACY_PROXY;</li>
 *   <li>{@code NO_MACHINE_SIGN}: every other hit (unsubscriptions included): PERSON.</li>
 * </ol>
 * The two rules that need hits that may come later (2 and 4) also correct PERSON verdicts of the last
 * {@link ActorRules#reconsider()} seconds: a scanner's honeypot hit or last link may be logged after its
 * first clicks were classified. Machine verdicts are never turned back into PERSON.
 *
 * <p>Thresholds are whole seconds of the data, written into the SQL as interval literals (numbers, never
 * text); everything else is bound.
 */
public final class ActorClassification {

    public static final String HONEYPOT = "HONEYPOT";
    public static final String NEAR_HONEYPOT = "NEAR_HONEYPOT";
    public static final String ALL_LINKS_AT_ONCE = "ALL_LINKS_AT_ONCE";
    public static final String CLICK_SOON_AFTER_SEND = "CLICK_SOON_AFTER_SEND";
    public static final String OPEN_SOON_AFTER_SEND = "OPEN_SOON_AFTER_SEND";
    public static final String NO_MACHINE_SIGN = "NO_MACHINE_SIGN";

    private static final String SET = "UPDATE tracking_log t SET actor = ?, actor_reason = ? WHERE ";
    /**
     * The logs not classified yet of one slice of ids; two parameters: the slice's first and last id. Not
     * {@code t.actor IS NULL}: H2 then read the index on (actor, logged_at) (until V30), i.e. the whole backlog, for
     * each statement of each slice (a backlog of 780,000 logs took 6 minutes); written so, only the slice's id
     * range can lead (an actor is never empty).
     */
    private static final String PENDING = "COALESCE(t.actor, '') = '' AND t.id >= ? AND t.id <= ?";
    /**
     * A PERSON verdict still open to correction; one parameter: the oldest such log time. A statement of its
     * own beside the pending one (not OR-ed with it), so that it reads the recent logs by time (the index on
     * (logged_at, type, actor)) rather than the whole table.
     */
    private static final String RECENT_PERSON = "t.actor = 'PERSON' AND t.logged_at >= ?";

    /** The honeypot label, written into the SQL: letters, digits and hyphens only (never text from outside). */
    private static final String HONEYPOT_LITERAL = literal(LinkRewriter.HONEYPOT_LABEL);

    private static final String NOT_HONEYPOT = "(%1$s.label IS NULL OR %1$s.label <> ?)";

    private final ActorRules rules;

    public ActorClassification(ActorRules rules) {
        this.rules = rules;
    }

    /**
     * Classifies what is pending in one slice of ids, in the caller's transaction; returns how many logs each
     * rule classified (reasons in rule order, zeros left out).
     */
    public Map<String, Integer> run(Connection connection, Slice slice) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String honeypot = LinkRewriter.HONEYPOT_LABEL;
        String scanner = Actor.SCANNER.name();
        add(
                counts,
                HONEYPOT,
                pending(connection, slice, " AND t.type = 'CLICK' AND t.label = ?", scanner, HONEYPOT, honeypot));
        add(counts, NEAR_HONEYPOT, pending(connection, slice, nearHoneypot(), scanner, NEAR_HONEYPOT));
        add(
                counts,
                AgentClassifier.HEAD_REQUEST,
                pending(connection, slice, " AND t.request_method = 'HEAD'", scanner, AgentClassifier.HEAD_REQUEST));
        add(
                counts,
                AgentClassifier.NO_USER_AGENT,
                pending(
                        connection,
                        slice,
                        " AND t.type IN ('OPEN', 'CLICK')" + " AND (t.user_agent IS NULL OR TRIM(t.user_agent) = '')",
                        scanner,
                        AgentClassifier.NO_USER_AGENT));
        agentVerdicts(connection, slice).forEach((reason, count) -> add(counts, reason, count));
        String allLinks = allLinks();
        add(
                counts,
                ALL_LINKS_AT_ONCE,
                pending(
                        connection,
                        slice,
                        allLinks,
                        scanner,
                        ALL_LINKS_AT_ONCE,
                        honeypot,
                        honeypot,
                        honeypot,
                        honeypot));
        String sentBefore = "EXISTS (SELECT 1 FROM delivery_message m WHERE m.delivery_id = t.delivery_id"
                + " AND m.recipient_id = t.recipient_id AND m.sent_at IS NOT NULL AND t.logged_at <= m.sent_at + ";
        add(
                counts,
                CLICK_SOON_AFTER_SEND,
                pending(
                        connection,
                        slice,
                        " AND t.type = 'CLICK' AND " + sentBefore + seconds(rules.clickAfterSend()) + ")",
                        scanner,
                        CLICK_SOON_AFTER_SEND));
        add(
                counts,
                OPEN_SOON_AFTER_SEND,
                pending(
                        connection,
                        slice,
                        " AND t.type = 'OPEN' AND " + sentBefore
                                + seconds(rules.openAfterSend()) + ")"
                                + " AND NOT EXISTS (SELECT 1 FROM tracking_log c WHERE c.delivery_id = t.delivery_id"
                                + " AND c.recipient_id = t.recipient_id AND c.type = 'CLICK'"
                                + " AND (c.actor IS NULL OR c.actor = 'PERSON'))",
                        Actor.PRIVACY_PROXY.name(),
                        OPEN_SOON_AFTER_SEND));
        add(counts, NO_MACHINE_SIGN, pending(connection, slice, "", Actor.PERSON.name(), NO_MACHINE_SIGN));
        return counts;
    }

    /**
     * Corrects the PERSON verdicts of the last {@link ActorRules#reconsider()} seconds that later hits show to
     * be a machine's (rules 2 and 4), in the caller's transaction; once per pass, after its slices.
     */
    public Map<String, Integer> reconsider(Connection connection, Instant now) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String honeypot = LinkRewriter.HONEYPOT_LABEL;
        Object since = SqlValues.timestamp(now.minusSeconds(rules.reconsider()));
        String scanner = Actor.SCANNER.name();
        add(counts, NEAR_HONEYPOT, update(connection, RECENT_PERSON + nearHoneypot(), scanner, NEAR_HONEYPOT, since));
        add(
                counts,
                ALL_LINKS_AT_ONCE,
                update(
                        connection,
                        RECENT_PERSON + allLinks(),
                        scanner,
                        ALL_LINKS_AT_ONCE,
                        since,
                        honeypot,
                        honeypot,
                        honeypot,
                        honeypot));
        return counts;
    }

    /**
     * A click near a honeypot hit of the same recipient and delivery. The lookup goes by the honeypot label, recipient
     * and time (PostgreSQL: the partial index {@code ix_tracking_log_honeypot} on the honeypot hits alone, V30; H2:
     * {@code ix_tracking_log_label}, V28): only clicks carry a link's label, so the honeypot label says the type, and
     * the rare honeypot clicks make it a short seek; through the delivery's index it read every click of the
     * recipient (quadratic when one recipient clicks a lot). The label is a literal, not a parameter, so that every
     * plan of the statement, generic ones too, can use the partial index (a constant of the code, checked below).
     */
    public String nearHoneypot() {
        return " AND t.type = 'CLICK'"
                + " AND EXISTS (SELECT 1 FROM tracking_log h WHERE h.label = '" + HONEYPOT_LITERAL + "'"
                + " AND h.recipient_id = t.recipient_id"
                + " AND h.delivery_id = t.delivery_id"
                + " AND h.logged_at >= t.logged_at - " + seconds(rules.honeypotWindow())
                + " AND h.logged_at <= t.logged_at + " + seconds(rules.honeypotWindow()) + ")";
    }

    /** A click when the recipient clicked every link at once; four parameters: the honeypot label. */
    private String allLinks() {
        String links = "(SELECT COUNT(DISTINCT l.url) FROM delivery_link l WHERE l.delivery_id = t.delivery_id AND "
                + NOT_HONEYPOT.formatted("l") + ")";
        return " AND t.type = 'CLICK' AND " + NOT_HONEYPOT.formatted("t") + " AND " + links + " >= "
                + rules.allLinksMinimum()
                + " AND (SELECT COUNT(DISTINCT o.url) FROM tracking_log o WHERE o.delivery_id = t.delivery_id"
                + " AND o.recipient_id = t.recipient_id AND o.type = 'CLICK' AND " + NOT_HONEYPOT.formatted("o")
                + " AND o.logged_at >= t.logged_at - " + seconds(rules.allLinksWindow())
                + " AND o.logged_at <= t.logged_at + " + seconds(rules.allLinksWindow()) + ") >= " + links;
    }

    /**
     * The user-agent rules in one statement: each pending log of the slice that one of them matches gets the
     * verdict of the first that does, in their order. They read only the log itself, so this is what one
     * statement per rule gave, in one read of the slice instead of one per rule (27 of the data's rules).
     * Counted by reason from the slice's verdicts before and after.
     */
    private Map<String, Integer> agentVerdicts(Connection connection, Slice slice) throws SQLException {
        List<AgentRule> agents = rules.agents();
        if (agents.isEmpty()) {
            return Map.of();
        }
        List<String> tests = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (AgentRule rule : agents) {
            String types = rule.hits().stream()
                    .sorted()
                    .map(type -> "'" + type.name() + "'")
                    .collect(Collectors.joining(", "));
            String test = rule.match() == AgentRule.Match.EQUALS
                    ? "LOWER(t.user_agent) = ?"
                    : "LOWER(t.user_agent) LIKE ? ESCAPE '\\'";
            tests.add("t.type IN (" + types + ") AND " + test);
            values.add(
                    rule.match() == AgentRule.Match.EQUALS
                            ? rule.lowerText()
                            : "%" + likeLiteral(rule.lowerText()) + "%");
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder actor = new StringBuilder("CASE");
        StringBuilder reason = new StringBuilder("CASE");
        for (int i = 0; i < agents.size(); i++) {
            actor.append(" WHEN ").append(tests.get(i)).append(" THEN CAST(? AS VARCHAR(14))");
            parameters.add(values.get(i));
            parameters.add(agents.get(i).actor().name());
        }
        for (int i = 0; i < agents.size(); i++) {
            reason.append(" WHEN ").append(tests.get(i)).append(" THEN CAST(? AS VARCHAR(40))");
            parameters.add(values.get(i));
            parameters.add(agents.get(i).reason());
        }
        parameters.add(slice.first());
        parameters.add(slice.last());
        parameters.addAll(values);
        List<String> reasons = agents.stream().map(AgentRule::reason).distinct().toList();
        Map<String, Integer> before = reasonCounts(connection, slice, reasons);
        NativeSql.update(
                connection,
                "UPDATE tracking_log t SET actor = " + actor + " END, actor_reason = " + reason + " END WHERE "
                        + PENDING + " AND ("
                        + tests.stream().map(test -> "(" + test + ")").collect(Collectors.joining(" OR ")) + ")",
                parameters);
        Map<String, Integer> counts = new LinkedHashMap<>();
        reasonCounts(connection, slice, reasons)
                .forEach((name, after) -> add(counts, name, after - before.getOrDefault(name, 0)));
        return counts;
    }

    /** How many logs of the slice have each of these reasons. */
    private static Map<String, Integer> reasonCounts(Connection connection, Slice slice, List<String> reasons)
            throws SQLException {
        String marks = reasons.stream().map(r -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT t.actor_reason, COUNT(*) FROM tracking_log t WHERE t.id >= ? AND t.id <= ?"
                        + " AND t.actor_reason IN (" + marks + ") GROUP BY t.actor_reason")) {
            statement.setLong(1, slice.first());
            statement.setLong(2, slice.last());
            for (int i = 0; i < reasons.size(); i++) {
                statement.setString(3 + i, reasons.get(i));
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        }
    }

    /**
     * Ids {@code first..last} of {@code tracking_log}: a pass classifies the pending logs of one slice, so a
     * backlog (logs written before classification existed, or a long outage of the job) is classified in
     * transactions of bounded size. Only the logs being classified are sliced; the evidence rules read (a
     * honeypot hit, the other clicks) is looked up over the whole table, so slicing never changes a verdict.
     */
    public record Slice(long first, long last) {}

    /** The pending logs of the slice matching {@code where} (text after {@code AND}, or empty) get this verdict. */
    private static int pending(
            Connection connection, Slice slice, String where, String actor, String reason, Object... more)
            throws SQLException {
        Object[] parameters = new Object[4 + more.length];
        parameters[0] = actor;
        parameters[1] = reason;
        parameters[2] = slice.first();
        parameters[3] = slice.last();
        System.arraycopy(more, 0, parameters, 4, more.length);
        return update(connection, PENDING + where, parameters);
    }

    private static int update(Connection connection, String where, Object... parameters) throws SQLException {
        return NativeSql.update(connection, SET + where, Arrays.asList(parameters));
    }

    /**
     * The statement that corrects the recent PERSON verdicts matching {@code where} (for plan tests); parameters:
     * actor, reason, the oldest log time, then {@code where}'s.
     */
    public static String recentPersonUpdate(String where) {
        return SET + RECENT_PERSON + where;
    }

    /** The statement that gives the pending logs of a slice matching {@code where} a verdict (for plan tests). */
    static String pendingUpdate(String where) {
        return SET + PENDING + where;
    }

    private static void add(Map<String, Integer> counts, String reason, int count) {
        if (count > 0) {
            counts.merge(reason, count, Integer::sum);
        }
    }

    private static String literal(String label) {
        if (!label.matches("[a-z0-9-]+")) {
            throw new IllegalStateException("The honeypot label is written into SQL: " + label);
        }
        return label;
    }

    /** An interval literal of whole seconds (a number of the data, never text). */
    private static String seconds(int seconds) {
        return "INTERVAL '" + seconds + "' SECOND";
    }

    /** Text for LIKE, its wildcards and the escape character escaped with {@code \}. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
