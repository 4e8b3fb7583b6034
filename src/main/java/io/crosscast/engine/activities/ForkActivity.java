package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parallel branches: config "branches" (2..20, default 2); each output "out1".."outN" carries the input population
 * (shared, not copied: a population never changes once made).
 */
public final class ForkActivity implements ActivityType {

    @Override
    public String type() {
        return Types.FORK;
    }

    private static int branches(ActivityDefinition def) {
        return Config.number(def, "branches", 2, 20, new ArrayList<>())
                .orElse(2L)
                .intValue();
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        List<String> outputs = new ArrayList<>();
        for (int i = 1; i <= branches(def); i++) {
            outputs.add("out" + i);
        }
        return outputs;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        Config.number(def, "branches", 2, 20, problems);
        return problems;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        PopulationHandle input = ctx.input();
        Map<String, PopulationHandle> outputs = new LinkedHashMap<>();
        for (String output : outputs(ctx.activity())) {
            outputs.put(output, input); // populations are immutable: every branch shares the input
        }
        return NextAction.done(outputs);
    }
}
