package io.crosscast.audience.condition;

import java.util.Locale;
import java.util.Optional;

/** How a {@link Group} joins its children. */
public enum Logic {

    /** Every child must match; an empty AND group matches every recipient. */
    AND,

    /** At least one child must match; an empty OR group matches no recipient. */
    OR;

    /** The name used in JSON: {@code "and"} or {@code "or"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The logic whose {@link #jsonName()} is exactly {@code name}, if any. */
    public static Optional<Logic> fromJsonName(String name) {
        for (Logic logic : values()) {
            if (logic.jsonName().equals(name)) {
                return Optional.of(logic);
            }
        }
        return Optional.empty();
    }
}
