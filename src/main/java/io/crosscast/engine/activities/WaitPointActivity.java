package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityContext;
import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.ActivityType;
import io.crosscast.engine.NextAction;
import io.crosscast.engine.Text;
import java.time.Instant;
import java.util.Map;

/**
 * Base of the wait points (Wait, Scheduler): the first execution computes when to go on, stores that time under
 * state key {@value WaitActivity#WAKE_UP}, logs it and returns WaitUntil; executed again at or after it, "out" = the
 * input population (same handle). A wait point may sit on a cycle.
 */
abstract class WaitPointActivity implements ActivityType {

    /** When a first execution at {@code now} goes on; an {@link io.crosscast.engine.ActivityException} if it cannot tell. */
    abstract Instant firstWakeUp(ActivityDefinition def, Instant now);

    /** The run log's line when the wait starts. */
    abstract Text waitingLog(Instant wakeUp);

    @Override
    public final boolean isWaitPoint() {
        return true;
    }

    @Override
    public final NextAction execute(ActivityContext ctx) {
        String stored = ctx.state().get(WaitActivity.WAKE_UP);
        Instant wakeUp = stored == null ? firstWakeUp(ctx.activity(), ctx.now()) : Instant.parse(stored);
        if (ctx.now().isBefore(wakeUp)) {
            if (stored == null) {
                ctx.log(waitingLog(wakeUp));
            }
            return NextAction.waitUntil(wakeUp, Map.of(WaitActivity.WAKE_UP, wakeUp.toString()));
        }
        return NextAction.done("out", ctx.input());
    }
}
