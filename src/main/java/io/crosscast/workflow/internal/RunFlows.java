package io.crosscast.workflow.internal;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityPhase;
import io.crosscast.engine.ActivityState;
import io.crosscast.engine.RunState;
import io.crosscast.engine.TransitionDefinition;
import io.crosscast.engine.TransitionState;
import io.crosscast.engine.WorkflowDefinition;
import io.crosscast.engine.activities.Types;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.workflow.LeftBehind;
import io.crosscast.workflow.RecipientPath;
import io.crosscast.workflow.RunFlow;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where everyone went in a run, and the path of one recipient through the runs (issue #15), read set-based:
 * who an activity received and did not pass on is its input populations' members that no output population
 * holds (one statement, NOT EXISTS by member key); a delivery's exclusions are its ledger's EXCLUDED rows
 * (reasons written by the targeting); a recipient's path is one key probe per population
 * ({@code member_key = population id * 2^36 + recipient id}) and per ledger of the deliveries runs sent.
 */
public final class RunFlows {

    private final EntityManager em;

    public RunFlows(EntityManager em) {
        this.em = em;
    }

    /** The definition and state of a run, and whether its populations were purged. */
    public record Run(long id, WorkflowDefinition definition, RunState state, boolean purged) {}

    /** Where everyone went in this run: every done activity's flow. */
    public RunFlow flow(Run run) {
        Map<String, RunFlow.ActivityFlow> flows = new LinkedHashMap<>();
        for (ActivityDefinition activity : run.definition().activities()) {
            ActivityState state = run.state().activity(activity.id());
            if (state.phase() != ActivityPhase.DONE || Types.START.equals(activity.type())) {
                continue;
            }
            List<Long> inputs = populations(run, run.definition().incoming(activity.id()));
            List<Long> outputs = populations(run, run.definition().outgoing(activity.id()));
            long received = count(run, run.definition().incoming(activity.id()));
            long passedOn = count(run, run.definition().outgoing(activity.id()));
            boolean delivery = isDelivery(activity);
            if (run.definition().outgoing(activity.id()).isEmpty() && !delivery) {
                continue; // an End, or a box passing nothing on by design: nothing went missing there
            }
            Long left = null;
            if (!run.purged() && !delivery) {
                boolean shared = inputs.size() == 1 && outputs.contains(inputs.get(0));
                left = inputs.isEmpty() || shared
                        ? 0L
                        : NativeSql.count(
                                em, "SELECT COUNT(*) " + leftFrom(inputs, outputs), leftParameters(inputs, outputs));
            }
            Map<String, Long> excluded = delivery ? exclusions(run.id(), activity.id()) : Map.of();
            flows.put(
                    activity.id(),
                    new RunFlow.ActivityFlow(activity.id(), activity.type(), received, passedOn, left, excluded));
        }
        return new RunFlow(run.id(), run.purged(), flows);
    }

    /** One page of the recipients an activity did not pass on (a delivery: those it excluded), in id order. */
    @SuppressWarnings("unchecked")
    public LeftBehind.Page leftBehind(Run run, String activityId, int first, int pageSize) {
        ActivityDefinition activity = run.definition().activity(activityId).orElse(null);
        if (activity == null || run.state().phase(activityId) != ActivityPhase.DONE) {
            return new LeftBehind.Page(0, List.of());
        }
        List<Object> paging = List.of(Math.max(1, Math.min(pageSize, 500)), Math.max(0, first));
        if (isDelivery(activity)) {
            String from = " FROM delivery_message dm JOIN recipient r ON r.id = dm.recipient_id"
                    + " WHERE dm.delivery_id IN (SELECT d.id FROM delivery d WHERE d.run_id = ? AND d.activity_id = ?)"
                    + " AND dm.status = 'EXCLUDED'";
            List<Object> parameters = new ArrayList<>(List.of(run.id(), activityId));
            long total = NativeSql.count(em, "SELECT COUNT(*)" + from, parameters);
            parameters.addAll(paging);
            List<Object[]> rows = NativeSql.query(
                            em,
                            "SELECT r.id, r.email, r.first_name, r.last_name, dm.reason" + from
                                    + " ORDER BY dm.recipient_id, dm.delivery_id LIMIT ? OFFSET ?",
                            parameters)
                    .getResultList();
            return new LeftBehind.Page(
                    total, rows.stream().map(RunFlows::leftBehind).toList());
        }
        List<Long> inputs = populations(run, run.definition().incoming(activityId));
        List<Long> outputs = populations(run, run.definition().outgoing(activityId));
        if (run.purged() || inputs.isEmpty() || (inputs.size() == 1 && outputs.contains(inputs.get(0)))) {
            return new LeftBehind.Page(0, List.of());
        }
        String reason = Types.SPLIT.equals(activity.type()) ? RunFlow.IN_NO_SUBSET : RunFlow.NOT_PASSED_ON;
        String from = leftFrom(inputs, outputs);
        long total = NativeSql.count(em, "SELECT COUNT(*) " + from, leftParameters(inputs, outputs));
        List<Object> parameters = new ArrayList<>(List.of(reason));
        parameters.addAll(leftParameters(inputs, outputs));
        parameters.addAll(paging);
        List<Object[]> rows = NativeSql.query(
                        em,
                        "SELECT r.id, r.email, r.first_name, r.last_name, CAST(? AS VARCHAR(20)) " + from
                                + " ORDER BY m.recipient_id LIMIT ? OFFSET ?",
                        parameters)
                .getResultList();
        return new LeftBehind.Page(
                total, rows.stream().map(RunFlows::leftBehind).toList());
    }

    private static LeftBehind leftBehind(Object[] row) {
        return new LeftBehind(
                SqlValues.number(row[0]), (String) row[1], (String) row[2], (String) row[3], (String) row[4]);
    }

    /**
     * {@code FROM ... WHERE ...} of the members of the inputs (each recipient once: a member of a later input is
     * taken only when no earlier input holds it) that no output holds, joined to their recipient (alias r).
     */
    private static String leftFrom(List<Long> inputs, List<Long> outputs) {
        StringBuilder sql =
                new StringBuilder("FROM population_member m JOIN recipient r ON r.id = m.recipient_id WHERE (");
        for (int i = 0; i < inputs.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(").append(SqlPopulations.inPopulation("m"));
            for (int j = 0; j < i; j++) {
                sql.append(" AND NOT EXISTS (").append(member("e" + j)).append(")");
            }
            sql.append(")");
        }
        sql.append(")");
        for (int k = 0; k < outputs.size(); k++) {
            sql.append(" AND NOT EXISTS (").append(member("o" + k)).append(")");
        }
        return sql.toString();
    }

    private static List<Object> leftParameters(List<Long> inputs, List<Long> outputs) {
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            parameters.addAll(SqlPopulations.range(inputs.get(i)));
            for (int j = 0; j < i; j++) {
                parameters.add(SqlPopulations.base(inputs.get(j)));
            }
        }
        for (long output : outputs) {
            parameters.add(SqlPopulations.base(output));
        }
        return parameters;
    }

    /** Whether {@code m.recipient_id} is a member of one population: one parameter, its base. */
    private static String member(String alias) {
        return "SELECT 1 FROM population_member " + alias + " WHERE " + alias
                + ".member_key = CAST(? AS BIGINT) + m.recipient_id";
    }

    /** The distinct populations these transitions carried in the run (fired ones only). */
    private static List<Long> populations(Run run, List<TransitionDefinition> transitions) {
        Set<Long> ids = new LinkedHashSet<>();
        for (TransitionDefinition t : transitions) {
            run.state()
                    .transition(t.id())
                    .filter(s -> s.fired() && s.population() != null)
                    .ifPresent(s -> ids.add(SqlPopulations.idOf(s.population())));
        }
        return new ArrayList<>(ids);
    }

    private static long count(Run run, List<TransitionDefinition> transitions) {
        return transitions.stream()
                .map(t -> run.state().transition(t.id()).filter(TransitionState::fired))
                .mapToLong(s -> s.map(TransitionState::count).orElse(0L))
                .sum();
    }

    private static boolean isDelivery(ActivityDefinition activity) {
        return Types.EMAIL_DELIVERY.equals(activity.type()) || Types.SMS_DELIVERY.equals(activity.type());
    }

    /** A delivery activity's excluded recipients by reason, from the ledgers of the deliveries it sent. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> exclusions(long runId, String activityId) {
        List<Object[]> rows = NativeSql.query(
                        em,
                        "SELECT dm.reason, COUNT(*) FROM delivery_message dm WHERE dm.delivery_id IN"
                                + " (SELECT d.id FROM delivery d WHERE d.run_id = ? AND d.activity_id = ?)"
                                + " AND dm.status = 'EXCLUDED' GROUP BY dm.reason ORDER BY dm.reason",
                        List.of(runId, activityId))
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.put(Objects.toString(row[0], "?"), SqlValues.number(row[1]));
        }
        return counts;
    }

    // ----- a recipient's path

    /**
     * The runs that touched a recipient, newest first (at most {@code limit}): those whose populations hold them
     * (one key probe per population) and those whose deliveries' ledgers hold them (one key probe per delivery
     * sent by a run, which finds them in purged runs too). {@code onlyRun}: that run only (null: any).
     */
    @SuppressWarnings("unchecked")
    public List<Long> runsOf(long recipientId, Long onlyRun, int limit) {
        List<Object> parameters = new ArrayList<>();
        String runFilter = onlyRun == null ? "" : " AND p.run_id = ?";
        String deliveryFilter = onlyRun == null ? "" : " AND d.run_id = ?";
        parameters.add(recipientId);
        if (onlyRun != null) {
            parameters.add(onlyRun);
        }
        parameters.add(recipientId);
        if (onlyRun != null) {
            parameters.add(onlyRun);
        }
        parameters.add(Math.max(1, limit));
        List<Object> ids = NativeSql.query(
                        em,
                        "SELECT x.run_id FROM (SELECT p.run_id FROM population p WHERE EXISTS (SELECT 1 FROM"
                                + " population_member m WHERE m.member_key = p.id * " + SqlPopulations.SPAN
                                + " + CAST(? AS BIGINT))" + runFilter
                                + " UNION SELECT d.run_id FROM delivery d JOIN delivery_message dm ON dm.delivery_id"
                                + " = d.id AND dm.recipient_id = ? WHERE d.run_id IS NOT NULL" + deliveryFilter
                                + ") x ORDER BY x.run_id DESC LIMIT ?",
                        parameters)
                .getResultList();
        return ids.stream().map(SqlValues::number).toList();
    }

    /** The path of a recipient through one run. */
    @SuppressWarnings("unchecked")
    public RecipientPath path(Run run, long workflowId, String status, Instant startedAt, long recipientId) {
        // The run's populations that hold them: one key probe each.
        Set<Long> holding = new HashSet<>();
        if (!run.purged()) {
            List<Object> ids = NativeSql.query(
                            em,
                            "SELECT p.id FROM population p WHERE p.run_id = ? AND EXISTS (SELECT 1 FROM"
                                    + " population_member m WHERE m.member_key = p.id * " + SqlPopulations.SPAN
                                    + " + CAST(? AS BIGINT))",
                            List.of(run.id(), recipientId))
                    .getResultList();
            ids.forEach(id -> holding.add(SqlValues.number(id)));
        }
        // The ledgers of the run's deliveries that hold them, with what they opened and clicked.
        Map<String, Object[]> ledger = new HashMap<>();
        List<Object[]> rows = NativeSql.query(
                        em,
                        "SELECT d.activity_id, d.id, dm.status, dm.reason,"
                                + " (SELECT COUNT(*) FROM tracking_log t WHERE t.delivery_id = d.id AND t.type = 'OPEN'"
                                + " AND t.recipient_id = dm.recipient_id AND (t.actor IS NULL OR t.actor = 'PERSON')),"
                                + " (SELECT COUNT(*) FROM tracking_log t WHERE t.delivery_id = d.id AND t.type = 'OPEN'"
                                + " AND t.recipient_id = dm.recipient_id AND t.actor <> 'PERSON'),"
                                + " (SELECT COUNT(*) FROM tracking_log t WHERE t.delivery_id = d.id AND t.type = 'CLICK'"
                                + " AND t.recipient_id = dm.recipient_id AND (t.actor IS NULL OR t.actor = 'PERSON')),"
                                + " (SELECT COUNT(*) FROM tracking_log t WHERE t.delivery_id = d.id AND t.type = 'CLICK'"
                                + " AND t.recipient_id = dm.recipient_id AND t.actor <> 'PERSON')"
                                + " FROM delivery d JOIN delivery_message dm ON dm.delivery_id = d.id"
                                + " AND dm.recipient_id = ? WHERE d.run_id = ? ORDER BY d.id",
                        List.of(recipientId, run.id()))
                .getResultList();
        for (Object[] row : rows) {
            ledger.put((String) row[0], row); // a loop's later pass wins
        }
        List<RecipientPath.Step> steps = new ArrayList<>();
        WorkflowDefinition definition = run.definition();
        for (ActivityDefinition activity : definition.activities()) {
            if (Types.START.equals(activity.type())) {
                continue;
            }
            boolean in = definition.incoming(activity.id()).stream().anyMatch(t -> holds(run, t, holding));
            List<TransitionDefinition> out = definition.outgoing(activity.id());
            boolean passed = out.stream().anyMatch(t -> holds(run, t, holding));
            Object[] sent = ledger.get(activity.id());
            if (!in && !passed && sent == null) {
                continue;
            }
            List<String> subsets = new ArrayList<>();
            if (Types.SPLIT.equals(activity.type())) {
                for (TransitionDefinition t : out) {
                    if (holds(run, t, holding)) {
                        subsets.add(subsetLabel(activity, t.fromOutput()));
                    }
                }
            }
            steps.add(new RecipientPath.Step(
                    activity.id(),
                    activity.type(),
                    activity.label() == null || activity.label().isBlank() ? activity.id() : activity.label(),
                    subsets,
                    run.purged() ? null : out.isEmpty() ? null : passed,
                    sent == null ? null : SqlValues.number(sent[1]),
                    sent == null ? null : (String) sent[2],
                    sent == null || !"EXCLUDED".equals(sent[2]) ? null : (String) sent[3],
                    sent == null ? 0 : SqlValues.number(sent[4]),
                    sent == null ? 0 : SqlValues.number(sent[5]),
                    sent == null ? 0 : SqlValues.number(sent[6]),
                    sent == null ? 0 : SqlValues.number(sent[7])));
        }
        return new RecipientPath(run.id(), workflowId, status, startedAt, run.purged(), steps);
    }

    private static boolean holds(Run run, TransitionDefinition t, Set<Long> holding) {
        return run.state()
                .transition(t.id())
                .filter(s -> s.fired() && s.population() != null)
                .map(s -> holding.contains(SqlPopulations.idOf(s.population())))
                .orElse(false);
    }

    /** A Split output's label: its subset's label, else "Subset N"; other outputs by name. */
    static String subsetLabel(ActivityDefinition split, String output) {
        if (output.startsWith("subset")) {
            String n = output.substring("subset".length());
            return split.config("subset." + n + ".label")
                    .filter(l -> !l.isBlank())
                    .orElse("Subset " + n);
        }
        return output;
    }
}
