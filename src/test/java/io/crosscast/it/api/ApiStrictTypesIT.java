package io.crosscast.it.api;

import static io.crosscast.it.api.ApiClient.object;
import static io.crosscast.it.api.ApiClient.rule;
import static io.crosscast.it.api.RecipientApiIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Values of the wrong JSON type are refused, in every body of the API: a 400 that lists every problem with
 * its JSON pointer, and nothing is stored or changed. Before, JSON-B read {@code 1} and {@code "maybe"} as
 * {@code false}, {@code ["x"]} as {@code "x"}, {@code 1.5} as 1 and {@code 4294967296} as 0.
 */
class ApiStrictTypesIT extends ApiTestCase {

    ApiStrictTypesIT() {
        super("Typ");
    }

    /** Asserts a 400 {@code request.invalidJson} whose problems are exactly these "pointer CODE" pairs. */
    static JsonObject assertProblems(Reply reply, String... expected) {
        assertError(reply, 400, "request.invalidJson", null);
        JsonObject json = reply.json();
        assertTrue(json.containsKey("problems"), reply::toString);
        List<String> problems = json.getJsonArray("problems").stream()
                .map(JsonValue::asJsonObject)
                .map(p -> p.getString("path") + " " + p.getString("code"))
                .toList();
        assertEquals(List.of(expected), problems, reply::toString);
        json.getJsonArray("problems").stream()
                .map(JsonValue::asJsonObject)
                .forEach(p -> assertTrue(p.getString("message").startsWith("expected "), reply::toString));
        return json;
    }

