package io.crosscast.web.api;

import static io.crosscast.platform.JsonValues.JSON;

import io.crosscast.platform.JsonValues;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The strict reading of request bodies: every value present in the JSON is checked against the declared
 * Java type of the property it will be bound to, before JSON-B binds anything, and every problem is
 * listed with its JSON pointer. JSON-B (Yasson) alone is lenient: it reads {@code 1} or {@code "maybe"} as
 * {@code false} for a {@code Boolean}, {@code ["x"]} as {@code "x"} for a {@code String}, {@code 1.5} as
 * {@code 1} and {@code 4294967296} as {@code 0} for an {@code Integer}.
 *
 * <table>
 * <caption>What each Java type accepts (null is accepted for every type but a primitive, and means
 * absent)</caption>
 * <tr><td>{@code String}</td><td>a JSON string</td></tr>
 * <tr><td>{@code Boolean}, {@code boolean}</td><td>{@code true} or {@code false}</td></tr>
 * <tr><td>{@code Integer}, {@code Long}, {@code Short}, {@code Byte} and primitives</td><td>a JSON number
 * that is a whole number within the type's range ({@code 2}, {@code 2.0}, {@code 2e3}; not {@code 1.5})</td></tr>
 * <tr><td>{@code Double}, {@code Float}, {@code BigDecimal}</td><td>a JSON number</td></tr>
 * <tr><td>{@code List}, {@code Set}, {@code Collection} of E</td><td>an array whose items are each an E (never
 * null)</td></tr>
 * <tr><td>{@code JsonObject}, {@code JsonArray}, {@code JsonValue}</td><td>an object, an array, anything</td></tr>
 * <tr><td>a record or a class with setters</td><td>an object, each known key checked (recursively); keys the
 * class does not have are left out, as JSON-B ignores them</td></tr>
 * </table>
 *
 * <p>{@link #check(JsonValue, Type)} answers the value to bind: the same value, with whole numbers written
 * plainly (so that {@code 2e3} binds as 2000 whatever the binder does with exponents) and unknown keys left
 * out. A Java type this class does not know is a bug, reported with an {@link IllegalStateException} the
 * first time the type is described ({@link #describe(Type)}, also called by a unit test on every body type
 * of the API).
 */
public final class StrictJson {

    /** The {@code code} of a problem: the JSON type is not the one expected. */
    public static final String WRONG_TYPE = "WRONG_TYPE";
    /** The {@code code} of a problem: a number with a fraction where a whole number is expected. */
    public static final String NOT_WHOLE = "NOT_A_WHOLE_NUMBER";
    /** The {@code code} of a problem: a whole number outside the range of its type. */
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";

    /** At most this many problems are listed (a huge array of wrong values is not echoed whole). */
    static final int MAX_PROBLEMS = 100;

    private static final Map<Type, Shape> SHAPES = new ConcurrentHashMap<>();

    private StrictJson() {}

    /**
     * Checks {@code value} against {@code type}.
     *
     * @return the value to bind (see the class comment)
     * @throws ApiException a 400 {@code request.invalidJson} listing every problem, each with its code,
     *                      English message and JSON pointer
     */
    public static JsonValue check(JsonValue value, Type type) {
        List<ApiError.Problem> problems = new ArrayList<>();
        JsonValue checked = describe(type).check(value, "", problems);
        if (!problems.isEmpty()) {
            throw new ApiException(refusal(problems));
        }
        return checked;
    }

    /** The 400 for these problems. */
    static ApiError refusal(List<ApiError.Problem> problems) {
        List<ApiError.Problem> listed = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
        String message = "The request body has " + (problems.size() == 1 ? "a value" : problems.size() + " values")
                + " of the wrong type: "
                + listed.stream()
                        .map(p -> p.path() + ": " + withoutPeriod(p.message()))
                        .collect(Collectors.joining("; "))
                + (listed.size() < problems.size() ? "; ..." : ".");
        Set<String> keys =
                listed.stream().map(p -> topKey(p.path())).collect(Collectors.toCollection(LinkedHashSet::new));
        ApiError error = ApiErrors.invalidJsonWithProblems(message, listed);
        return keys.size() == 1 && keys.iterator().next() != null
                ? error.withField(keys.iterator().next())
                : error;
    }

    private static String withoutPeriod(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static String topKey(String pointer) {
        if (pointer.length() < 2) {
            return null;
        }
        int end = pointer.indexOf('/', 1);
        return JsonValues.keyOfStep(end < 0 ? pointer.substring(1) : pointer.substring(1, end));
    }

    /** What {@code type} accepts; an {@link IllegalStateException} if this class does not know it. */
    static Shape describe(Type type) {
        Shape known = SHAPES.get(type);
        if (known != null) {
            return known;
        }
        Shape shape = shapeOf(type);
        SHAPES.putIfAbsent(type, shape);
        return shape;
    }

    private static Shape shapeOf(Type type) {
        if (type instanceof ParameterizedType parameterized
                && (parameterized.getRawType() == List.class
                        || parameterized.getRawType() == Set.class
                        || parameterized.getRawType() == Collection.class)) {
            return new ArrayShape(describe(parameterized.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalStateException("No strict JSON reading for the type " + type.getTypeName());
        }
        if (c == String.class) {
            return new Scalar("a string", true, JsonValue.ValueType.STRING);
        }
        if (c == Boolean.class || c == boolean.class) {
            return new Scalar("true or false", !c.isPrimitive(), JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE);
        }
        if (c == Integer.class || c == int.class) {
            return new WholeNumber(Integer.MIN_VALUE, Integer.MAX_VALUE, !c.isPrimitive());
        }
        if (c == Long.class || c == long.class) {
            return new WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE, !c.isPrimitive());
        }
        if (c == Short.class || c == short.class) {
            return new WholeNumber(Short.MIN_VALUE, Short.MAX_VALUE, !c.isPrimitive());
        }
        if (c == Byte.class || c == byte.class) {
            return new WholeNumber(Byte.MIN_VALUE, Byte.MAX_VALUE, !c.isPrimitive());
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class || c == BigDecimal.class) {
            return new Scalar("a number", !c.isPrimitive(), JsonValue.ValueType.NUMBER);
        }
        if (c == JsonObject.class) {
            return new Scalar("an object", true, JsonValue.ValueType.OBJECT);
        }
        if (c == JsonArray.class) {
            return new Scalar("an array", true, JsonValue.ValueType.ARRAY);
        }
        if (c == JsonValue.class) {
            return new Scalar("any JSON value", true, JsonValue.ValueType.values());
        }
        if (c.isRecord()) {
            return ObjectShape.ofRecord(c);
        }
        if (c.getPackageName().startsWith("io.crosscast.") && !c.isEnum() && !c.isInterface()) {
            return ObjectShape.ofBean(c);
        }
        throw new IllegalStateException("No strict JSON reading for the type " + type.getTypeName());
    }

    /** What a Java type accepts, and the check of one value against it. */
    abstract static class Shape {

        private final String expected;
        private final boolean nullable;

        Shape(String expected, boolean nullable) {
            this.expected = expected;
            this.nullable = nullable;
        }

        /** What is expected, for messages: {@code "true or false"}. */
        String expected() {
            return expected;
        }

        /** The value to bind; adds the problems of {@code value} (at {@code path}) to {@code problems}. */
        final JsonValue check(JsonValue value, String path, List<ApiError.Problem> problems) {
            if (value.getValueType() == JsonValue.ValueType.NULL && nullable) {
                return value;
            }
            return checkPresent(value, path, problems);
        }

        abstract JsonValue checkPresent(JsonValue value, String path, List<ApiError.Problem> problems);

        final void wrongType(JsonValue value, String path, List<ApiError.Problem> problems) {
            problems.add(new ApiError.Problem(
                    WRONG_TYPE, "expected " + expected + ", got " + JsonValues.describe(value) + ".", pointer(path)));
        }
    }

    /** A value of one of some JSON types, taken as it is. */
    static final class Scalar extends Shape {

        private final Set<JsonValue.ValueType> types;

        Scalar(String expected, boolean nullable, JsonValue.ValueType... types) {
            super(expected, nullable);
            this.types = Set.of(types);
        }

        @Override
        JsonValue checkPresent(JsonValue value, String path, List<ApiError.Problem> problems) {
            if (!types.contains(value.getValueType())) {
                wrongType(value, path, problems);
            }
            return value;
        }
    }

    /** A whole number within a range, answered written plainly. */
    static final class WholeNumber extends Shape {

        private final long min;
        private final long max;

        WholeNumber(long min, long max, boolean nullable) {
            super("a whole number", nullable);
            this.min = min;
            this.max = max;
        }

        @Override
        JsonValue checkPresent(JsonValue value, String path, List<ApiError.Problem> problems) {
            if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                wrongType(value, path, problems);
                return value;
            }
            BigDecimal number = ((JsonNumber) value).bigDecimalValue();
            // the range first: it needs no expansion of a huge exponent such as 1e999999999
            if (!JsonValues.within(number, min, max)) {
                problems.add(new ApiError.Problem(
                        OUT_OF_RANGE,
                        "expected a whole number from " + min + " to " + max + ", got " + JsonValues.describe(value)
                                + ".",
                        pointer(path)));
                return value;
            }
            if (!JsonValues.isWhole(number)) {
                problems.add(new ApiError.Problem(
                        NOT_WHOLE, "expected a whole number, got " + JsonValues.describe(value) + ".", pointer(path)));
                return value;
            }
            return JSON.createValue(number.longValue());
        }
    }

    /** An array whose items all have one shape. */
    static final class ArrayShape extends Shape {

        private final Shape item;

        ArrayShape(Shape item) {
            super("an array", true);
            this.item = item;
        }

        @Override
        JsonValue checkPresent(JsonValue value, String path, List<ApiError.Problem> problems) {
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                wrongType(value, path, problems);
                return value;
            }
            JsonArray array = value.asJsonArray();
            JsonArrayBuilder checked = JSON.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                JsonValue one = array.get(i);
                String at = path + "/" + i;
                if (one.getValueType() == JsonValue.ValueType.NULL) {
                    problems.add(new ApiError.Problem(WRONG_TYPE, "expected " + item.expected() + ", got null.", at));
                    checked.add(one);
                } else {
                    checked.add(item.check(one, at, problems));
                }
            }
            return checked.build();
        }
    }

    /** An object with known keys, each with its shape; other keys are left out. */
    static final class ObjectShape extends Shape {

        private final Map<String, Type> types;
        private final Map<String, Shape> properties = new ConcurrentHashMap<>();

        private ObjectShape(Map<String, Type> types) {
            super("an object", true);
            this.types = types;
        }

        static ObjectShape ofRecord(Class<?> c) {
            Map<String, Type> types = new LinkedHashMap<>();
            for (RecordComponent component : c.getRecordComponents()) {
                if (component.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty renamed = component.getAnnotation(JsonbProperty.class);
                types.put(
                        renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value(),
                        component.getGenericType());
            }
            return checked(new ObjectShape(types));
        }

        static ObjectShape ofBean(Class<?> c) {
            Map<String, Type> types = new LinkedHashMap<>();
            for (Method method : c.getMethods()) {
                String name = method.getName();
                if (name.length() > 3
                        && name.startsWith("set")
                        && method.getParameterCount() == 1
                        && !Modifier.isStatic(method.getModifiers())) {
                    String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                    Field field = field(c, property);
                    if (method.isAnnotationPresent(JsonbTransient.class)
                            || field != null && field.isAnnotationPresent(JsonbTransient.class)) {
                        continue;
                    }
                    JsonbProperty renamed = method.getAnnotation(JsonbProperty.class);
                    if (renamed == null && field != null) {
                        renamed = field.getAnnotation(JsonbProperty.class);
                    }
                    types.put(
                            renamed == null || renamed.value().isEmpty() ? property : renamed.value(),
                            method.getGenericParameterTypes()[0]);
                }
            }
            return checked(new ObjectShape(types));
        }

        private static Field field(Class<?> c, String name) {
            for (Class<?> at = c; at != null && at != Object.class; at = at.getSuperclass()) {
                try {
                    return at.getDeclaredField(name);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            return null;
        }

        /** Describes every property now, so that an unknown type fails at once rather than on some body. */
        private static ObjectShape checked(ObjectShape shape) {
            shape.types.forEach((name, type) -> shape.properties.put(name, describe(type)));
            return shape;
        }

        @Override
        JsonValue checkPresent(JsonValue value, String path, List<ApiError.Problem> problems) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                wrongType(value, path, problems);
                return value;
            }
            JsonObjectBuilder checked = JSON.createObjectBuilder();
            value.asJsonObject().forEach((key, one) -> {
                Shape shape = properties.get(key);
                if (shape != null) {
                    checked.add(key, shape.check(one, path + "/" + escape(key), problems));
                }
            });
            return checked.build();
        }
    }

    private static String pointer(String path) {
        return path.isEmpty() ? "/" : path;
    }

    /** A key as a step of a JSON pointer (RFC 6901): {@code ~} and {@code /} escaped. */
    static String escape(String key) {
        return JsonValues.pointerStep(key);
    }
}
