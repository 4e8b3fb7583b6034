package io.crosscast.workflow.internal;

import io.crosscast.platform.sql.NativeSql;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every statement that deletes populations, in one place: the populations are chosen by their run
 * ({@code population.run_id}); each one's members go first, by one range DELETE on the member key (V16: members
 * have no foreign key to cascade from), then the {@code population} rows.
 */
public final class PopulationPurge {

    /** The statuses of runs that never move again by themselves: their populations are only kept for a while. */
    public static final List<String> ENDED = List.of("FINISHED", "STOPPED");

    private final EntityManager em;

    public PopulationPurge(EntityManager em) {
        this.em = em;
    }

    /** Every population of one run (the run is being deleted). */
    public int ofRun(long runId) {
        SqlPopulations.deleteValuesOf(em, runId);
        return delete(ids("SELECT id FROM population WHERE run_id = ?", List.of(runId)));
    }

    /** Deletes these populations, members first; returns how many. */
    private int delete(List<Long> populations) {
        for (long id : populations) {
            SqlPopulations.deleteMembersOf(em, id);
            NativeSql.update(em, "DELETE FROM population WHERE id = ?", List.of(id));
        }
        return populations.size();
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, List<Object> parameters) {
        List<Object> ids = NativeSql.query(em, sql, parameters).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Every population of the runs that ended (finished or stopped) before {@code cutoff} and were not purged
     * yet; those runs are marked purged at {@code now} (their counts and logs stay). Returns the populations
     * deleted.
     */
    public int ofRunsEndedBefore(Instant cutoff, Instant now) {
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        int deleted = delete(ids(
                "SELECT p.id FROM population p WHERE p.run_id IN (SELECT r.id FROM workflow_run r"
                        + " WHERE r.status IN (?, ?) AND r.updated_at < ? AND r.populations_purged_at IS NULL)",
                List.of(ENDED.get(0), ENDED.get(1), before)));
        NativeSql.update(
                em,
                "DELETE FROM enrichment_value WHERE run_id IN (SELECT r.id FROM workflow_run r"
                        + " WHERE r.status IN (?, ?) AND r.updated_at < ? AND r.populations_purged_at IS NULL)",
                List.of(ENDED.get(0), ENDED.get(1), before));
        NativeSql.update(
                em,
                "UPDATE workflow_run SET populations_purged_at = ?"
                        + " WHERE status IN (?, ?) AND updated_at < ? AND populations_purged_at IS NULL",
                List.of(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), ENDED.get(0), ENDED.get(1), before));
        return deleted;
    }

    /**
     * The populations of a run that its state no longer holds (not carried by any transition): what a loop
     * left behind on earlier passes. The caller holds the run's row, so no step is adding to it.
     */
    public int unheldOf(long runId, Collection<Long> held) {
        if (held.isEmpty()) {
            return ofRun(runId);
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM population WHERE run_id = ? AND id NOT IN (");
        List<Object> parameters = new ArrayList<>(List.of(runId));
        for (Long id : held) {
            sql.append(parameters.size() == 1 ? "?" : ", ?");
            parameters.add(id);
        }
        return delete(ids(sql.append(')').toString(), parameters));
    }

    /** The runs still going (or failed, or paused) that have populations: the candidates of {@link #unheldOf}. */
    @SuppressWarnings("unchecked")
    public List<Long> runsNotEndedWithPopulations() {
        List<Object> ids = NativeSql.query(
                        em,
                        "SELECT DISTINCT p.run_id FROM population p JOIN workflow_run r ON r.id = p.run_id"
                                + " WHERE r.status NOT IN (?, ?)",
                        List.of(ENDED.get(0), ENDED.get(1)))
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }
}
