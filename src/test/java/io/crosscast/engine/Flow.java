package io.crosscast.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test builder of definitions. Transition ids: "from>to" for output "out", "from.output>to" otherwise.
 */
public final class Flow {

    private final List<ActivityDefinition> activities = new ArrayList<>();
    private final List<TransitionDefinition> transitions = new ArrayList<>();

    /** An activity with config given as "key=value" pairs. */
    public Flow a(String id, String type, String... config) {
        activities.add(new ActivityDefinition(id, type, id, config(config)));
        return this;
    }

    public Flow t(String from, String to) {
        return t(from, "out", to);
    }

    public Flow t(String from, String output, String to) {
        transitions.add(new TransitionDefinition(id(from, output, to), from, output, to));
        return this;
    }

    public static String id(String from, String output, String to) {
        return output.equals("out") ? from + ">" + to : from + "." + output + ">" + to;
    }

    public WorkflowDefinition build() {
        return new WorkflowDefinition("test", activities, transitions);
    }

    public static Map<String, String> config(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : pairs) {
            String[] kv = p.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        return map;
    }

    /** A context for executing one activity directly with a single input. */
    public static ActivityContext context(
            ActivityDefinition def,
            PopulationHandle input,
            Populations pops,
            java.time.Instant now,
            Map<String, String> state) {
        return context(def, input, pops, now, state, Map.of());
    }

    /** A context for executing one activity directly with a single input carrying {@code inputData}. */
    public static ActivityContext context(
            ActivityDefinition def,
            PopulationHandle input,
            Populations pops,
            java.time.Instant now,
            Map<String, String> state,
            Map<String, String> inputData) {
        Map<String, PopulationHandle> inputs = input == null ? Map.of() : Map.of("in", input);
        return new ActivityContext(
                def, "run-1", now, inputs, java.util.Set.of(), inputData, pops, RunLog.none(), state);
    }
}
