package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;

/**
 * Entry point: no input, one output "out" carrying the EMPTY population. It only triggers what follows; targeting
 * starts with a Query, which ignores its input population.
 */
public final class StartActivity implements ActivityType {

    @Override
    public String type() {
        return Types.START;
    }

    @Override
    public int minInputs() {
        return 0;
    }

    @Override
    public int maxInputs() {
        return 0;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        return NextAction.done("out", ctx.populations().empty());
    }
}
