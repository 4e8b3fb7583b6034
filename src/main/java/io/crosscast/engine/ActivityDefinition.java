package io.crosscast.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One box of the diagram. {@code config} values are strings (or JSON text); each activity type reads its own keys.
 */
public record ActivityDefinition(String id, String type, String label, Map<String, String> config) {

    public ActivityDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public ActivityDefinition(String id, String type) {
        this(id, type, id, Map.of());
    }

    public ActivityDefinition(String id, String type, Map<String, String> config) {
        this(id, type, id, config);
    }

    /** A config value, absent when missing or blank. */
    public Optional<String> config(String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
