package io.crosscast.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the hand-written JSON-P formats share (workflow documents, run states, conditions) with the strict reading of
 * API bodies: one provider, reading a text, values as the text of a setting and back, a value described in a
 * problem, JSON pointer steps, whole numbers.
 */
public final class JsonValues {

    /** The JSON-P provider, looked up once ({@code Json.createObjectBuilder()} and the like look it up each time). */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {}

    /**
     * The value of a JSON text.
     *
     * @throws jakarta.json.stream.JsonParsingException when it is not JSON, with where
     * @throws jakarta.json.JsonException               when it cannot be read
     */
    public static JsonValue read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** A value as the text of a setting: a string's content, any other value as its JSON text. */
    public static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    /** Every entry of an object as text ({@link #text}), in its order; empty for null. */
    public static Map<String, String> texts(JsonObject object) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (object != null) {
            object.forEach((key, value) -> texts.put(key, text(value)));
        }
        return texts;
    }

    /** An object of strings, in their order. */
    public static JsonObjectBuilder strings(Map<String, String> values) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        values.forEach(object::add);
        return object;
    }

    /**
     * A value as a problem names it: {@code an object}, {@code an array}, {@code a string ("Gold")}, {@code the number
     * 1.5}, {@code true}, {@code null}; a string or a number longer than 40 characters is cut.
     */
    public static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string (" + shortText(value) + ")";
            case NUMBER -> "the number " + shortText(value);
            case TRUE, FALSE -> value.toString();
            case NULL -> "null";
        };
    }

    private static String shortText(JsonValue value) {
        String text = value instanceof JsonString string
                ? JSON.createValue(string.getString()).toString()
                : value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** A key as a step of a JSON pointer (RFC 6901): {@code ~} and {@code /} escaped. */
    public static String pointerStep(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** A step of a JSON pointer as the key it names. */
    public static String keyOfStep(String step) {
        return step.replace("~1", "/").replace("~0", "~");
    }

    /** Whether a number is whole: {@code 2}, {@code 2.0}, {@code 2e3}; not {@code 1.5}. */
    public static boolean isWhole(BigDecimal number) {
        return number.signum() == 0
                || number.scale() <= 0
                || number.stripTrailingZeros().scale() <= 0;
    }

    /** Whether a number is from {@code min} to {@code max}. */
    public static boolean within(BigDecimal number, long min, long max) {
        return number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
}
