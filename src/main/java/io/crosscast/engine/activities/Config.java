package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityDefinition;

import java.util.List;
import java.util.Optional;

/** Small config readers shared by the built-ins. */
final class Config {

    private Config() {
    }

    static boolean bool(ActivityDefinition def, String key, boolean defaultValue) {
        return def.config(key).map(v -> v.equalsIgnoreCase("true")).orElse(defaultValue);
    }

    static void checkBool(ActivityDefinition def, String key, List<String> problems) {
        def.config(key).ifPresent(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                problems.add("'" + key + "' must be true or false, not '" + v + "'");
            }
        });
    }

    /** A whole number in [min, max], empty when absent; adds a problem when malformed. */
    static Optional<Long> number(ActivityDefinition def, String key, long min, long max, List<String> problems) {
        Optional<String> raw = def.config(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                problems.add("'" + key + "' must be between " + min + " and " + max + ", not " + value);
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            problems.add("'" + key + "' must be a whole number, not '" + raw.get() + "'");
            return Optional.empty();
        }
    }

    static void required(ActivityDefinition def, String key, List<String> problems) {
        if (def.config(key).isEmpty()) {
            problems.add("'" + key + "' is required");
        }
    }
}
