package io.crosscast.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Activity types by name. Built-ins: {@code io.crosscast.engine.activities.BuiltInActivities#register}. */
public final class ActivityRegistry {

    private final Map<String, ActivityType> types = new LinkedHashMap<>();

    public ActivityRegistry register(ActivityType type) {
        if (types.putIfAbsent(type.type(), type) != null) {
            throw new IllegalArgumentException("Activity type already registered: " + type.type());
        }
        return this;
    }

    public Optional<ActivityType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public ActivityType get(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("Unknown activity type: " + type));
    }

    public Set<String> typeNames() {
        return Set.copyOf(types.keySet());
    }
}
