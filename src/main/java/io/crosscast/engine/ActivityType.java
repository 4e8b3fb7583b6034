package io.crosscast.engine;

import java.util.List;
import java.util.Optional;

/**
 * SPI of an activity type. The built-ins live in {@code io.crosscast.engine.activities}; the container registers its
 * own (ListUpdate, deliveries...) in the {@link ActivityRegistry}. Implementations are stateless: what must survive
 * between two executions goes into {@link NextAction.WaitUntil#state()} and comes back in {@link ActivityContext#state()}.
 * The defaults describe the commonest type: one incoming transition, one output "out", no setting to check.
 */
public interface ActivityType {

    /** Sentinel for {@link #maxInputs()}: any number of incoming transitions. */
    int UNBOUNDED = Integer.MAX_VALUE;

    String type();

    /** Names of the outputs this activity has with this configuration; by default one, "out". */
    default List<String> outputs(ActivityDefinition def) {
        return List.of("out");
    }

    /**
     * Configuration problems, each a {@link Text} of the bundle {@value Text#BUNDLE}; empty when valid. By default
     * none: a type without settings.
     */
    default List<Text> validate(ActivityDefinition def) {
        return List.of();
    }

    /** Wait points (Wait, Scheduler) may sit on a cycle. */
    default boolean isWaitPoint() {
        return false;
    }

    /**
     * A jump's departure (Jump (from)): the name of the landing it jumps to, an implicit transition from its
     * output {@value Jumps#OUTPUT} to the landing of that name ({@link Jumps}); empty for every other type.
     */
    default Optional<String> jumpTarget(ActivityDefinition def) {
        return Optional.empty();
    }

    /** A jump's landing (Jump (to)): its name, which departures name as their target; empty for other types. */
    default Optional<String> landingName(ActivityDefinition def) {
        return Optional.empty();
    }

    /** Minimum number of incoming transitions; by default 1. */
    default int minInputs() {
        return 1;
    }

    /** Maximum number of incoming transitions, {@link #UNBOUNDED} for any; by default 1. */
    default int maxInputs() {
        return 1;
    }

    /**
     * With several incoming transitions: true (AND) = wait until every one has fired or been skipped; false (OR) =
     * run as soon as one fires. Defaults to AND for multi-input types.
     */
    default boolean waitsForAllInputs() {
        return maxInputs() > 1;
    }

    NextAction execute(ActivityContext ctx);
}
