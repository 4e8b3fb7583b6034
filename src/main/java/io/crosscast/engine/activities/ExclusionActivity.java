package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.PopulationHandle;
import io.crosscast.engine.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "out" = the main input minus every other input. Config "main" (required): the id of the incoming TRANSITION that
 * carries the main set. A skipped main input gives an empty result; skipped other inputs remove nothing.
 */
public final class ExclusionActivity extends MultiInputActivity {

    @Override
    public String type() {
        return Types.EXCLUSION;
    }

    @Override
    public List<Text> validate(ActivityDefinition def) {
        List<Text> problems = new ArrayList<>();
        Config.required(def, "main", problems);
        return problems;
    }

    @Override
    public int minInputs() {
        return 2;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        String main = ctx.config("main").orElseThrow();
        if (ctx.skippedInputs().contains(main)) {
            return NextAction.done("out", ctx.populations().empty());
        }
        PopulationHandle mainSet = ctx.inputs().get(main);
        if (mainSet == null) {
            return NextAction.failed(Text.of("exclusion.mainNotInput", main));
        }
        List<PopulationHandle> minus = new ArrayList<>();
        for (Map.Entry<String, PopulationHandle> e : ctx.inputs().entrySet()) {
            if (!e.getKey().equals(main)) {
                minus.add(e.getValue());
            }
        }
        return NextAction.done("out", ctx.populations().exclusion(mainSet, minus));
    }
}
