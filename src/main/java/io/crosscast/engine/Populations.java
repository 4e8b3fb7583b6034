package io.crosscast.engine;

import java.util.List;

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

    /** Recipients of {@code population} matching the condition (opaque to the core). */
    PopulationHandle filter(PopulationHandle population, String conditionJson);

    /** All recipients matching the condition (opaque to the core). */
    PopulationHandle query(String conditionJson);

    /** A random subset of at most {@code n} recipients; the same seed gives the same subset. */
    PopulationHandle sample(PopulationHandle population, long n, long seed);

    /** One recipient per value of {@code key} (e.g. email, mobilePhone). */
    PopulationHandle deduplicate(PopulationHandle population, String key);
}
