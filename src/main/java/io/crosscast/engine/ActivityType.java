package io.crosscast.engine;

import java.util.List;

/**
 * SPI of an activity type. The built-ins live in {@code io.crosscast.engine.activities}; the container registers its
 * own (ListUpdate, deliveries...) in the {@link ActivityRegistry}. Implementations are stateless: what must survive
 * between two executions goes into {@link NextAction.WaitUntil#state()} and comes back in {@link ActivityContext#state()}.
 */
public interface ActivityType {

    /** Sentinel for {@link #maxInputs()}: any number of incoming transitions. */
    int UNBOUNDED = Integer.MAX_VALUE;

    String type();

    /** Names of the outputs this activity has with this configuration. */
    List<String> outputs(ActivityDefinition def);

    /** Configuration problems, each a {@link Text} of the bundle {@value Text#BUNDLE}; empty when valid. */
    List<Text> validate(ActivityDefinition def);

    /** Wait points (Wait, Scheduler) may sit on a cycle. */
    default boolean isWaitPoint() {
        return false;
    }

    /** Minimum number of incoming transitions. */
    int minInputs();

    /** Maximum number of incoming transitions, {@link #UNBOUNDED} for any. */
    int maxInputs();

    /**
     * With several incoming transitions: true (AND) = wait until every one has fired or been skipped; false (OR) =
     * run as soon as one fires. Defaults to AND for multi-input types.
     */
    default boolean waitsForAllInputs() {
        return maxInputs() > 1;
    }

    NextAction execute(ActivityContext ctx);
}
