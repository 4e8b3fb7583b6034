package io.crosscast.it.api;

import static io.crosscast.it.api.ApiClient.and;
import static io.crosscast.it.api.ApiClient.object;
import static io.crosscast.it.api.ApiClient.rule;
import static io.crosscast.it.api.ApiClient.withCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recipients through the REST API, as a script would use it. Each test names its recipients with a fresh
 * last-name token and searches by it, so it never sees other rows.
 */
class RecipientApiIT extends ApiTestCase {

    RecipientApiIT() {
        super("Api");
    }

    @Test
    void aRecipientIsCreatedReadChangedFoundCountedAndDeleted() {
        Reply created = api.post(
                "recipients",
                object().add("firstName", "Ada")
                        .add("lastName", token)
                        .add("email", " Ada." + token + "@Example.com ")
                        .add("mobilePhone", "06 12 34 56 78")
                        .add("status", "gold")
                        .add("country", "fr")
                        .add("language", "fr")
                        .add("birthDate", "1990-05-17")
                        .add("emailOptOut", true)
                        .build());
        assertEquals(201, created.status(), created::toString);
        JsonObject recipient = created.json();
        long id = recipient.getJsonNumber("id").longValue();
        assertEquals(api.uri("recipients/" + id).toString(), created.header("Location"));
        assertEquals("Ada." + token + "@Example.com", recipient.getString("email"));
        assertEquals("+33612345678", recipient.getString("mobilePhone"));
        assertEquals("GOLD", recipient.getString("status"));
        assertEquals("FR", recipient.getString("country"));
        assertEquals("1990-05-17", recipient.getString("birthDate"));
        assertTrue(recipient.getBoolean("emailOptOut"));
        assertFalse(recipient.getBoolean("smsOptOut"));
        assertFalse(recipient.getBoolean("emailQuarantined"));
        assertFalse(recipient.getBoolean("smsQuarantined"));
        Instant createdAt = Instant.parse(recipient.getString("createdAt"));

        Reply read = api.get("recipients/" + id);
        assertEquals(200, read.status(), read::toString);
        assertEquals(withoutTimes(recipient), withoutTimes(read.json()));
        assertSameTime(createdAt, read.json().getString("createdAt"));

        Reply changed = api.put(
                "recipients/" + id,
                object().add("firstName", "Ada B")
                        .add("lastName", token)
                        .add("email", "ada." + token + "@example.com")
                        .add("status", "SILVER")
                        .build());
        assertEquals(200, changed.status(), changed::toString);
        JsonObject after = changed.json();
        assertEquals("Ada B", after.getString("firstName"));
        assertEquals("SILVER", after.getString("status"));
        assertEquals(
                JsonValue.ValueType.NULL, after.get("mobilePhone").getValueType(), "a PUT clears what it leaves out");
        assertEquals(JsonValue.ValueType.NULL, after.get("birthDate").getValueType());
        assertFalse(after.getBoolean("emailOptOut"));
        assertSameTime(createdAt, after.getString("createdAt"));
        assertFalse(Instant.parse(after.getString("updatedAt")).isBefore(createdAt.minusMillis(1)));

        Reply found = api.post("recipients/search", withCondition(rule("lastName", "equals", token)));
        assertEquals(200, found.status(), found::toString);
        assertEquals(1, found.json().getJsonNumber("total").longValue());
        assertEquals(
                id,
                found.json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue());

        assertEquals(1, count(and(rule("lastName", "equals", token), rule("status", "equals", "SILVER"))));
        assertEquals(0, count(and(rule("lastName", "equals", token), rule("status", "equals", "GOLD"))));

        Reply deleted = api.delete("recipients/" + id);
        assertEquals(204, deleted.status(), deleted::toString);
        Reply gone = api.get("recipients/" + id);
        assertError(gone, 404, "recipient.notFound", null);
        assertError(api.delete("recipients/" + id), 404, "recipient.notFound", null);
        assertError(
                api.put("recipients/" + id, object().add("lastName", token).build()), 404, "recipient.notFound", null);
        assertEquals(0, count(rule("lastName", "equals", token)));
    }

