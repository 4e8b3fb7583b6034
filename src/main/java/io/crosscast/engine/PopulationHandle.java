package io.crosscast.engine;

import java.util.Objects;

/**
 * Opaque reference to a population (a set of recipient ids) held by the container, e.g. a work table.
 * A population is immutable once created: operations of {@link Populations} always return new handles,
 * so an activity may pass its input handle through unchanged.
 */
public record PopulationHandle(String id) {

    public PopulationHandle {
        Objects.requireNonNull(id, "id");
    }
}
