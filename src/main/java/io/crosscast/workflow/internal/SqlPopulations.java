package io.crosscast.workflow.internal;

import io.crosscast.audience.RecipientSet;
import io.crosscast.audience.condition.CompileContext;
import io.crosscast.audience.condition.Condition;
import io.crosscast.audience.condition.ConditionCompiler;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.audience.condition.InvalidConditionException;
import io.crosscast.audience.condition.SqlFragment;
import io.crosscast.engine.ActivityException;
import io.crosscast.engine.DataKeys;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Populations;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.workflow.WorkflowProblems;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's populations as rows of {@code population_member}: every operation is one INSERT ... SELECT
 * into a new population (never a recipient id through Java). Correlated subqueries test one population id
 * each (H2 stalls on IN-lists inside them). Works in the caller's transaction.
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

    private long newPopulation() {
        Population population = new Population(runId);
        em.persist(population);
        em.flush();
        return population.getId();
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
                "population_member pm", "pm.recipient_id", SqlFragment.of("pm.population_id = ?", idOf(handle)));
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
                        em, "SELECT COUNT(*) FROM population_member WHERE population_id = ?", List.of(id(population)));
    }

    /** Runs an INSERT ... SELECT filling population {@code target}; remembers how many rows it wrote. */
    private PopulationHandle fill(long target, String sql, List<Object> parameters) {
        int rows = NativeSql.update(em, sql, parameters);
        sizes.merge(target, (long) rows, Long::sum);
        return handle(target);
    }

    @Override
    public PopulationHandle union(List<PopulationHandle> populations) {
        long target = newPopulation();
        sizes.put(target, 0L);
        for (PopulationHandle source : populations) {
            fill(
                    target,
                    "INSERT INTO population_member (population_id, recipient_id)"
                            + " SELECT ?, m.recipient_id FROM population_member m WHERE m.population_id = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM population_member t WHERE t.population_id = ?"
                            + " AND t.recipient_id = m.recipient_id)",
                    List.of(target, id(source), target));
        }
        return handle(target);
    }

    @Override
    public PopulationHandle intersection(List<PopulationHandle> populations) {
        if (populations.isEmpty()) {
            return empty();
        }
        long target = newPopulation();
        StringBuilder sql = new StringBuilder("INSERT INTO population_member (population_id, recipient_id)"
                + " SELECT ?, m.recipient_id FROM population_member m WHERE m.population_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(target, id(populations.get(0))));
        for (PopulationHandle other : populations.subList(1, populations.size())) {
            sql.append(" AND EXISTS (SELECT 1 FROM population_member o WHERE o.population_id = ?"
                    + " AND o.recipient_id = m.recipient_id)");
            parameters.add(id(other));
        }
        return fill(target, sql.toString(), parameters);
    }

    @Override
    public PopulationHandle exclusion(PopulationHandle population, List<PopulationHandle> minus) {
        long target = newPopulation();
        StringBuilder sql = new StringBuilder("INSERT INTO population_member (population_id, recipient_id)"
                + " SELECT ?, m.recipient_id FROM population_member m WHERE m.population_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(target, id(population)));
        for (PopulationHandle other : minus) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM population_member o WHERE o.population_id = ?"
                    + " AND o.recipient_id = m.recipient_id)");
            parameters.add(id(other));
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
        try {
            Condition condition = ConditionJson.fromJson(conditionJson);
            if (beforeReadingActors != null && condition.readsActors()) {
                Runnable once = beforeReadingActors;
                beforeReadingActors = null;
                once.run();
            }
            return compiler.compile(condition, "r", contextOf(data));
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
        SqlFragment where = conditionJson == null ? SqlFragment.of("1=1") : where(conditionJson, data);
        long target = newPopulation();
        List<Object> parameters = new ArrayList<>(List.of(target, id(population)));
        parameters.addAll(where.parameters());
        StringBuilder sql = new StringBuilder("INSERT INTO population_member (population_id, recipient_id)"
                + " SELECT ?, r.id FROM population_member m JOIN recipient r ON r.id = m.recipient_id"
                + " WHERE m.population_id = ? AND " + where.sql());
        for (PopulationHandle other : claimed) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM population_member c WHERE c.population_id = ?"
                    + " AND c.recipient_id = m.recipient_id)");
            parameters.add(id(other));
        }
        return fill(target, sql.toString(), parameters);
    }

    @Override
    public PopulationHandle query(String conditionJson, Map<String, String> data) {
        SqlFragment where = where(conditionJson, data);
        long target = newPopulation();
        List<Object> parameters = new ArrayList<>(List.of(target));
        parameters.addAll(where.parameters());
        return fill(
                target,
                "INSERT INTO population_member (population_id, recipient_id)"
                        + " SELECT ?, r.id FROM recipient r WHERE " + where.sql(),
                parameters);
    }

    /** A pseudo-random subset: members ordered by a hash of their id and the seed, the first n kept. */
    @Override
    public PopulationHandle sample(PopulationHandle population, long n, long seed) {
        long target = newPopulation();
        long offset = Math.floorMod(seed, 2_147_483_629L);
        return fill(
                target,
                "INSERT INTO population_member (population_id, recipient_id)"
                        + " SELECT ?, s.recipient_id FROM (SELECT m.recipient_id FROM population_member m"
                        + " WHERE m.population_id = ? ORDER BY MOD(m.recipient_id * 1103515245 + ?, 2147483629), m.recipient_id"
                        + " LIMIT ?) s",
                List.of(target, id(population), offset, Math.max(0, n)));
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
        return fill(
                target,
                "INSERT INTO population_member (population_id, recipient_id)"
                        + " SELECT ?, r.id FROM population_member m JOIN recipient r ON r.id = m.recipient_id"
                        + " WHERE m.population_id = ? AND (r.mobile_phone IS NULL OR NOT EXISTS ("
                        + " SELECT 1 FROM population_member m2 JOIN recipient r2 ON r2.id = m2.recipient_id"
                        + " WHERE m2.population_id = ? AND r2.mobile_phone = r.mobile_phone AND r2.id < r.id))",
                List.of(target, source, source));
    }
}
