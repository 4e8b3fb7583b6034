package io.crosscast.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an activity sees during one execution.
 *
 * @param activity      its definition
 * @param runId         the run
 * @param now           the run clock's current instant
 * @param inputs        incoming populations that fired, transition id to population, in definition order
 * @param skippedInputs incoming transitions that will never fire in this pass (their branch was not taken)
 * @param inputData     data attached to the incoming populations (merged in transition order)
 * @param populations   the population port
 * @param log           the run log
 * @param state         what this activity stored on its previous execution ({@link NextAction.WaitUntil#state()}),
 *                      empty on a first execution
 * @param simulated     a simulation ("dry run"): nothing may leave or be written outside the run (a delivery
 *                      records what it would send, a list update what it would change)
 */
public record ActivityContext(
        ActivityDefinition activity,
        String runId,
        Instant now,
        Map<String, PopulationHandle> inputs,
        Set<String> skippedInputs,
        Map<String, String> inputData,
        Populations populations,
        RunLog log,
        Map<String, String> state,
        boolean simulated) {

    /** A real run's context. */
    public ActivityContext(
            ActivityDefinition activity,
            String runId,
            Instant now,
            Map<String, PopulationHandle> inputs,
            Set<String> skippedInputs,
            Map<String, String> inputData,
            Populations populations,
            RunLog log,
            Map<String, String> state) {
        this(activity, runId, now, inputs, skippedInputs, inputData, populations, log, state, false);
    }

    public ActivityContext {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        skippedInputs = Set.copyOf(skippedInputs);
        inputData = Map.copyOf(inputData);
        state = Map.copyOf(state);
    }

    public List<PopulationHandle> inputList() {
        return new ArrayList<>(inputs.values());
    }

    /**
     * The single input population: the only one, the union of several, or empty() when none came (an activity
     * without input, such as Start).
     */
    public PopulationHandle input() {
        if (inputs.isEmpty()) {
            return populations.empty();
        }
        if (inputs.size() == 1) {
            return inputs.values().iterator().next();
        }
        return populations.union(inputList());
    }

    public Optional<String> config(String key) {
        return activity.config(key);
    }

    /** Writes a line of this activity into the run log. */
    public void log(Text message) {
        log.write(activity.id(), message);
    }
}
