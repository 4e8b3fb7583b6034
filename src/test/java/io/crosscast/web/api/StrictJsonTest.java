package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static ApiError refused(String body, Type type) {
        return assertThrows(ApiException.class, () -> StrictJson.check(json(body), type))
                .error();
    }

    private static String problems(ApiError error) {
        return error.problems().stream().map(p -> p.path() + " " + p.code()).collect(Collectors.joining(", "));
    }

    @Test
    void aBooleanIsOnlyTrueOrFalse() {
        ApiError error = refused(
                "{\"smsOptOut\": 1, \"emailOptOut\": \"maybe\", \"lastName\": \"Martin\"}", RecipientInput.class);

        assertEquals(400, error.status());
        assertEquals("request.invalidJson", error.code());
        assertEquals("/smsOptOut WRONG_TYPE, /emailOptOut WRONG_TYPE", problems(error));
        assertEquals(
                "expected true or false, got the number 1.",
                error.problems().get(0).message());
        assertEquals(
                "expected true or false, got a string (\"maybe\").",
                error.problems().get(1).message());
        assertEquals(
                "The request body has 2 values of the wrong type: /smsOptOut: expected true or false, got the"
                        + " number 1; /emailOptOut: expected true or false, got a string (\"maybe\").",
                error.message());
        assertEquals(null, error.field(), "two keys: no single field");
        assertDoesNotThrow(
                () -> StrictJson.check(json("{\"smsOptOut\": true, \"emailOptOut\": null}"), RecipientInput.class));
    }

    @Test
    void aStringIsOnlyAString() {
        ApiError error = refused("{\"name\": [\"x\"], \"description\": 12}", ListInput.class);

        assertEquals("/name WRONG_TYPE, /description WRONG_TYPE", problems(error));
        assertEquals("expected a string, got an array.", error.problems().get(0).message());
        assertEquals(
                "expected a string, got the number 12.", error.problems().get(1).message());
        assertEquals("/name WRONG_TYPE", problems(refused("{\"name\": {\"a\": 1}}", ListInput.class)));
        assertEquals("name", refused("{\"name\": true}", ListInput.class).field());
    }

    @Test
    void anIntegerIsAWholeNumberWithinItsRange() {
        ApiError error = refused(
                "{\"first\": 4294967296, \"pageSize\": 1.5, \"ascending\": \"yes\","
                        + " \"sort\": 3, \"condition\": \"everyone\"}",
                SearchRequest.class);

        assertEquals(
                "/first OUT_OF_RANGE, /pageSize NOT_A_WHOLE_NUMBER, /ascending WRONG_TYPE, /sort WRONG_TYPE,"
                        + " /condition WRONG_TYPE",
                problems(error));
        assertEquals(
                "expected a whole number from -2147483648 to 2147483647, got the number 4294967296.",
                error.problems().get(0).message());
        assertTrue(
                error.message().startsWith("The request body has 5 values of the wrong type: /first: expected"),
                error.message());
        assertEquals("/first WRONG_TYPE", problems(refused("{\"first\": \"0\"}", SearchRequest.class)));
        assertEquals("/first OUT_OF_RANGE", problems(refused("{\"first\": 1e999999999}", SearchRequest.class)));
        assertEquals("/first NOT_A_WHOLE_NUMBER", problems(refused("{\"first\": 1e-3}", SearchRequest.class)));

        JsonObject checked = StrictJson.check(
                        json("{\"first\": 2e1, \"pageSize\": 7.000, \"ascending\": false}"), SearchRequest.class)
                .asJsonObject();
        assertEquals("{\"first\":20,\"pageSize\":7,\"ascending\":false}", checked.toString());
    }

    @Test
    void aListOfIdsHoldsOnlyWholeNumbers() {
        ApiError error = refused(
                "{\"recipientIds\": [1, \"2\", null, 3.5, 9223372036854775808, [4]]}", MembersRemovalRequest.class);

        assertEquals(
                "/recipientIds/1 WRONG_TYPE, /recipientIds/2 WRONG_TYPE, /recipientIds/3 NOT_A_WHOLE_NUMBER,"
                        + " /recipientIds/4 OUT_OF_RANGE, /recipientIds/5 WRONG_TYPE",
                problems(error));
        assertEquals("recipientIds", error.field());
        assertEquals(
                "/recipientIds WRONG_TYPE", problems(refused("{\"recipientIds\": 42}", MembersRemovalRequest.class)));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedAtTheRoot() {
        for (String body : List.of("[1, 2]", "42", "\"text\"", "true")) {
            ApiError error = refused(body, RecipientInput.class);
            assertEquals("/ WRONG_TYPE", problems(error), body);
            assertTrue(error.problems().get(0).message().startsWith("expected an object, got "), body);
        }
        assertEquals("/ WRONG_TYPE", problems(refused("[{\"name\": \"w\"}]", JsonObject.class)));
    }

    @Test
    void unknownKeysAreLeftOutAndNestedObjectsChecked() {
        JsonObject checked = StrictJson.check(
                        json("{\"id\": \"anything\", \"createdAt\": [], \"lastName\": \"M\"}"), RecipientInput.class)
                .asJsonObject();
        assertEquals("{\"lastName\":\"M\"}", checked.toString());

        ApiError error = refused(
                "{\"label\": \"L\", \"stats\": {\"sent\": \"many\", \"opened\": null}, \"runId\": true}",
                DeliveryDto.class);
        assertEquals("/stats/sent WRONG_TYPE, /stats/opened WRONG_TYPE, /runId WRONG_TYPE", problems(error));
    }

    @Test
    void keysAreEscapedInPointersAndTheListIsCapped() {
        assertEquals("a~1b~0c", StrictJson.escape("a/b~c"));
        StringBuilder many = new StringBuilder("{\"recipientIds\": [");
        for (int i = 0; i < 250; i++) {
            many.append(i == 0 ? "" : ",").append("\"x\"");
        }
        ApiError error = refused(many.append("]}").toString(), MembersRemovalRequest.class);
        assertEquals(StrictJson.MAX_PROBLEMS, error.problems().size());
        assertTrue(error.message().startsWith("The request body has 250 values"), error.message());
    }

    /** Every JSON body a resource of the API takes has a strict reading (no type is unknown to it). */
    @Test
    void everyBodyOfTheApiHasAStrictReading() {
        List<String> bodies = new ArrayList<>();
        for (Class<?> resource : new CrosscastApi().getClasses()) {
            if (!resource.getSimpleName().endsWith("Resource")) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                boolean http = method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PUT.class)
                        || method.isAnnotationPresent(DELETE.class)
                        || method.isAnnotationPresent(GET.class);
                Consumes consumes = method.getAnnotation(Consumes.class) != null
                        ? method.getAnnotation(Consumes.class)
                        : resource.getAnnotation(Consumes.class);
                if (!http || consumes == null || !List.of(consumes.value()).contains(MediaType.APPLICATION_JSON)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    // The body: the parameter JAX-RS does not bind (an OpenAPI @RequestBody may describe it).
                    boolean body = Arrays.stream(parameter.getAnnotations())
                            .noneMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.ws.rs"));
                    if (body) {
                        assertDoesNotThrow(
                                () -> StrictJson.describe(parameter.getParameterizedType()),
                                resource.getSimpleName() + "." + method.getName());
                        bodies.add(parameter.getType().getSimpleName());
                    }
                }
            }
        }
        assertTrue(
                bodies.containsAll(List.of(
                        "RecipientInput",
                        "SearchRequest",
                        "CountRequest",
                        "ListInput",
                        "MembersChangeRequest",
                        "MembersRemovalRequest",
                        "DeliveryDto",
                        "TokenInput",
                        "JsonObject")),
                bodies.toString());
        assertFalse(bodies.contains("long"), bodies.toString());
    }
}
