package io.crosscast.engine.activities;

import io.crosscast.engine.ActivityDefinition;
import io.crosscast.engine.Text;
import java.util.List;
import java.util.Optional;

/** Small config readers shared by the built-ins. */
final class Config {

    private Config() {}

    static boolean bool(ActivityDefinition def, String key, boolean defaultValue) {
        return def.config(key).map(v -> v.equalsIgnoreCase("true")).orElse(defaultValue);
    }

    static void checkBool(ActivityDefinition def, String key, List<Text> problems) {
        def.config(key).ifPresent(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                problems.add(Text.of("config.notBoolean", key, v));
            }
        });
    }

    /** A whole number in [min, max], empty when absent; adds a problem when malformed. */
    static Optional<Long> number(ActivityDefinition def, String key, long min, long max, List<Text> problems) {
        Optional<String> raw = def.config(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                problems.add(Text.of("config.outOfRange", key, min, max, value));
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (NumberFormatException e) {
            problems.add(Text.of("config.notWholeNumber", key, raw.get()));
            return Optional.empty();
        }
    }

    /** The problem of a missing setting. */
    static Text required(String key) {
        return Text.of("config.required", key);
    }

    static void required(ActivityDefinition def, String key, List<Text> problems) {
        if (def.config(key).isEmpty()) {
            problems.add(required(key));
        }
    }
}
