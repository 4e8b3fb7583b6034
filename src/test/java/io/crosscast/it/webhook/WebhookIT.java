package io.crosscast.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.it.api.ApiClient;
import io.crosscast.it.api.ApiClient.Reply;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.StartEndWorkflow;
import io.crosscast.it.support.WebhookReceiver;
import io.crosscast.webhook.internal.Signature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks end to end through the REST API, with a receiver in this JVM ({@link WebhookReceiver}) that answers 500
 * to the first POST and 200 afterwards: a run that finishes is announced, retried after the first backoff delay
 * (30 s on a server left as it is; the test server's {@code crosscast.webhooks.retryDelays} in arquillian.xml makes it
 * 5 s so the suite does not wait), delivered the second time with the same body and delivery id, signed with the subscription's secret,
 * and the delivery log shows both attempts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookIT {

    private static final Duration RETRIED = Duration.ofSeconds(90);

    @ArquillianResource
    private URL base;

    private ApiClient admin;
    private WebhookReceiver receiver;
    private Long subscription;

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @BeforeEach
    void setUp() {
        admin = ApiClient.as(base, "admin", "admin");
    }

    @AfterEach
    void tearDown() {
        if (subscription != null) {
            admin.delete("webhooks/" + subscription);
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aFinishedRunIsPostedSignedAndRetriedAfterA500() {
        receiver = WebhookReceiver.start(n -> n == 1 ? 500 : 200);
        String secret = "it-secret-" + UUID.randomUUID();
        Reply created = admin.post(
                "webhooks",
                Json.createObjectBuilder()
                        .add("url", receiver.url("/hooks/crosscast"))
                        .add("events", Json.createArrayBuilder().add("run.finished"))
                        .add("description", "WebhookIT")
                        .add("secret", secret)
                        .build());
        assertEquals(201, created.status(), created.toString());
        subscription = created.json().getJsonNumber("id").longValue();
        assertEquals(secret, created.json().getString("secret"), "the secret, shown in the creation's answer");
        Reply read = admin.get("webhooks/" + subscription);
        assertTrue(read.json().isNull("secret"), "and never again: " + read);

        long run = startAnEmptyWorkflow();

        assertTrue(
                Polling.eventually(RETRIED, () -> receiver.received().size() >= 2),
                "the event arrives twice within " + RETRIED + ": " + receiver.received());
        List<WebhookReceiver.Received> got = receiver.received();
        WebhookReceiver.Received first = got.get(0);
        WebhookReceiver.Received second = got.get(1);
        assertEquals(500, first.answered());
        assertEquals(200, second.answered());
        assertEquals(2, got.size(), "nothing more after the 200: " + got);
        for (WebhookReceiver.Received r : got) {
            assertEquals("POST", r.method());
            assertEquals("/hooks/crosscast", r.path());
            assertEquals("run.finished", r.header("Crosscast-Event"));
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
            assertTrue(
                    Signature.verifies(secret, r.header("Crosscast-Signature"), r.body()),
                    "the signature verifies: " + r.header("Crosscast-Signature"));
            assertTrue(!Signature.verifies("another-secret-123", r.header("Crosscast-Signature"), r.body()));
        }
        assertEquals(first.body(), second.body(), "a retry sends the same body");
        assertEquals(first.header("Crosscast-Delivery-Id"), second.header("Crosscast-Delivery-Id"), "idempotency key");
        JsonObject event = Json.createReader(new StringReader(second.body())).readObject();
        assertEquals("run.finished", event.getString("type"));
        assertEquals(first.header("Crosscast-Event-Id"), event.getString("id"));
        assertEquals(run, event.getJsonObject("data").getJsonNumber("runId").longValue());
        assertEquals("FINISHED", event.getJsonObject("data").getString("status"));

        JsonArray log =
                admin.get("webhooks/" + subscription + "/deliveries").json().getJsonArray("items");
        assertEquals(1, log.size(), "one event in the log: " + log);
        JsonObject call = log.getJsonObject(0);
        assertEquals(
                Long.parseLong(first.header("Crosscast-Delivery-Id")),
                call.getJsonNumber("id").longValue());
        assertEquals("DELIVERED", call.getString("status"));
        assertEquals(2, call.getInt("attempts"));
        assertNotNull(call.getString("deliveredAt"));
        JsonArray tries = call.getJsonArray("tries");
        assertEquals(500, tries.getJsonObject(0).getInt("httpStatus"));
        assertEquals(200, tries.getJsonObject(1).getInt("httpStatus"));
        assertEquals(2, tries.getJsonObject(1).getInt("number"));
    }

    @Test
    void subscriptionsAreCheckedAndForAdministratorsOnly() {
        Reply badUrl = admin.post(
                "webhooks",
                Json.createObjectBuilder()
                        .add("url", "ftp://example.com/x")
                        .add("events", Json.createArrayBuilder().add("run.finished"))
                        .build());
        assertError(badUrl, 400, "webhook.urlInvalid", "url");
        Reply badEvent = admin.post(
                "webhooks",
                Json.createObjectBuilder()
                        .add("url", "https://example.com/x")
                        .add("events", Json.createArrayBuilder().add("run.started"))
                        .build());
        assertError(badEvent, 400, "webhook.unknownEvent", "events");
        assertError(admin.get("webhooks/999999999"), 404, "webhook.notFound", null);

        Reply made = admin.post(
                "webhooks",
                Json.createObjectBuilder()
                        .add("url", "https://example.com/hook")
                        .add("events", Json.createArrayBuilder().add("delivery.finished"))
                        .build());
        assertEquals(201, made.status(), made.toString());
        subscription = made.json().getJsonNumber("id").longValue();
        assertTrue(made.json().getString("secret").matches("whsec_[0-9a-f]{64}"), "a secret made by the server");
        Reply changed = admin.put(
                "webhooks/" + subscription,
                Json.createObjectBuilder()
                        .add("url", "https://example.com/other")
                        .add(
                                "events",
                                Json.createArrayBuilder().add("run.failed").add("recipient.bounced"))
                        .add("active", false)
                        .build());
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("https://example.com/other", changed.json().getString("url"));
        assertEquals(
                List.of("run.failed", "recipient.bounced"),
                strings(changed.json().getJsonArray("events")));
        assertEquals(false, changed.json().getBoolean("active"));
        assertTrue(changed.json().isNull("secret"));

        ApiClient marketer = ApiClient.as(base, "marketer", "marketer");
        assertEquals(403, marketer.get("webhooks").status());
        assertEquals(
                403,
                marketer.post(
                                "webhooks",
                                Json.createObjectBuilder()
                                        .add("url", "https://example.com/x")
                                        .add("events", Json.createArrayBuilder().add("run.finished"))
                                        .build())
                        .status());

        assertEquals(204, admin.delete("webhooks/" + subscription).status());
        assertError(admin.get("webhooks/" + subscription), 404, "webhook.notFound", null);
        subscription = null;
    }

    private long startAnEmptyWorkflow() {
        JsonObject workflow = StartEndWorkflow.named("Webhook IT " + UUID.randomUUID());
        Reply created = admin.post("workflows", workflow);
        assertEquals(201, created.status(), created.toString());
        Reply started = admin.post(
                "workflows/" + created.json().getJsonNumber("id").longValue() + "/runs",
                Json.createObjectBuilder().build());
        assertEquals(201, started.status(), started.toString());
        long run = started.json().getJsonNumber("runId").longValue();
        assertTrue(
                Polling.eventually(
                        Duration.ofSeconds(60),
                        () -> "FINISHED".equals(admin.get("runs/" + run).json().getString("status"))),
                "the run finishes");
        return run;
    }

    private static void assertError(Reply reply, int status, String code, String field) {
        assertEquals(status, reply.status(), reply::toString);
        JsonObject json = reply.json();
        assertEquals(code, json.getString("code"), reply::toString);
        if (field == null) {
            assertTrue(!json.containsKey("field") || json.isNull("field"), reply::toString);
        } else {
            assertEquals(field, json.getString("field"), reply::toString);
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }
}