    @Test
    void searchPagesAndSorts() {
        for (String first : List.of("Cleo", "Alma", "Eva", "Bea", "Dora")) {
            assertEquals(
                    201,
                    api.post(
                                    "recipients",
                                    object().add("firstName", first)
                                            .add("lastName", token)
                                            .build())
                            .status());
        }

        Reply page = api.post(
                "recipients/search",
                object().add("condition", rule("lastName", "equals", token))
                        .add("sort", "firstName")
                        .add("ascending", false)
                        .add("first", 1)
                        .add("pageSize", 2)
                        .build());

        assertEquals(200, page.status(), page::toString);
        JsonObject json = page.json();
        assertEquals(5, json.getJsonNumber("total").longValue());
        assertEquals(1, json.getInt("first"));
        assertEquals(2, json.getInt("pageSize"));
        JsonArray items = json.getJsonArray("items");
        assertEquals(
                List.of("Dora", "Cleo"),
                List.of(
                        items.getJsonObject(0).getString("firstName"),
                        items.getJsonObject(1).getString("firstName")));

        Reply capped = api.post(
                "recipients/search",
                object().add("condition", rule("lastName", "equals", token))
                        .add("pageSize", 100_000)
                        .build());
        assertEquals(200, capped.status(), capped::toString);
        assertEquals(500, capped.json().getInt("pageSize"));
        assertEquals(5, capped.json().getJsonArray("items").size());
    }

    @Test
    void badPagingOrSortIsA400NamingTheField() {
        assertError(api.post("recipients/search", object().add("pageSize", 0).build()), 400, null, "pageSize");
        assertError(api.post("recipients/search", object().add("first", -1).build()), 400, null, "first");
        assertError(
                api.post(
                        "recipients/search",
                        object().add("sort", "last_name; DROP TABLE recipient").build()),
                400,
                "request.sortInvalid",
                "sort");
        assertError(
                api.send("POST", "recipients/search", "application/json", "{\"first\": \"abc\"}"),
                400,
                "request.invalidJson",
                null);
    }

    @Test
    void anEmailBelongsToOneRecipientOnly() {
        String email = "dup." + token + "@example.com";
        assertEquals(
                201,
                api.post(
                                "recipients",
                                object().add("lastName", token)
                                        .add("email", email)
                                        .build())
                        .status());

        Reply duplicate = api.post(
                "recipients",
                object().add("lastName", token)
                        .add("email", email.toUpperCase())
                        .build());

        assertError(duplicate, 409, "recipient.emailTaken", "email");
        assertEquals(1, count(rule("lastName", "equals", token)));
    }

    @Test
    void badValuesAreA400NamingTheirField() {
        assertError(
                api.post(
                        "recipients",
                        object().add("lastName", token)
                                .add("email", "not an email")
                                .build()),
                400,
                "recipient.emailInvalid",
                "email");
        assertError(
                api.post(
                        "recipients",
                        object().add("lastName", token).add("mobilePhone", "12").build()),
                400,
                "recipient.phoneInvalid",
                "mobilePhone");
        assertError(
                api.post(
                        "recipients",
                        object().add("lastName", token).add("country", "XX").build()),
                400,
                "recipient.countryInvalid",
                "country");
        assertError(
                api.post(
                        "recipients",
                        object().add("lastName", token)
                                .add("status", "PLATINUM")
                                .build()),
                400,
                "recipient.statusInvalid",
                "status");
        assertError(
                api.post(
                        "recipients",
                        object().add("lastName", token)
                                .add("birthDate", "17/05/1990")
                                .build()),
                400,
                "recipient.birthDateInvalid",
                "birthDate");
        assertError(
                api.post("recipients", object().add("lastName", "x".repeat(101)).build()),
                400,
                "recipient.tooLong",
                "lastName");
        assertEquals(0, count(rule("lastName", "equals", token)));
    }

    @Test
    void anInvalidConditionIsA400ListingItsProblems() {
        Reply reply = api.post(
                "recipients/count",
                withCondition(and(rule("lastName", "equals", token), rule("shoeSize", "equals", "42"))));

        assertError(reply, 400, "condition.invalid", "condition");
        JsonObject problem = reply.json().getJsonArray("problems").getJsonObject(0);
        assertEquals("UNKNOWN_FIELD", problem.getString("code"));
        assertEquals("/children/1", problem.getString("path"));
        assertTrue(problem.getString("message").contains("shoeSize"), problem.toString());

        Reply malformed = api.post(
                "recipients/search",
                withCondition(object().add("field", "status").build()));
        assertError(malformed, 400, "condition.invalid", "condition");
        assertEquals(
                "MALFORMED_CONDITION",
                malformed.json().getJsonArray("problems").getJsonObject(0).getString("code"));

        Reply notAnObject =
                api.send("POST", "recipients/count", "application/json", "{\"condition\": \"status=GOLD\"}");
        assertEquals(400, notAnObject.status(), notAnObject::toString);
        assertTrue(notAnObject.isJson());
    }

