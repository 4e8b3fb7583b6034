package io.crosscast.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One box of the diagram. {@code config} values are strings (or JSON text); each activity type reads its own keys.
 * The settings keep the order they were given in, so that a document written from a definition lists them as they
 * were read.
 */
public record ActivityDefinition(String id, String type, String label, Map<String, String> config) {

    public ActivityDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Map<String, String> ordered = new LinkedHashMap<>();
        if (config != null) {
            config.forEach((key, value) ->
                    ordered.put(Objects.requireNonNull(key, "config key"), Objects.requireNonNull(value, key)));
        }
        config = Collections.unmodifiableMap(ordered);
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
