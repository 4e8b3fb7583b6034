package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.NextAction;

/** "out" = union of all inputs (waits for all of them). */
public final class UnionActivity extends MultiInputActivity {

    @Override
    public String type() {
        return Types.UNION;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        return NextAction.done("out", ctx.populations().union(ctx.inputList()));
    }
}
