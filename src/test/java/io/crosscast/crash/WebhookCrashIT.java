package io.crosscast.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.CrashServer;
import io.crosscast.crash.support.RestClient;
import io.crosscast.it.support.StartEndWorkflow;
import io.crosscast.it.support.WebhookReceiver;
import io.crosscast.webhook.internal.Signature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A webhook event survives a kill: the crash-test server ({@link CrashServer}) gets a subscription to
 * {@code run.finished} whose receiver is down, runs a workflow Start -> End through the REST API, and once the
 * outbox shows the event's first attempt failed (connection refused), the test kills the server's JVM with
 * SIGKILL, starts the receiver, and starts the server again: the event must arrive, signed with the
 * subscription's secret, for that run, and the delivery log must say DELIVERED after the failed attempt. The
 * server's retry delays are shortened to 5 s ({@code crosscast.webhooks.retryDelays}) so the test does not wait
 * for the production backoff.
 *
 * <p>Runs when the system property {@code crash.enabled} is true, on H2 or PostgreSQL like {@link EmailCrashIT}.
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class WebhookCrashIT {

    private static final Duration DELIVERED = Duration.ofMinutes(2);

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void anEventRecordedWhileTheReceiverIsDownIsDeliveredAfterAKillAndARestart() {
        long t0 = System.nanoTime();
        CrashServer server =
                closer.add(new CrashServer(Map.of("crosscast.webhooks.retryDelays", "5,5,5,5,5,5,5,5,5,5,5,5")));
        server.start();
        RestClient admin = new RestClient(8080 + CrashServer.portOffset(), "admin", "admin");
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/crash-hook";
        String secret = "crash-secret-" + UUID.randomUUID();
        long subscription = admin.post(
                        "webhooks",
                        Json.createObjectBuilder()
                                .add("url", url)
                                .add("events", Json.createArrayBuilder().add("run.finished"))
                                .add("secret", secret)
                                .build(),
                        201)
                .getJsonNumber("id")
                .longValue();

        long run = finishedRun(server, admin);
        assertTrue(
                server.waitFor(Duration.ofSeconds(60), () -> attempts(admin, subscription) >= 1),
                "a first attempt fails while the receiver is down: " + log(admin, subscription));
        JsonObject before = log(admin, subscription).getJsonObject(0);
        assertEquals("PENDING", before.getString("status"), "not delivered yet: " + before);
        long pid = server.kill();
        System.out.printf(
                "CRASH webhook (%s): run %d finished, event %d pending after %d failed attempt(s); killed JVM %d%n",
                server.db(), run, before.getJsonNumber("id").longValue(), before.getInt("attempts"), pid);

        try (WebhookReceiver receiver = WebhookReceiver.start(port, n -> 200)) {
            assertTrue(receiver.received().isEmpty());
            server.start();
            Instant ready = Instant.now();
            assertTrue(
                    server.waitFor(DELIVERED, () -> !receiver.received().isEmpty()),
                    "the event arrives within " + DELIVERED + " of the restart");
            System.out.printf(
                    "CRASH webhook (%s): delivered %.1f s after the restart; whole test %.1f s%n",
                    server.db(),
                    Duration.between(ready, Instant.now()).toMillis() / 1e3,
                    (System.nanoTime() - t0) / 1e9);
            WebhookReceiver.Received got = receiver.received().get(0);
            assertTrue(Signature.verifies(secret, got.header("Crosscast-Signature"), got.body()), "signed");
            JsonObject event = Json.createReader(new StringReader(got.body())).readObject();
            assertEquals("run.finished", event.getString("type"));
            assertEquals(run, event.getJsonObject("data").getJsonNumber("runId").longValue());
            assertEquals(before.getJsonNumber("id").toString(), got.header("Crosscast-Delivery-Id"));

            assertTrue(
                    server.waitFor(
                            Duration.ofSeconds(30),
                            () -> "DELIVERED"
                                    .equals(log(admin, subscription)
                                            .getJsonObject(0)
                                            .getString("status"))),
                    "the log says DELIVERED: " + log(admin, subscription));
            JsonArray log = log(admin, subscription);
            assertEquals(1, log.size(), "one event: " + log);
            JsonArray tries = log.getJsonObject(0).getJsonArray("tries");
            assertFalse(tries.getJsonObject(0).containsKey("httpStatus"), "the first attempt got no answer: " + tries);
            assertEquals(200, tries.getJsonObject(tries.size() - 1).getInt("httpStatus"), "the last one a 200");
            assertEquals(1, receiver.received().size(), "delivered once: " + receiver.received());
        }
    }

    private static long finishedRun(CrashServer server, RestClient admin) {
        JsonObject workflow = StartEndWorkflow.named("Webhook crash test " + UUID.randomUUID());
        long id = admin.post("workflows", workflow, 201).getJsonNumber("id").longValue();
        long run = admin.post(
                        "workflows/" + id + "/runs", Json.createObjectBuilder().build(), 201)
                .getJsonNumber("runId")
                .longValue();
        assertTrue(
                server.waitFor(
                        Duration.ofSeconds(60),
                        () -> "FINISHED".equals(admin.get("runs/" + run).getString("status"))),
                "the run finishes");
        return run;
    }

    private static JsonArray log(RestClient admin, long subscription) {
        return admin.get("webhooks/" + subscription + "/deliveries").getJsonArray("items");
    }

    private static int attempts(RestClient admin, long subscription) {
        List<JsonObject> items = log(admin, subscription).getValuesAs(JsonObject.class);
        return items.isEmpty() ? 0 : items.get(0).getInt("attempts");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
