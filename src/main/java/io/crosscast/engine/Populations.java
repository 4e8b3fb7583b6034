package io.crosscast.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Port to the population store. The container implements it set-based in SQL; the core never sees recipient ids.
 * Every operation returns a new handle and leaves its arguments unchanged.
 */
public interface Populations {

    PopulationHandle empty();

    long count(PopulationHandle population);

    PopulationHandle union(List<PopulationHandle> populations);

    PopulationHandle intersection(List<PopulationHandle> populations);

    /** Recipients of {@code main} that are in none of {@code minus}. */
    PopulationHandle exclusion(PopulationHandle main, List<PopulationHandle> minus);

    PopulationHandle copy(PopulationHandle population);

    /**
     * Recipients of {@code population} matching the condition (opaque to the core).
     *
     * @param data the data attached to the incoming populations ({@link ActivityContext#inputData()}), which the
     *             condition may refer to, e.g. the incoming delivery ({@link DataKeys#DELIVERY_ID}); may be empty
     */
    PopulationHandle filter(PopulationHandle population, String conditionJson, Map<String, String> data);

    /**
     * Recipients of {@code population} matching the condition (null: everyone) that are in none of
     * {@code claimed}: an exclusive subset in one step, without rewriting what remains after each subset.
     * The default composes {@link #filter} and {@link #exclusion}; a store may do it in one statement.
     */
    default PopulationHandle filterUnclaimed(
            PopulationHandle population,
            String conditionJson,
            Map<String, String> data,
            List<PopulationHandle> claimed) {
        PopulationHandle matched = conditionJson == null ? population : filter(population, conditionJson, data);
        return exclusion(matched, claimed);
    }

    /**
     * The exclusive subsets of {@code population}, in order: subset i holds the recipients matching
     * {@code conditions.get(i)} (null: everyone) that no earlier condition matched. The default computes them
     * one by one with {@link #filterUnclaimed}; a store may compute them all in one pass over the population,
     * each recipient tested against the conditions in order until one matches (no subset is read again).
     */
    default List<PopulationHandle> partition(
            PopulationHandle population, List<String> conditions, Map<String, String> data) {
        List<PopulationHandle> subsets = new ArrayList<>();
        for (String condition : conditions) {
            subsets.add(filterUnclaimed(population, condition, data, List.copyOf(subsets)));
        }
        return subsets;
    }

    /**
     * All recipients matching the condition (opaque to the core).
     *
     * @param data as for {@link #filter}
     */
    PopulationHandle query(String conditionJson, Map<String, String> data);

    /** A random subset of at most {@code n} recipients; the same seed gives the same subset. */
    PopulationHandle sample(PopulationHandle population, long n, long seed);

    /**
     * The first {@code n} recipients of {@code population} ordered by the recipient field {@code field} (e.g.
     * createdAt; recipients without a value last, ties by recipient id): "the 100 most recent". An unknown
     * field fails with an {@link ActivityException}.
     */
    PopulationHandle first(PopulationHandle population, long n, String field, boolean descending);

    /** One recipient per value of {@code key} (e.g. email, mobilePhone). */
    PopulationHandle deduplicate(PopulationHandle population, String key);

    /**
     * Computes {@code values} for every member of {@code population} and keeps them for the later activities of the
     * run (conditions on {@code enrichment.<name>}): set-based, one statement per value. A value computed again for
     * a recipient (a loop) replaces the earlier one. The population itself is left unchanged.
     *
     * @param now the run clock's instant, from which the windows of counted sources go back
     * @return how many values were written
     */
    default long enrich(PopulationHandle population, List<EnrichmentValue> values, Instant now) {
        throw new UnsupportedOperationException("This population store keeps no values");
    }
}
