package io.crosscast.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient.Reply;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bounce loop through the REST API: a delivery to a normal address and to the sandbox's test addresses (two
 * that bounce hard, one whose mailbox is full), the sandbox bounces them into its POP3 bounce mailbox after
 * accepting them, the server reads it (every second on the test server): the hard bounces' ledger rows are FAILED
 * with the bounce's reason, their addresses quarantined (threshold 1) and announced by the {@code
 * recipient.bounced} webhook; the soft bounce is counted, the row stays sent, and the address is quarantined only at
 * its third soft bounce (threshold 3). The figures and the "failed" behaviour filter count the bounces.
 */
class BounceLoopIT extends ApiTestCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private WebhookReceiver receiver;
    private Long subscription;

    BounceLoopIT() {
        super("B");
    }

    @AfterEach
    void tearDown() {
        ApiClient admin = ApiClient.as(base, "admin", "admin");
        if (subscription != null) {
            admin.delete("webhooks/" + subscription);
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void bouncesFailTheirRowsQuarantineAndCount() {
        receiver = WebhookReceiver.start(n -> 200);
        Reply hook = ApiClient.as(base, "admin", "admin")
                .post(
                        "webhooks",
                        Json.createObjectBuilder()
                                .add("url", receiver.url("/hooks/bounces"))
                                .add("events", Json.createArrayBuilder().add("recipient.bounced"))
                                .add("description", "BounceLoopIT")
                                .build());
        assertEquals(201, hook.status(), hook.toString());
        subscription = hook.json().getJsonNumber("id").longValue();

        String domain = token.toLowerCase() + ".example.org";
        long ok = recipient("Ok", "ok@" + domain);
        long unknown = recipient("Unknown", "user-unknown@" + domain);
        long gone = recipient("Gone", token.toLowerCase() + "@bounce.crosscast.test");
        long full = recipient("Full", "full@" + domain);

        long first = sendTo(ApiClient.rule("lastName", "equals", token));
        assertTrue(
                Polling.eventually(PATIENCE, () -> {
                    JsonObject s = stats(first);
                    return s.getInt("hardBounces") == 2 && s.getInt("softBounces") == 1;
                }),
                "the bounces are read: " + stats(first));
        JsonObject stats = stats(first);
        assertEquals(4, stats.getInt("targeted"));
        assertEquals(0, stats.getInt("pending"));
        assertEquals(2, stats.getInt("sent"), "the normal address and the full mailbox: " + stats);
        assertEquals(2, stats.getInt("failed"), "the hard bounces: " + stats);

        Map<Long, JsonObject> ledger = ledger(first);
        for (long bounced : List.of(unknown, gone)) {
            JsonObject row = ledger.get(bounced);
            assertEquals("FAILED", row.getString("status"), row.toString());
            assertTrue(row.getString("reason").startsWith("Bounced: "), row.toString());
            assertTrue(row.getString("reason").contains("5.1.1"), row.toString());
            assertTrue(row.getString("reason").contains("User unknown"), row.toString());
            assertTrue(quarantined(bounced), "hard bounce, threshold 1: quarantined");
        }
        assertEquals("SENT", ledger.get(ok).getString("status"));
        assertEquals("SENT", ledger.get(full).getString("status"), "a soft bounce leaves the message sent");
        assertFalse(quarantined(ok));
        assertFalse(quarantined(full), "one soft bounce of three");

        Reply failed = api.post(
                "recipients/count",
                ApiClient.withCondition(ApiClient.and(
                        ApiClient.rule("lastName", "equals", token),
                        ApiClient.rule("delivery", "failed", Long.toString(first)))));
        assertEquals(200, failed.status(), failed.toString());
        assertEquals(2, failed.json().getInt("count"), "the failed filter counts the hard bounces");

        assertTrue(
                Polling.eventually(PATIENCE, () -> bouncedIn(first).size() == 2),
                "the webhook announces the quarantines: " + receiver.received());
        assertEquals(Set.of(unknown, gone), bouncedIn(first));

        // the second and third soft bounces of the full mailbox quarantine it (threshold 3 within 30 days)
        for (int n = 2; n <= 3; n++) {
            long again = sendTo(ApiClient.rule("email", "equals", "full@" + domain));
            assertTrue(
                    Polling.eventually(PATIENCE, () -> stats(again).getInt("softBounces") == 1),
                    "soft bounce " + n + " read: " + stats(again));
            assertEquals(n == 3, quarantined(full), "after soft bounce " + n);
        }
        assertEquals(2, stats(first).getInt("hardBounces"), "each bounce counted once");
        Reply recipient = api.get("recipients/" + full);
        assertTrue(recipient.json().getBoolean("emailQuarantined"), recipient.toString());
    }

    private long recipient(String firstName, String email) {
        Reply created = api.post(
                "recipients",
                Json.createObjectBuilder()
                        .add("firstName", firstName)
                        .add("lastName", token)
                        .add("email", email)
                        .build());
        assertEquals(201, created.status(), created.toString());
        return created.json().getJsonNumber("id").longValue();
    }

    private long sendTo(JsonObject condition) {
        Reply created = api.post(
                "deliveries",
                Json.createObjectBuilder()
                        .add("label", "Bounces " + token)
                        .add("channel", "EMAIL")
                        .add("senderName", "Crosscast Shop")
                        .add("senderAddress", "shop@example.com")
                        .add("subject", "Hello {{firstName}}")
                        .add("htmlBody", "<p>Dear {{firstName}}, our offer.</p>")
                        .build());
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        Reply sent = api.post("deliveries/" + id + "/send", ApiClient.withCondition(condition));
        assertEquals(202, sent.status(), sent.toString());
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> "SENT".equals(api.get("deliveries/" + id).json().getString("status"))),
                "the delivery finishes");
        return id;
    }

    private JsonObject stats(long delivery) {
        return api.get("deliveries/" + delivery + "/stats").json();
    }

    private Map<Long, JsonObject> ledger(long delivery) {
        Map<Long, JsonObject> rows = new HashMap<>();
        for (JsonValue item :
                api.get("deliveries/" + delivery + "/ledger?pageSize=50").json().getJsonArray("items")) {
            JsonObject row = item.asJsonObject();
            rows.put(row.getJsonNumber("recipientId").longValue(), row);
        }
        return rows;
    }

    private boolean quarantined(long recipient) {
        return api.get("recipients/" + recipient).json().getBoolean("emailQuarantined");
    }

    /** The recipients the webhook's recipient.bounced events named for this delivery. */
    private Set<Long> bouncedIn(long delivery) {
        Set<Long> ids = new HashSet<>();
        for (WebhookReceiver.Received r : receiver.received()) {
            JsonObject data =
                    Json.createReader(new StringReader(r.body())).readObject().getJsonObject("data");
            if (data.getJsonNumber("deliveryId").longValue() == delivery) {
                for (JsonValue one : data.getJsonArray("recipients")) {
                    ids.add(one.asJsonObject().getJsonNumber("recipientId").longValue());
                }
            }
        }
        return ids;
    }
}