    private long recipient(boolean emailOptOut, boolean smsOptOut) {
        Reply created = api.post(
                "recipients",
                object().add("lastName", token)
                        .add("firstName", "Ada")
                        .add("emailOptOut", emailOptOut)
                        .add("smsOptOut", smsOptOut)
                        .build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private long count(JsonObject condition) {
        Reply reply = api.post("recipients/count", ApiClient.withCondition(condition));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonNumber("count").longValue();
    }

    @Test
    void anOptOutOfTheWrongTypeIsRefusedAndTheOptOutKept() {
        long id = recipient(true, true);

        Reply changed = api.send(
                "PUT",
                "recipients/" + id,
                "application/json",
                "{\"lastName\": \"" + token + "\", \"smsOptOut\": 1, \"emailOptOut\": \"maybe\"}");

        JsonObject error = assertProblems(changed, "/smsOptOut WRONG_TYPE", "/emailOptOut WRONG_TYPE");
        assertEquals(
                "expected true or false, got the number 1.",
                error.getJsonArray("problems").getJsonObject(0).getString("message"));
        JsonObject stored = api.get("recipients/" + id).json();
        assertTrue(stored.getBoolean("smsOptOut"), "the SMS opt-out is not lost: " + stored);
        assertTrue(stored.getBoolean("emailOptOut"), "the email opt-out is not lost: " + stored);

        Reply created = api.send(
                "POST",
                "recipients",
                "application/json",
                "{\"lastName\": \"" + token
                        + "\", \"firstName\": [\"x\"], \"smsOptOut\": \"true\", \"birthDate\": 19900517}");
        assertProblems(created, "/firstName WRONG_TYPE", "/smsOptOut WRONG_TYPE", "/birthDate WRONG_TYPE");
        assertEquals(1, count(rule("lastName", "equals", token)), "nothing created");

        // unknown keys are still ignored: a recipient read before (id, timestamps...) can be sent back
        JsonObject read = api.get("recipients/" + id).json();
        Reply sentBack = api.put(
                "recipients/" + id,
                Json.createObjectBuilder(read).add("smsOptOut", false).build());
        assertEquals(200, sentBack.status(), sentBack::toString);
        assertFalse(sentBack.json().getBoolean("smsOptOut"));
        assertTrue(sentBack.json().getBoolean("emailOptOut"));
    }

    @Test
    void aListNameMustBeText() {
        Reply created =
                api.send("POST", "lists", "application/json", "{\"name\": [\"" + token + "\"], \"description\": 5}");

        JsonObject error = assertProblems(created, "/name WRONG_TYPE", "/description WRONG_TYPE");
        assertEquals(
                "expected a string, got an array.",
                error.getJsonArray("problems").getJsonObject(0).getString("message"));
        assertFalse(api.get("lists").body().contains(token), "no list was created");

        Reply list = api.post("lists", object().add("name", "L " + token).build());
        assertEquals(201, list.status(), list::toString);
        long id = list.json().getJsonNumber("id").longValue();
        Reply renamed = api.send("PUT", "lists/" + id, "application/json", "{\"name\": {\"text\": \"x\"}}");
        assertError(renamed, 400, "request.invalidJson", "name");
        assertEquals("L " + token, api.get("lists/" + id).json().getString("name"));
    }

    @Test
    void pagingAndSortOfASearchMustHaveTheirTypes() {
        recipient(false, false);

        Reply search = api.send(
                "POST",
                "recipients/search",
                "application/json",
                "{\"first\": 4294967296, \"pageSize\": 1.5, \"ascending\": \"yes\", \"sort\": [\"id\"]}");

        JsonObject error = assertProblems(
                search,
                "/first OUT_OF_RANGE",
                "/pageSize NOT_A_WHOLE_NUMBER",
                "/ascending WRONG_TYPE",
                "/sort WRONG_TYPE");
        assertTrue(
                error.getString("message").startsWith("The request body has 4 values of the wrong type"),
                error::toString);
        assertError(
                api.send("POST", "recipients/search", "application/json", "{\"ascending\": \"yes\"}"),
                400,
                "request.invalidJson",
                "ascending");
        assertError(
                api.send("POST", "recipients/search", "application/json", "{\"pageSize\": 2.5}"),
                400,
                "request.invalidJson",
                "pageSize");

        Reply whole = api.send(
                "POST",
                "recipients/search",
                "application/json",
                "{\"condition\": " + rule("lastName", "equals", token) + ", \"first\": 0.0, \"pageSize\": 1e1}");
        assertEquals(200, whole.status(), whole::toString);
        assertEquals(10, whole.json().getInt("pageSize"), "1e1 is the whole number 10");
        assertEquals(1, whole.json().getJsonArray("items").size());
    }

    @Test
    void conditionsAndModesMustHaveTheirTypes() {
        long id = recipient(false, false);
        Reply list = api.post("lists", object().add("name", "M " + token).build());
        long listId = list.json().getJsonNumber("id").longValue();
        assertEquals(
                200,
                api.post(
                                "lists/" + listId + "/members",
                                object().add("condition", rule("lastName", "equals", token))
                                        .build())
                        .status());

        assertProblems(
                api.send("POST", "recipients/count", "application/json", "{\"condition\": [\"GOLD\"]}"),
                "/condition WRONG_TYPE");
        assertProblems(
                api.send(
                        "POST",
                        "lists/" + listId + "/members",
                        "application/json",
                        "{\"condition\": \"everyone\", \"mode\": 3}"),
                "/condition WRONG_TYPE",
                "/mode WRONG_TYPE");
        assertProblems(
                api.send(
                        "DELETE",
                        "lists/" + listId + "/members",
                        "application/json",
                        "{\"recipientIds\": [" + id + ", \"" + id + "\", " + id + ".5, null, 9223372036854775808]}"),
                "/recipientIds/1 WRONG_TYPE",
                "/recipientIds/2 NOT_A_WHOLE_NUMBER",
                "/recipientIds/3 WRONG_TYPE",
                "/recipientIds/4 OUT_OF_RANGE");
        assertProblems(
                api.send(
                        "DELETE", "lists/" + listId + "/members", "application/json", "{\"recipientIds\": " + id + "}"),
                "/recipientIds WRONG_TYPE");
        assertEquals(1, api.get("lists/" + listId).json().getInt("members"), "nobody was removed");

        // inside a condition, every value of the wrong type is listed too, not only the first
        Reply counted = api.send(
                "POST",
                "recipients/count",
                "application/json",
                "{\"condition\": {\"logic\": \"and\","
                        + " \"children\": [{\"field\": \"status\", \"operator\": \"equals\", \"values\": [1]},"
                        + " {\"field\": \"email\", \"operator\": 7}, {\"logic\": true, \"children\": []}]}}");
        assertError(counted, 400, "condition.invalid", "condition");
        assertEquals(
                List.of("/children/0", "/children/1", "/children/2"),
                counted.json().getJsonArray("problems").stream()
                        .map(p -> p.asJsonObject().getString("path"))
                        .toList(),
                counted::toString);
    }

    @Test
    void aDeliveryMustHaveItsTypes() {
        long before = api.get("deliveries").json().getJsonNumber("total").longValue();

        Reply created = api.send(
                "POST",
                "deliveries",
                "application/json",
                "{\"label\": 5, \"channel\": true,"
                        + " \"subject\": [\"Hello\"], \"senderAddress\": \"shop@example.com\", \"htmlBody\": {\"p\": 1}}");

        assertProblems(
                created, "/label WRONG_TYPE", "/channel WRONG_TYPE", "/subject WRONG_TYPE", "/htmlBody WRONG_TYPE");
        assertEquals(before, api.get("deliveries").json().getJsonNumber("total").longValue(), "nothing created");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedClearly() {
        for (String path : List.of("recipients", "lists", "recipients/search", "deliveries", "workflows")) {
            for (String body : List.of("[{\"lastName\": \"x\"}]", "42", "\"text\"")) {
                JsonObject error = assertProblems(api.send("POST", path, "application/json", body), "/ WRONG_TYPE");
                assertTrue(
                        error.getJsonArray("problems")
                                .getJsonObject(0)
                                .getString("message")
                                .startsWith("expected an object, got "),
                        error::toString);
            }
        }
    }

    @Test
    void aWorkflowDocumentListsEveryValueOfTheWrongType() {
        String document = """
                {"name": "Types %s", "activities": [
                  {"id": "start", "type": "start", "label": 5, "x": "40", "y": 1.5},
                  {"id": "list", "type": "listUpdate", "config": {"list": ["Gold"], "outbound": "yes"}},
                  {"id": "end", "type": "end"}],
                 "transitions": [{"from": "start", "to": "list", "output": 1}, {"from": "list", "to": "end"}]}
                """.formatted(token);

        Reply refused = api.send("POST", "workflows", "application/json", document);

        assertError(refused, 400, "workflow.invalid", null);
        String problems = refused.json().getJsonArray("problems").stream()
                .map(p -> p.asJsonObject().getString("message"))
                .collect(Collectors.joining("\n"));
        for (String expected : List.of(
                "/activities/0/label: expected a string, got the number 5.",
                "/activities/0/x: expected a whole number",
                "/activities/0/y: expected a whole number",
                "/activities/1/config/list: expected a string",
                "/transitions/0/output: expected a string")) {
            assertTrue(problems.contains(expected), expected + " in\n" + problems);
        }
        Reply validated = api.send("POST", "workflows/validate", "application/json", document);
        assertEquals(200, validated.status(), validated::toString);
        assertFalse(validated.json().getBoolean("valid"));

        Reply outbound = api.send("POST", "workflows/validate", "application/json", """
                {"name": "Outbound %s", "activities": [{"id": "start", "type": "start"},
                  {"id": "list", "type": "listUpdate", "config": {"list": "Gold", "outbound": "yes"}}],
                 "transitions": [{"from": "start", "to": "list"}]}""".formatted(token));
        assertTrue(
                outbound.json().getJsonArray("problems").toString().contains("'outbound' must be true or false"),
                outbound::toString);

        Reply hugeSubset = api.send("POST", "workflows/validate", "application/json", """
                {"name": "Huge %s", "activities": [{"id": "start", "type": "start"},
                  {"id": "split", "type": "split", "config": {"subset.1.condition": {"logic": "and", "children": []},
                     "subset.99999999999.label": "Huge"}},
                  {"id": "test", "type": "test", "config": {"expression": "count>99999999999999999999"}}],
                 "transitions": [{"from": "start", "to": "split"}, {"from": "split", "output": "subset1", "to": "test"}]}
                """.formatted(token));
        assertEquals(200, hugeSubset.status(), "a problem, not a server error: " + hugeSubset);
        assertFalse(hugeSubset.json().getBoolean("valid"), hugeSubset::toString);
        String hugeProblems = hugeSubset.json().getJsonArray("problems").toString();
        assertTrue(
                hugeProblems.contains("count>99999999999999999999") && hugeProblems.contains("Subset keys must be"),
                hugeSubset::toString);
    }
}
