package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.NextAction;

/** "out" = recipients present in every input; empty if an input was skipped (an absent set is empty). */
public final class IntersectionActivity extends MultiInputActivity {

    @Override
    public String type() {
        return Types.INTERSECTION;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        if (!ctx.skippedInputs().isEmpty()) {
            return NextAction.done("out", ctx.populations().empty());
        }
        return NextAction.done("out", ctx.populations().intersection(ctx.inputList()));
    }
}
