package io.crosscast.workflow.internal;

import io.crosscast.audience.RecipientSet;
import io.crosscast.audience.condition.CompileContext;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.FieldType;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.RecipientField;
import io.crosscast.audience.condition.SqlFragment;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.DataKeys;
import io.crosscast.engine.EnrichmentValue;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Populations;
import io.crosscast.engine.Text;
import io.crosscast.platform.DatabaseVendor;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.workflow.WorkflowProblems;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The engine's populations as rows of {@code population_member}: every operation is one INSERT ... SELECT
 * into a new population (never a recipient id through Java). Works in the caller's transaction.
 *
 * <p>A member row is keyed by ONE number, {@code member_key = population id * 2^36 + recipient id} (see
 * {@link #SPAN}): H2 then stores the rows in the key's own B-tree (a composite key is a hidden row id plus a
 * second B-tree, three times the cost of an INSERT), and PostgreSQL's index is half as wide. A population is
 * the key range {@code [id * 2^36, (id + 1) * 2^36)}; membership of a recipient is one key lookup
 * ({@code member_key = ? + recipient_id}), so correlated subqueries still test one population each (H2 stalls
 * on IN-lists inside them). Recipient ids stay below 2^36 (68.7 billion) and population ids below 2^27 (134
 * million): a CHECK constraint refuses any other row rather than let two populations overlap.
 */
public class SqlPopulations implements Populations {

    private final EntityManager em;
    private final ConditionCompiler compiler;
    private final long runId;
    /** Sizes of the populations this instance wrote: the INSERT tells, so counting them costs nothing. */
    private final Map<Long, Long> sizes = new HashMap<>();

    /** Run once, before the first condition that reads who made the tracking logs (null: nothing). */
    private Runnable beforeReadingActors;

    public SqlPopulations(EntityManager em, ConditionCompiler compiler, long runId) {
        this(em, compiler, runId, null);
    }

    /**
     * @param beforeReadingActors run once, before the first condition that reads who made the tracking logs
     *                            ("people only"): the classifier's pass, so hits logged until then count
     */
    public SqlPopulations(EntityManager em, ConditionCompiler compiler, long runId, Runnable beforeReadingActors) {
        this.em = em;
        this.compiler = compiler;
        this.runId = runId;
        this.beforeReadingActors = beforeReadingActors;
    }

    private java.util.Set<Long> simulatedDeliveries;

    /** Null: statistics are left to the database's own ANALYZE. */
    private MemberStatistics statistics;

    /**
     * This store, bringing PostgreSQL's statistics of the members up to date before a statement reads a large
     * population they do not know yet ({@link MemberStatistics}).
     */
    public SqlPopulations withStatistics(MemberStatistics statistics) {
        this.statistics = statistics;
        return this;
    }

    /** Before a statement driven by {@code population}'s members: see {@link #withStatistics}. */
    private void knowSizeOf(PopulationHandle population) {
        if (statistics != null && vendor() == DatabaseVendor.POSTGRESQL) {
            long first = base(id(population));
            statistics.refreshIfUnknown(em, first, first + SPAN - 1);
        }
    }

    /**
     * This store for a simulated run that simulates {@code deliveries}: its conditions read the run's simulated
     * hits for them ({@link CompileContext#simulating}).
     */
    public SqlPopulations simulating(java.util.Set<Long> deliveries) {
        this.simulatedDeliveries = java.util.Set.copyOf(deliveries);
        return this;
    }

    /**
     * Fills a new population with the members of {@code population} whose recipient {@code r} passes
     * {@code test} (fixed SQL of the code on alias {@code r}, no parameters): a delivery's sendable
     * recipients in a simulation.
     */
    public PopulationHandle keep(PopulationHandle population, String test) {
        long target = newPopulation();
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(range(id(population)));
        return fill(
                target,
                insertSelect("r.id") + " FROM population_member m JOIN recipient r ON r.id = m.recipient_id WHERE "
                        + inPopulation("m") + " AND " + test,
                parameters);
    }

    /** How many recipient ids a population's key range holds: 2^36. */
    public static final long SPAN = 1L << 36;

    private static volatile DatabaseVendor vendor;

    private static final String INSERT = "INSERT INTO population_member (member_key, recipient_id)";

    private long newPopulation() {
        Population population = new Population(runId);
        em.persist(population);
        em.flush();
        return population.getId();
    }

    /** The first key of population {@code id}'s range. */
    static long base(long id) {
        return id * SPAN;
    }

    /** {@code alias.member_key BETWEEN ? AND ?}: the members of one population (two parameters: {@link #range}). */
    static String inPopulation(String alias) {
        return alias + ".member_key BETWEEN ? AND ?";
    }

    /** The parameters of {@link #inPopulation}: the first and last keys of population {@code id}. */
    public static List<Object> range(long id) {
        return List.of(base(id), base(id) + SPAN - 1);
    }

    /**
     * {@code INSERT ... SELECT} of the recipients {@code idExpression} into a population: the statement's first
     * parameter is the population's {@link #base}.
     */
    private static String insertSelect(String idExpression) {
        return INSERT + " SELECT CAST(? AS BIGINT) + " + idExpression + ", " + idExpression;
    }

    /** A correlated test that {@code recipientId} is a member of one population (one parameter: its base). */
    private static String member(String alias, String recipientId) {
        return "SELECT 1 FROM population_member " + alias + " WHERE " + alias + ".member_key = CAST(? AS BIGINT) + "
                + recipientId;
    }

    private static long id(PopulationHandle handle) {
        return idOf(handle);
    }

    /** The {@code population.id} behind a handle, for container activities that write from a population. */
    public static long idOf(PopulationHandle handle) {
        return Long.parseLong(handle.id());
    }

    /** The members of a population as a recipient set, for set-based statements of other packages. */
    public static RecipientSet members(PopulationHandle handle) {
        return new RecipientSet(
                "population_member pm", "pm.recipient_id", new SqlFragment(inPopulation("pm"), range(idOf(handle))));
    }

    /** Deletes the members of one population: one range DELETE on the primary key. */
    public static int deleteMembersOf(EntityManager em, long populationId) {
        return NativeSql.update(
                em, "DELETE FROM population_member WHERE " + inPopulation("population_member"), range(populationId));
    }

    /**
     * On PostgreSQL, turns its JIT compiler off for the rest of the transaction ({@code SET LOCAL}): a statement of
     * the populations is planned with the cost of its correlated subqueries' row-by-row alternative, far above
     * {@code jit_inline_above_cost}, so PostgreSQL compiled it with inlining and optimisation before running it
     * with hashed subqueries that needed none: the seed benchmark's one-pass Split took 635 ms with the JIT and 300
     * ms without it at 300,000 recipients (the compilation alone 350 ms at 1M). One round trip per statement: an
     * instance may outlive its transaction.
     */
    private void withoutJit() {
        if (vendor() == DatabaseVendor.POSTGRESQL) {
            NativeSql.update(em, "SET LOCAL jit = off", List.of());
        }
    }

    /** The database's vendor, read once from the connection of the persistence context. */
    private DatabaseVendor vendor() {
        DatabaseVendor known = vendor;
        if (known == null) {
            known = em.unwrap(Session.class)
                    .doReturningWork(
                            c -> DatabaseVendor.fromProductName(c.getMetaData().getDatabaseProductName()));
            vendor = known;
        }
        return known;
    }

    private static PopulationHandle handle(long id) {
        return new PopulationHandle(Long.toString(id));
    }

    @Override
    public PopulationHandle empty() {
        long target = newPopulation();
        sizes.put(target, 0L);
        return handle(target);
    }

    @Override
    public long count(PopulationHandle population) {
        Long known = sizes.get(id(population));
        return known != null
                ? known
                : NativeSql.count(
                        em,
                        "SELECT COUNT(*) FROM population_member m WHERE " + inPopulation("m"),
                        range(id(population)));
    }

    /** Runs an INSERT ... SELECT filling population {@code target}; remembers how many rows it wrote. */
    private PopulationHandle fill(long target, String sql, List<Object> parameters) {
        withoutJit();
        int rows = NativeSql.update(em, sql, parameters);
        sizes.merge(target, (long) rows, Long::sum);
        return handle(target);
    }

    @Override
    public PopulationHandle union(List<PopulationHandle> populations) {
        long target = newPopulation();
        sizes.put(target, 0L);
        for (PopulationHandle source : populations) {
            List<Object> parameters = new ArrayList<>(List.of(base(target)));
            parameters.addAll(range(id(source)));
            parameters.add(base(target));
            fill(
                    target,
                    insertSelect("m.recipient_id") + " FROM population_member m WHERE " + inPopulation("m")
                            + " AND NOT EXISTS (" + member("t", "m.recipient_id") + ")",
                    parameters);
        }
        return handle(target);
    }

    @Override
    public PopulationHandle intersection(List<PopulationHandle> populations) {
        if (populations.isEmpty()) {
            return empty();
        }
        long target = newPopulation();
        StringBuilder sql = new StringBuilder(
                insertSelect("m.recipient_id") + " FROM population_member m WHERE " + inPopulation("m"));
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(range(id(populations.get(0))));
        for (PopulationHandle other : populations.subList(1, populations.size())) {
            sql.append(" AND EXISTS (").append(member("o", "m.recipient_id")).append(")");
            parameters.add(base(id(other)));
        }
        return fill(target, sql.toString(), parameters);
    }

    @Override
    public PopulationHandle exclusion(PopulationHandle population, List<PopulationHandle> minus) {
        long target = newPopulation();
        StringBuilder sql = new StringBuilder(
                insertSelect("m.recipient_id") + " FROM population_member m WHERE " + inPopulation("m"));
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(range(id(population)));
        for (PopulationHandle other : minus) {
            sql.append(" AND NOT EXISTS (")
                    .append(member("o", "m.recipient_id"))
                    .append(")");
            parameters.add(base(id(other)));
        }
        return fill(target, sql.toString(), parameters);
    }

    @Override
    public PopulationHandle copy(PopulationHandle population) {
        return exclusion(population, List.of());
    }

    /**
     * What a condition may leave out, from the data of the incoming populations: the incoming delivery is
     * {@link DataKeys#DELIVERY_ID} when it holds a positive number, else there is none (and a condition that
     * needs one is refused with {@link io.crosscast.audience.condition.ProblemCode#NO_INCOMING_DELIVERY}).
     */
    static CompileContext contextOf(Map<String, String> data) {
        return data == null ? CompileContext.EMPTY : CompileContext.ofIncomingDelivery(data.get(DataKeys.DELIVERY_ID));
    }

    /**
     * The condition as SQL on alias {@code r}; a condition that cannot run here (no incoming delivery...) fails the
     * activity with its problems, worded by the engine's bundle.
     */
    private SqlFragment where(String conditionJson, Map<String, String> data) {
        return compiled(conditionJson, data).where();
    }

    /**
     * A compiled condition on alias {@code r}, and whether it reads only {@code r.id}
     * ({@link Condition#readsOnlyRecipientId()}).
     */
    private record Compiled(SqlFragment where, boolean idOnly) {}

    /**
     * The members of population {@code ?..?} (two parameters: {@link #range}) as rows {@code r}, for a condition
     * that reads only {@code r.id}: population_member itself, its columns renamed {@code (member_key, id)}, so that
     * each member is not joined to its {@code recipient} row (a key lookup per member that the condition does not
     * need: behaviour, tracking-log and list conditions).
     */
    private static final String MEMBERS_AS_R = " FROM population_member r (member_key, id) WHERE " + inPopulation("r");

    /** The members of population {@code ?..?} joined to their recipient {@code r} (members as {@code m}). */
    private static final String MEMBERS_JOINED =
            " FROM population_member m JOIN recipient r ON r.id = m.recipient_id WHERE " + inPopulation("m");

    private Compiled compiled(String conditionJson, Map<String, String> data) {
        if (conditionJson == null) {
            return new Compiled(SqlFragment.of("1=1"), true);
        }
        try {
            Condition condition = ConditionJson.fromJson(conditionJson);
            if (beforeReadingActors != null && condition.readsActors()) {
                Runnable once = beforeReadingActors;
                beforeReadingActors = null;
                once.run();
            }
            CompileContext context = contextOf(data).withEnrichmentRun(runId);
            if (simulatedDeliveries != null) {
                context = context.simulating(runId, simulatedDeliveries);
            }
            return new Compiled(compiler.compile(condition, "r", context), condition.readsOnlyRecipientId());
        } catch (InvalidConditionException e) {
            throw new ActivityException(WorkflowProblems.of(e), e);
        }
    }

    @Override
    public PopulationHandle filter(PopulationHandle population, String conditionJson, Map<String, String> data) {
        return filterUnclaimed(population, conditionJson, data, List.of());
    }

    /** One statement: members matching the condition, each tested against the claimed populations (NOT EXISTS). */
    @Override
    public PopulationHandle filterUnclaimed(
            PopulationHandle population,
            String conditionJson,
            Map<String, String> data,
            List<PopulationHandle> claimed) {
        Compiled compiled = compiled(conditionJson, data);
        SqlFragment where = compiled.where();
        knowSizeOf(population);
        long target = newPopulation();
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(range(id(population)));
        parameters.addAll(where.parameters());
        StringBuilder sql = new StringBuilder(
                insertSelect("r.id") + (compiled.idOnly() ? MEMBERS_AS_R : MEMBERS_JOINED) + " AND " + where.sql());
        for (PopulationHandle other : claimed) {
            sql.append(" AND NOT EXISTS (")
                    .append(member("c", compiled.idOnly() ? "r.id" : "m.recipient_id"))
                    .append(")");
            parameters.add(base(id(other)));
        }
        return fill(target, sql.toString(), parameters);
    }

    /**
     * On PostgreSQL, all the exclusive subsets in ONE statement: each member of the population is read once,
     * its conditions tested in order by a {@code CASE} (the first that holds names its subset's population),
     * so no subset is read again to exclude what an earlier one claimed. The derived table ends with
     * {@code OFFSET 0 ROWS} so that PostgreSQL keeps it as a subquery instead of copying the {@code CASE}
     * (every condition) into the outer filter. The statement returns how many members each subset got (a
     * data-modifying {@code WITH} grouping the rows it inserted), so no subset is read again to count it.
     *
     * <p>On H2, one statement per subset ({@link Populations#partition}'s default): inside a derived table H2
     * no longer looks the correlated subqueries of a condition up by recipient (it scans the whole delivery's
     * logs for every member, minutes on the benchmark), and without one the {@code CASE} would have to be
     * tested twice.
     */
    @Override
    public List<PopulationHandle> partition(
            PopulationHandle population, List<String> conditions, Map<String, String> data) {
        if (vendor() != DatabaseVendor.POSTGRESQL) {
            return Populations.super.partition(population, conditions, data);
        }
        List<Long> targets = new ArrayList<>();
        StringBuilder cases = new StringBuilder("CASE");
        List<Object> parameters = new ArrayList<>();
        boolean everyoneClaimed = false;
        boolean idOnly = true;
        for (String condition : conditions) {
            long target = newPopulation();
            targets.add(target);
            if (everyoneClaimed) {
                continue; // an earlier subset without a condition took everyone: this one stays empty
            }
            Compiled compiled = compiled(condition, data);
            SqlFragment where = compiled.where();
            idOnly &= compiled.idOnly();
            cases.append(" WHEN ").append(where.sql()).append(" THEN CAST(? AS BIGINT)");
            parameters.addAll(where.parameters());
            parameters.add(base(target));
            everyoneClaimed = condition == null;
        }
        List<PopulationHandle> subsets = new ArrayList<>();
        if (targets.isEmpty()) {
            return subsets;
        }
        parameters.addAll(range(id(population)));
        knowSizeOf(population);
        withoutJit();
        List<?> counted = NativeSql.query(
                        em,
                        "WITH added AS (" + INSERT + " SELECT x.base + x.id, x.id FROM (SELECT " + cases
                                + " END AS base, r.id" + (idOnly ? MEMBERS_AS_R : MEMBERS_JOINED)
                                + " OFFSET 0 ROWS) x WHERE x.base IS NOT NULL RETURNING member_key)"
                                + " SELECT member_key / " + SPAN + ", COUNT(*) FROM added GROUP BY member_key / "
                                + SPAN,
                        parameters)
                .getResultList();
        for (long target : targets) {
            sizes.put(target, 0L);
        }
        for (Object row : counted) {
            Object[] columns = (Object[]) row;
            sizes.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
        }
        for (long target : targets) {
            subsets.add(handle(target));
        }
        return subsets;
    }

    @Override
    public PopulationHandle query(String conditionJson, Map<String, String> data) {
        SqlFragment where = where(conditionJson, data);
        long target = newPopulation();
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(where.parameters());
        return fill(target, insertSelect("r.id") + " FROM recipient r WHERE " + where.sql(), parameters);
    }

    /** A pseudo-random subset: members ordered by a hash of their id and the seed, the first n kept. */
    @Override
    public PopulationHandle sample(PopulationHandle population, long n, long seed) {
        long target = newPopulation();
        long offset = Math.floorMod(seed, 2_147_483_629L);
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(range(id(population)));
        parameters.add(offset);
        parameters.add(Math.max(0, n));
        return fill(
                target,
                insertSelect("s.recipient_id") + " FROM (SELECT m.recipient_id FROM population_member m WHERE "
                        + inPopulation("m")
                        + " ORDER BY MOD(m.recipient_id * 1103515245 + ?, 2147483629), m.recipient_id"
                        + " LIMIT ?) s",
                parameters);
    }

    /**
     * The first n members by a recipient field of the condition whitelist ({@link RecipientField}, or {@code id}),
     * values missing last, ties by recipient id: one INSERT ... SELECT ... ORDER BY ... LIMIT.
     */
    @Override
    public PopulationHandle first(PopulationHandle population, long n, String field, boolean descending) {
        String column = "id".equals(field)
                ? "id"
                : RecipientField.fromPublicName(field)
                        .filter(f -> f.type() != FieldType.LIST && f.type() != FieldType.BEHAVIOUR)
                        .map(RecipientField::column)
                        .orElseThrow(() -> new ActivityException(Text.of("sample.unknownField", field)));
        String direction = descending ? " DESC" : " ASC";
        long target = newPopulation();
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(range(id(population)));
        parameters.add(Math.max(0, n));
        return fill(
                target,
                insertSelect("s.id") + " FROM (SELECT r.id FROM population_member m JOIN recipient r"
                        + " ON r.id = m.recipient_id WHERE " + inPopulation("m") + " ORDER BY r." + column + direction
                        + " NULLS LAST, r.id LIMIT ?) s",
                parameters);
    }

    /**
     * Keeps one recipient per address: per mobile phone for {@code mobilePhone}; emails are unique in the
     * database already, so {@code email} keeps everyone. Recipients without the address are kept.
     */
    @Override
    public PopulationHandle deduplicate(PopulationHandle population, String key) {
        if (!"mobilePhone".equals(key)) {
            return copy(population);
        }
        long target = newPopulation();
        long source = id(population);
        List<Object> parameters = new ArrayList<>(List.of(base(target)));
        parameters.addAll(range(source));
        parameters.addAll(range(source));
        return fill(
                target,
                insertSelect("r.id") + " FROM population_member m JOIN recipient r ON r.id = m.recipient_id WHERE "
                        + inPopulation("m") + " AND (r.mobile_phone IS NULL OR NOT EXISTS ("
                        + " SELECT 1 FROM population_member m2 JOIN recipient r2 ON r2.id = m2.recipient_id WHERE "
                        + inPopulation("m2") + " AND r2.mobile_phone = r.mobile_phone AND r2.id < r.id))",
                parameters);
    }

    /**
     * Per value, first the DELETE of what an earlier pass computed for these members (a loop), then ONE
     * {@code INSERT ... SELECT} writing a row for every member of the population into {@code enrichment_value}
     * (the value NULL when the recipient has none): counts and last times are correlated subqueries on the
     * recipient's tracking logs ({@code ix_tracking_log_recipient}) or ledger rows ({@code
     * ix_delivery_message_recipient}); a copied field is read from the recipient's row. Only whitelisted columns
     * and fixed SQL; the names, windows and run are parameters.
     */
    @Override
    public long enrich(PopulationHandle population, List<EnrichmentValue> values, Instant now) {
        if (beforeReadingActors != null && values.stream().anyMatch(EnrichmentValue::peopleOnly)) {
            Runnable once = beforeReadingActors;
            beforeReadingActors = null;
            once.run();
        }
        long written = 0;
        long source = id(population);
        for (EnrichmentValue value : values) {
            NativeSql.update(
                    em,
                    "DELETE FROM enrichment_value WHERE run_id = ? AND name = ? AND EXISTS (SELECT 1 FROM"
                            + " population_member m WHERE m.member_key = CAST(? AS BIGINT) + enrichment_value.recipient_id)",
                    List.of(runId, value.name(), base(source)));
            List<Object> parameters = new ArrayList<>(List.of(runId, value.name()));
            String column;
            String expression;
            String from = " FROM population_member m WHERE " + inPopulation("m");
            OffsetDateTime since = OffsetDateTime.ofInstant(now.minusSeconds(86_400L * value.days()), ZoneOffset.UTC);
            String person = value.peopleOnly() ? " AND t.actor = 'PERSON'" : "";
            switch (value.source()) {
                case CLICKS, OPENS -> {
                    column = "num_value";
                    expression = "(SELECT COUNT(*) FROM tracking_log t WHERE t.recipient_id = m.recipient_id"
                            + " AND t.type = ? AND t.logged_at >= ?" + person + ")";
                    parameters.add(value.source() == EnrichmentValue.Source.CLICKS ? "CLICK" : "OPEN");
                    parameters.add(since);
                }
                case LAST_CLICK, LAST_OPEN -> {
                    column = "time_value";
                    expression = "(SELECT MAX(t.logged_at) FROM tracking_log t WHERE t.recipient_id = m.recipient_id"
                            + " AND t.type = ?" + person + ")";
                    parameters.add(value.source() == EnrichmentValue.Source.LAST_CLICK ? "CLICK" : "OPEN");
                }
                case MESSAGES_SENT -> {
                    column = "num_value";
                    expression = "(SELECT COUNT(*) FROM delivery_message d WHERE d.recipient_id = m.recipient_id"
                            + " AND d.sent_at >= ?)";
                    parameters.add(since);
                }
                case RECIPIENT_FIELD -> {
                    RecipientField field = RecipientField.fromPublicName(value.field())
                            .filter(f -> f.type() == FieldType.TEXT || f.type() == FieldType.ENUM)
                            .orElseThrow(() -> new IllegalArgumentException("Not a text field: " + value.field()));
                    column = "text_value";
                    expression = "r." + (field == RecipientField.EMAIL ? "email" : field.column());
                    from = " FROM population_member m JOIN recipient r ON r.id = m.recipient_id WHERE "
                            + inPopulation("m");
                }
                default -> throw new IllegalArgumentException("Unknown source " + value.source());
            }
            parameters.addAll(range(source));
            written += NativeSql.update(
                    em,
                    "INSERT INTO enrichment_value (run_id, name, recipient_id, " + column + ")"
                            + " SELECT CAST(? AS BIGINT), ?, m.recipient_id, " + expression + from,
                    parameters);
        }
        return written;
    }

    /** Deletes the enrichment values of one run. */
    public static int deleteValuesOf(EntityManager em, long runId) {
        return NativeSql.update(em, "DELETE FROM enrichment_value WHERE run_id = ?", List.of(runId));
    }
}
