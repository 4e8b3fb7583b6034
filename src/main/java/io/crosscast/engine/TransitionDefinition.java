package io.crosscast.engine;

import java.util.Objects;

/** An arrow from a named output of one activity to another activity. */
public record TransitionDefinition(String id, String fromActivity, String fromOutput, String toActivity) {

    public TransitionDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fromActivity, "fromActivity");
        Objects.requireNonNull(fromOutput, "fromOutput");
        Objects.requireNonNull(toActivity, "toActivity");
    }
}
