package io.crosscast.workflow.internal;

import static io.crosscast.platform.JsonValues.JSON;

import io.crosscast.engine.Text;
import io.crosscast.platform.JsonValues;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Text} as stored with a run: {@code {"key": "query.log.count", "args": ["1234"]}}, a nested text being an
 * object of the same form. Reading never fails: what is not such an object is no text.
 */
public final class TextJson {

    private TextJson() {}

    public static JsonObject toJson(Text text) {
        JsonArrayBuilder args = JSON.createArrayBuilder();
        for (Object arg : text.args()) {
            if (arg instanceof Text nested) {
                args.add(toJson(nested));
            } else {
                args.add((String) arg);
            }
        }
        return JSON.createObjectBuilder()
                .add("key", text.key())
                .add("args", args)
                .build();
    }

    public static String write(Text text) {
        return toJson(text).toString();
    }

    /** The text of a JSON value written by {@link #toJson}; empty when it is not one. */
    public static Optional<Text> fromJson(JsonValue value) {
        if (!(value instanceof JsonObject object) || !(object.get("key") instanceof JsonString key)) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        JsonValue stored = object.get("args");
        if (stored != null && stored.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue arg : stored.asJsonArray()) {
                if (arg.getValueType() == JsonValue.ValueType.OBJECT) {
                    Optional<Text> nested = fromJson(arg);
                    if (nested.isEmpty()) {
                        return Optional.empty();
                    }
                    args.add(nested.get());
                } else {
                    args.add(JsonValues.text(arg));
                }
            }
        }
        return Optional.of(new Text(key.getString(), args));
    }

    /** The text of a JSON document written by {@link #write}; empty when null or not one. */
    public static Optional<Text> read(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return fromJson(JsonValues.read(json));
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
