package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import java.util.List;

/** Consumes its input(s), no output. With several inputs it waits for all of them. */
public final class EndActivity implements ActivityType {

    @Override
    public String type() {
        return Types.END;
    }

    @Override
    public List<String> outputs(ActivityDefinition def) {
        return List.of();
    }

    @Override
    public int maxInputs() {
        return UNBOUNDED;
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        return NextAction.done();
    }
}
