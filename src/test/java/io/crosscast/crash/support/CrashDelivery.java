package io.crosscast.crash.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** A delivery of a crash test, through the REST API: created, sent to an audience, its figures and ledger. */
public record CrashDelivery(RestClient api, long id) {

    /** Creates a draft from its content fields ({@code POST /api/deliveries}). */
    public static CrashDelivery create(RestClient api, JsonObject content) {
        return new CrashDelivery(api, api.post("deliveries", content, 201).getJsonNumber("id").longValue());
    }

    /** Sends it to exactly {@code audience} (all targeted, none excluded). */
    public void sendTo(CrashAudience audience) {
        JsonObject targeted = api.post("deliveries/" + id + "/send",
                Json.createObjectBuilder().add("condition", audience.condition()).build(), 202);
        assertEquals(audience.size(), targeted.getJsonNumber("targeted").longValue(), "targeted: " + targeted);
        assertEquals(0, targeted.getJsonNumber("excluded").longValue(), "excluded: " + targeted);
    }

    public JsonObject get() {
        return api.get("deliveries/" + id);
    }

    /** DRAFT, SENDING, SENT or CANCELLED. */
    public String status() {
        return get().getString("status");
    }

    /**
     * Checks that the ledger says SENT for {@code recipients} rows, and nothing pending or failed; returns each
     * row's address with the message id it recorded.
     */
    public Map<String, String> assertAllSent(int recipients) {
        JsonObject stats = api.get("deliveries/" + id + "/stats");
        assertEquals(recipients, stats.getJsonNumber("sent").longValue(), "ledger: " + stats);
        assertEquals(0, stats.getJsonNumber("pending").longValue(), "ledger: " + stats);
        assertEquals(0, stats.getJsonNumber("failed").longValue(), "ledger: " + stats);
        Map<String, String> messageIds = new LinkedHashMap<>();
        for (int first = 0; first < recipients; first += 500) {
            for (JsonValue item : api.get("deliveries/" + id + "/ledger?first=" + first + "&pageSize=500")
                    .getJsonArray("items")) {
                JsonObject row = item.asJsonObject();
                assertEquals("SENT", row.getString("status"), "ledger row " + row);
                messageIds.put(row.getString("address"), row.isNull("messageId") ? null : row.getString("messageId"));
            }
        }
        assertEquals(recipients, messageIds.size(), "ledger rows");
        return messageIds;
    }
}