    @Test
    void hostileValuesAreOnlyValues() {
        assertEquals(
                201,
                api.post(
                                "recipients",
                                object().add("firstName", "Plain")
                                        .add("lastName", token)
                                        .build())
                        .status());

        for (String hostile : List.of("' OR 1=1 --", "x'; DROP TABLE recipient; --", "\" OR \"\"=\"", "%' OR '%'='")) {
            Reply reply = api.post(
                    "recipients/count",
                    withCondition(and(rule("lastName", "equals", token), rule("firstName", "equals", hostile))));
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(0, reply.json().getJsonNumber("count").longValue(), hostile);
            assertEquals(0, count(rule("lastName", "equals", hostile)), hostile);
        }
        assertEquals(1, count(rule("lastName", "equals", token)), "the table is still there, with its row");
    }

    @Test
    void noConditionCountsEveryone() {
        assertEquals(
                201,
                api.post("recipients", object().add("lastName", token).build()).status());
        Reply everyone = api.post("recipients/count", object().build());
        assertEquals(200, everyone.status(), everyone::toString);
        assertTrue(everyone.json().getJsonNumber("count").longValue() >= 1);
        Reply noBody = api.send("POST", "recipients/count", "application/json", "");
        assertEquals(200, noBody.status(), noBody::toString);
    }

    @Test
    void malformedJsonIsA400InJson() {
        Reply reply = api.send("POST", "recipients", "application/json", "{\"firstName\": \"Ada\", ");

        assertError(reply, 400, "request.invalidJson", null);
        assertTrue(reply.json().getString("message").startsWith("The request body is not valid JSON"), reply::toString);
    }

    @Test
    void aMissingBodyIsA400() {
        Reply reply = api.send("POST", "recipients", "application/json", "");

        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isJson());
        assertTrue(
                Set.of("request.bodyRequired", "request.invalidJson")
                        .contains(reply.json().getString("code")),
                reply::toString);
    }

    @Test
    void whatTheRuntimeRefusesIsAnsweredInJson() {
        assertError(api.get("no-such-resource"), 404, "http.404", null);
        assertError(api.get("recipients/not-a-number"), 404, "http.404", null);
        assertError(api.send("POST", "recipients", "text/plain", "lastName=x"), 415, "http.415", null);
        assertError(api.send("GET", "recipients/1", null, null, "text/html"), 406, "http.406", null);

        Reply notAllowed = api.send("PATCH", "recipients/1", "application/json", "{}");
        assertError(notAllowed, 405, "http.405", null);
        assertNotNull(notAllowed.header("Allow"), "a 405 says what is allowed");
    }

    @Test
    void optionsIsNotAServerError() {
        Reply options = api.send("OPTIONS", "recipients", null, null);
        assertTrue(options.status() < 500, options::toString);
    }

    /**
     * The object without its timestamps: an answer built right after saving shows the clock's precision,
     * one read back the database's (microseconds).
     */
    private static JsonObject withoutTimes(JsonObject json) {
        JsonObjectBuilder copy = Json.createObjectBuilder(json);
        copy.remove("createdAt");
        copy.remove("updatedAt");
        return copy.build();
    }

    private static void assertSameTime(Instant expected, String actual) {
        long micros = Math.abs(Duration.between(expected, Instant.parse(actual)).toNanos()) / 1000;
        assertTrue(micros <= 1, () -> expected + " vs " + actual);
    }

    private long count(JsonObject condition) {
        Reply reply = api.post("recipients/count", withCondition(condition));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonNumber("count").longValue();
    }

    /** A JSON error of this status, with this code and field when they are given. */
    static void assertError(Reply reply, int status, String code, String field) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isJson(), () -> "Content-Type: " + reply.header("Content-Type") + ", body " + reply.body());
        JsonObject json = reply.json();
        assertEquals(status, json.getInt("status"));
        assertFalse(json.getString("error").isBlank());
        assertFalse(json.getString("message").isBlank());
        if (code != null) {
            assertEquals(code, json.getString("code", null), reply::toString);
        }
        if (field != null) {
            assertEquals(field, json.getString("field", null), reply::toString);
        }
        assertFalse(reply.body().contains("Exception"), "no stack trace or exception name: " + reply.body());
    }
}
