package io.crosscast.web.campaign.workflow;

import java.util.Map;
import java.util.function.Function;

/** How the properties dialog's fields read and write an activity's settings (text, as the document has them). */
final class ConfigValues {

    private ConfigValues() {}

    /** A whole number, or null when blank or not a number. */
    static Integer number(String text) {
        return parse(text, Integer::valueOf);
    }

    /** A delivery id is a database id: a long, not an int. */
    static Long longNumber(String text) {
        return parse(text, Long::valueOf);
    }

    private static <T> T parse(String text, Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Sets a setting unless its value is blank. */
    static void put(Map<String, String> config, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            config.put(name, value.toString().strip());
        }
    }

    /** Sets a flag ("true") only when it is on. */
    static void putFlag(Map<String, String> config, String name, boolean value) {
        if (value) {
            config.put(name, "true");
        }
    }
}
