package io.crosscast.it.api;

import static io.crosscast.it.api.ApiClient.and;
import static io.crosscast.it.api.ApiClient.object;
import static io.crosscast.it.api.ApiClient.rule;
import static io.crosscast.it.api.RecipientApiIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists through the REST API: create, read, rename, delete; members added, replaced and removed by
 * condition, paged, removed by id. Six recipients per test carry a fresh last-name token: two GOLD, four
 * BRONZE.
 */
class ListApiIT extends ApiTestCase {

    private final List<Long> gold = new ArrayList<>();
    private final List<Long> bronze = new ArrayList<>();

    ListApiIT() {
        super("ApiL");
    }

    @BeforeEach
    void sixRecipients() {
        gold.clear();
        bronze.clear();
        for (int i = 0; i < 6; i++) {
            String status = i < 2 ? "GOLD" : "BRONZE";
            Reply created = api.post(
                    "recipients",
                    object().add("firstName", "M" + i)
                            .add("lastName", token)
                            .add("status", status)
                            .build());
            assertEquals(201, created.status(), created::toString);
            (i < 2 ? gold : bronze).add(created.json().getJsonNumber("id").longValue());
        }
    }

    @Test
    void aListIsCreatedReadRenamedAndDeleted() {
        Reply created = api.post(
                "lists",
                object().add("name", "API " + token)
                        .add("description", "from a test")
                        .build());
        assertEquals(201, created.status(), created::toString);
        JsonObject list = created.json();
        long id = list.getJsonNumber("id").longValue();
        assertEquals(api.uri("lists/" + id).toString(), created.header("Location"));
        assertEquals("API " + token, list.getString("name"));
        assertEquals("from a test", list.getString("description"));
        assertEquals(0, list.getInt("members"));

        Reply all = api.get("lists");
        assertEquals(200, all.status(), all::toString);
        assertTrue(
                all.json().getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(item -> item.getJsonNumber("id").longValue() == id),
                all::toString);

        Reply read = api.get("lists/" + id);
        assertEquals(200, read.status(), read::toString);
        assertEquals(list, read.json());

        Reply renamed = api.put(
                "lists/" + id, object().add("name", "  Renamed " + token + " ").build());
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Renamed " + token, renamed.json().getString("name"));
        assertEquals(
                JsonValue.ValueType.NULL,
                renamed.json().get("description").getValueType(),
                "a PUT clears the description it leaves out");

        assertEquals(204, api.delete("lists/" + id).status());
        assertError(api.get("lists/" + id), 404, "list.notFound", null);
        assertError(api.delete("lists/" + id), 404, "list.notFound", null);
        assertError(api.put("lists/" + id, object().add("name", "x" + token).build()), 404, "list.notFound", null);
        assertError(api.get("lists/" + id + "/members"), 404, "list.notFound", null);
        assertError(
                api.post("lists/" + id + "/members", ApiClient.withCondition(rule("lastName", "equals", token))),
                404,
                "list.notFound",
                null);
    }

    @Test
    void namesAreUniqueWhateverTheirCaseAndRequired() {
        assertEquals(
                201,
                api.post("lists", object().add("name", "Unique " + token).build())
                        .status());

        assertError(
                api.post(
                        "lists",
                        object().add("name", "UNIQUE " + token.toUpperCase()).build()),
                409,
                "list.nameTaken",
                "name");
        assertError(
                api.post("lists", object().add("description", "no name").build()), 400, "list.nameRequired", "name");
        assertError(
                api.post(
                        "lists",
                        object().add("name", "Long " + token)
                                .add("description", "d".repeat(1001))
                                .build()),
                400,
                null,
                "description");
    }

    @Test
    void membersAreAddedReplacedRemovedAndPaged() {
        long id = newList();
        JsonObject everyone = rule("lastName", "equals", token);
        JsonObject goldOnes = and(everyone, rule("status", "equals", "GOLD"));
        JsonObject bronzeOnes = and(everyone, rule("status", "equals", "BRONZE"));

        assertChange(change(id, goldOnes, "add"), 2, 2);
        assertChange(change(id, goldOnes, "add"), 0, 2);
        assertChange(change(id, everyone, null), 4, 6);

        Reply first = api.get("lists/" + id + "/members?first=0&pageSize=4");
        assertEquals(200, first.status(), first::toString);
        assertEquals(6, first.json().getJsonNumber("total").longValue());
        assertEquals(4, first.json().getInt("pageSize"));
        Reply second = api.get("lists/" + id + "/members?first=4&pageSize=4");
        Set<Long> seen = new HashSet<>(ids(first));
        seen.addAll(ids(second));
        assertEquals(2, ids(second).size());
        assertEquals(Set.copyOf(concat(gold, bronze)), seen, "the pages hold every member once");

        assertChange(change(id, bronzeOnes, "remove"), 4, 2);
        assertChange(change(id, bronzeOnes, "replace"), 6, 4);
        assertEquals(Set.copyOf(bronze), Set.copyOf(ids(api.get("lists/" + id + "/members"))));

        Reply removed = api.delete(
                "lists/" + id + "/members",
                object().add("recipientIds", ApiClient.ids(bronze.get(0), bronze.get(1), gold.get(0), 999_999_999L))
                        .build());
        assertEquals(200, removed.status(), removed::toString);
        assertEquals(2, removed.json().getInt("removed"));
        assertEquals(2, api.get("lists/" + id).json().getInt("members"));
    }

    @Test
    void membershipRequestsAreChecked() {
        long id = newList();

        assertError(
                api.post("lists/" + id + "/members", object().add("mode", "add").build()),
                400,
                "condition.required",
                "condition");
        assertError(change(id, rule("lastName", "equals", token), "merge"), 400, "request.modeInvalid", "mode");
        Reply invalid = change(id, and(rule("lastName", "equals", token), rule("shoeSize", "equals", "42")), "add");
        assertError(invalid, 400, "condition.invalid", "condition");
        assertEquals(
                "/children/1",
                invalid.json().getJsonArray("problems").getJsonObject(0).getString("path"));
        assertError(
                api.delete("lists/" + id + "/members", object().build()), 400, "request.idsRequired", "recipientIds");
        assertError(api.get("lists/" + id + "/members?pageSize=abc"), 400, null, "pageSize");
        assertError(api.get("lists/" + id + "/members?first=-3"), 400, null, "first");
        assertEquals(0, api.get("lists/" + id).json().getInt("members"), "nothing changed");
    }

    private long newList() {
        Reply created =
                api.post("lists", object().add("name", "Members " + token).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private Reply change(long listId, JsonObject condition, String mode) {
        var body = object().add("condition", condition);
        if (mode != null) {
            body.add("mode", mode);
        }
        return api.post("lists/" + listId + "/members", body.build());
    }

    private static void assertChange(Reply reply, int changed, long members) {
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(changed, reply.json().getInt("changed"), reply::toString);
        assertEquals(members, reply.json().getJsonNumber("members").longValue(), reply::toString);
    }

    private static List<Long> ids(Reply page) {
        assertEquals(200, page.status(), page::toString);
        return page.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
