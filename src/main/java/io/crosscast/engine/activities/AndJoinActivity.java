package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.NextAction;

/** Synchronisation: waits for every branch (fired or skipped), then "out" = union of what arrived. */
public final class AndJoinActivity extends MultiInputActivity {

    @Override
    public String type() {
        return Types.AND_JOIN;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        return NextAction.done("out", ctx.populations().union(ctx.inputList()));
    }
}
