package io.crosscast.crash.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the crash tests and the external benchmarks do through the REST API of a server they started: import an
 * {@link Audience} through the CSV import, create an email or SMS delivery, send it to that audience, wait for its
 * status, and check its figures and its ledger.
 */
public final class DeliveryApi {

    /** Rows of the CSV import a request carries at the most unless told. */
    public static final int IMPORT_CHUNK = 100_000;

    private final RestClient api;

    public DeliveryApi(RestClient api) {
        this.api = api;
    }

    /** Imports the audience with {@code POST imports}, {@value #IMPORT_CHUNK} rows a request at the most. */
    public long importRecipients(Audience audience) {
        return importRecipients(audience, IMPORT_CHUNK);
    }

    /**
     * Imports the audience with {@code POST imports}, at most {@code chunk} rows a request; fails unless every row
     * created a recipient. Returns how many were created in all.
     */
    public long importRecipients(Audience audience, int chunk) {
        long created = 0;
        for (int first = 0; first < audience.size(); first += chunk) {
            int end = Math.min(audience.size(), first + chunk);
            StringBuilder csv = new StringBuilder(80 * (end - first) + 40).append(audience.csvHeader());
            for (int i = first; i < end; i++) {
                audience.appendCsv(csv, i);
            }
            JsonObject report = api.postCsv("imports", csv.toString());
            assertEquals(
                    end - first,
                    report.getInt("created"),
                    "recipients " + first + " to " + end + " imported: " + report);
            created += report.getInt("created");
        }
        return created;
    }

    /** Creates a draft from its content fields ({@code POST deliveries}); returns its id. */
    public long create(JsonObject content) {
        return api.post("deliveries", content, 201).getJsonNumber("id").longValue();
    }

    /** Creates an email delivery (subject and body may hold {@code {{firstName}}}...); returns its id. */
    public long createEmail(String label, String senderName, String senderAddress, String subject, String htmlBody) {
        return create(Json.createObjectBuilder()
                .add("label", label)
                .add("senderName", senderName)
                .add("senderAddress", senderAddress)
                .add("subject", subject)
                .add("htmlBody", htmlBody)
                .build());
    }

    /** Creates an SMS delivery (the text may hold {@code {{firstName}}}...); returns its id. */
    public long createSms(String label, String senderName, String text) {
        return create(Json.createObjectBuilder()
                .add("label", label)
                .add("channel", "SMS")
                .add("senderName", senderName)
                .add("textBody", text)
                .build());
    }

    /** Sends the delivery to the audience; answers the targeting figures (targeted, excluded). */
    public JsonObject send(long deliveryId, Audience audience) {
        return api.post(
                "deliveries/" + deliveryId + "/send",
                Json.createObjectBuilder()
                        .add("condition", audience.condition())
                        .build(),
                202);
    }

    /** Sends the delivery to exactly the audience: fails unless all were targeted and none excluded. */
    public void sendTo(long deliveryId, Audience audience) {
        JsonObject targeted = send(deliveryId, audience);
        assertEquals(audience.size(), targeted.getJsonNumber("targeted").longValue(), "targeted: " + targeted);
        assertEquals(0, targeted.getJsonNumber("excluded").longValue(), "excluded: " + targeted);
    }

    public JsonObject get(long deliveryId) {
        return api.get("deliveries/" + deliveryId);
    }

    /** DRAFT, SENDING, SENT or CANCELLED. */
    public String status(long deliveryId) {
        return get(deliveryId).getString("status");
    }

    /** The delivery's figures: targeted, pending, sent, failed, excluded... */
    public JsonObject stats(long deliveryId) {
        return api.get("deliveries/" + deliveryId + "/stats");
    }

    /**
     * Polls the delivery every {@code poll} until its status is {@code status}; runs {@code check} (which
     * throws when a process the wait depends on died) between polls; false after {@code timeout}.
     */
    public boolean awaitStatus(long deliveryId, String status, Duration timeout, Duration poll, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status.equals(status(deliveryId))) {
                return true;
            }
            check.run();
            WildFlyProcess.sleep(poll);
        }
        return status.equals(status(deliveryId));
    }

    /**
     * Checks that the ledger says SENT for {@code recipients} rows, and nothing pending or failed; returns each
     * row's address (email or number) with the message id it recorded.
     */
    public Map<String, String> assertAllSent(long deliveryId, int recipients) {
        JsonObject stats = stats(deliveryId);
        assertEquals(recipients, stats.getJsonNumber("sent").longValue(), "ledger: " + stats);
        assertEquals(0, stats.getJsonNumber("pending").longValue(), "ledger: " + stats);
        assertEquals(0, stats.getJsonNumber("failed").longValue(), "ledger: " + stats);
        Map<String, String> messageIds = new LinkedHashMap<>();
        for (int first = 0; first < recipients; first += 500) {
            for (JsonValue item : api.get("deliveries/" + deliveryId + "/ledger?first=" + first + "&pageSize=500")
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
