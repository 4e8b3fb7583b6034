package io.crosscast.crash.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the crash tests and the external benchmarks do through the REST API of a server they started: import
 * recipients through the CSV import, create an email delivery, send it to those recipients, and wait for its
 * status.
 */
public final class DeliveryApi {

    /**
     * The default email: personalised subject and body, one tracked link (the engine rewrites it to its click
     * endpoint).
     */
    public static final String TRACKED_HTML = "<p>Dear {{firstName}} {{lastName}},</p>"
            + "<p><a href=\"https://shop.example.com/offer\" data-label=\"offer\">See the offer</a></p>";

    private final RestClient api;

    public DeliveryApi(RestClient api) {
        this.api = api;
    }

    /**
     * Recipients made for one run: {@code r<i>.<token>@<domain>}, first name {@code R<i>}, all with the last name
     * {@code token}, unique to the run (a PostgreSQL database may keep earlier runs' recipients), by which a
     * delivery targets exactly them.
     */
    public record Audience(String token, int size, String domain) {

        /** A new audience whose token starts with {@code prefix} and ends with random characters. */
        public static Audience random(String prefix, int size, String domain) {
            return new Audience(prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12), size, domain);
        }

        public String address(int i) {
            return "r" + i + "." + token.toLowerCase(Locale.ROOT) + "@" + domain;
        }

        /** All the addresses, made on demand (a million strings are never held at once by this list). */
        public List<String> addresses() {
            return new AbstractList<>() {
                @Override
                public String get(int i) {
                    return address(i);
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        /** The condition that targets exactly this audience. */
        public JsonObject condition() {
            return Json.createObjectBuilder().add("field", "lastName").add("operator", "equals")
                    .add("values", Json.createArrayBuilder().add(token)).build();
        }
    }

    /**
     * Imports the audience with {@code POST imports}, at most {@code chunk} rows a request; returns how many
     * recipients were created in all.
     */
    public long importRecipients(Audience audience, int chunk) {
        long created = 0;
        for (int first = 0; first < audience.size(); first += chunk) {
            int end = Math.min(audience.size(), first + chunk);
            StringBuilder csv = new StringBuilder(64 * (end - first) + 32).append("email,first name,last name\n");
            for (int i = first; i < end; i++) {
                csv.append(audience.address(i)).append(",R").append(i).append(',').append(audience.token()).append('\n');
            }
            JsonObject report = api.postCsv("imports", csv.toString());
            if (report.getInt("created") != end - first) {
                throw new AssertionError("recipients " + first + " to " + end + " imported: " + report);
            }
            created += report.getInt("created");
        }
        return created;
    }

    /** Creates an email delivery (subject and body may hold {@code {{firstName}}}...); returns its id. */
    public long createEmail(String label, String senderName, String senderAddress, String subject, String htmlBody) {
        JsonObject delivery = api.post("deliveries", Json.createObjectBuilder()
                .add("label", label).add("senderName", senderName)
                .add("senderAddress", senderAddress).add("subject", subject)
                .add("htmlBody", htmlBody).build(), 201);
        return delivery.getJsonNumber("id").longValue();
    }

    /** Sends the delivery to the audience; answers the targeting figures (targeted, excluded). */
    public JsonObject send(long deliveryId, Audience audience) {
        return api.post("deliveries/" + deliveryId + "/send",
                Json.createObjectBuilder().add("condition", audience.condition()).build(), 202);
    }

    public String status(long deliveryId) {
        return api.get("deliveries/" + deliveryId).getString("status");
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
}
