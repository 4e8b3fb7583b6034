package io.crosscast.it.workflow;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test activity "failOnce": fails the first time a run reaches it, passes its input on afterwards. */
@ApplicationScoped
public class FailOnceActivity implements ActivityType {

    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    @Override
    public String type() {
        return "failOnce";
    }

    @Override
    public NextAction execute(ActivityContext ctx) {
        if (failed.add(ctx.runId())) {
            throw new IllegalStateException("the remote system did not answer");
        }
        return NextAction.done("out", ctx.populations().copy(ctx.input()));
    }
}
