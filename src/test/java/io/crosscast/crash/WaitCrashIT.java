package io.crosscast.crash;

import static io.crosscast.crash.support.RunJson.count;
import static io.crosscast.crash.support.RunJson.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.Arrivals;
import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.CrashServer;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.SinkProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workflow run waiting in a Wait survives a kill: the crash-test server ({@link CrashServer}) runs the workflow
 * Query (200 recipients) -> Wait (until about 40 s after the start) -> Email delivery (outbound) -> End, through
 * the REST API. Once the run is in the Wait the test kills the server's JVM with SIGKILL, keeps it down until
 * after the wake-up time, and starts it again: the overdue wake-up (a Quartz trigger in the database) must fire,
 * and the run must finish: the Wait and the delivery done, every transition carrying the 200 recipients, the
 * delivery SENT, and the SMTP sink (another process) holding exactly one message per recipient, none sent before
 * the wake-up.
 *
 * <p>Runs when the system property {@code crash.enabled} is true, on H2 or PostgreSQL like {@link EmailCrashIT}.
 * Settings: {@code crash.wait.recipients} (200), {@code crash.wait.seconds} (40: the wake-up, after the run's
 * start), {@code crash.wait.lateBy} (5: seconds the server stays down past the wake-up; above Quartz's misfire
 * threshold, 60, the restart takes the trigger's misfire path, "fire now"), {@code crash.smtp.port}.
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class WaitCrashIT {

    private static final Duration RESUMING = Duration.ofMinutes(3);

    private final int recipients = Integer.getInteger("crash.wait.recipients", 200);
    private final int waitSeconds = Integer.getInteger("crash.wait.seconds", 40);
    private final int lateBy = Integer.getInteger("crash.wait.lateBy", 5);
    private final int smtpPort = Integer.getInteger("crash.smtp.port", 2525 + CrashServer.portOffset());

    @RegisterExtension
    final Closer closer = new Closer();

    private CrashServer server;

    @Test
    void aRunKilledInItsWaitWakesUpAfterTheRestartAndFinishes() {
        long t0 = System.nanoTime();
        server = closer.add(new CrashServer(
                Map.of("crosscast.smtp.host", "127.0.0.1", "crosscast.smtp.port", Integer.toString(smtpPort))));
        String db = server.db();
        SinkProcess sink = server.startWithSmtpSink(smtpPort, 0);

        DeliveryApi deliveries = server.deliveries();
        Audience audience = Audience.random("Crash", recipients, "crash.example.com");
        deliveries.importRecipients(audience);
        long delivery = deliveries.createEmail(
                "Wait crash test " + audience.token(),
                "Crosscast Crash",
                "crash@example.com",
                "Hello {{firstName}}",
                "<p>Dear {{firstName}}, you waited.</p>");
        Instant wakeUp = Instant.now().plusSeconds(waitSeconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long workflow = server.api()
                .post("workflows", workflow(audience, wakeUp, delivery), 201)
                .getJsonNumber("id")
                .longValue();
        long run = server.api()
                .post(
                        "workflows/" + workflow + "/runs",
                        Json.createObjectBuilder().build(),
                        201)
                .getJsonNumber("runId")
                .longValue();
        System.out.printf(
                "CRASH wait (%s): run %d of workflow %d waits until %s, %d recipients%n",
                db, run, workflow, wakeUp, recipients);

        // In the Wait: kill the server now, well before the wake-up.
        assertTrue(
                server.waitFor(Duration.ofSeconds(waitSeconds / 2), () -> "WAITING".equals(phase(run(run), "wait"))),
                "the run reaches its Wait: " + run(run));
        JsonObject waiting = run(run);
        assertEquals(recipients, count(waiting, "query.out>wait"), "recipients into the Wait: " + waiting);
        assertEquals(
                wakeUp,
                Instant.parse(waiting.getJsonObject("activities")
                        .getJsonObject("wait")
                        .getString("wakeUp")),
                "the Wait's wake-up: " + waiting);
        long pid = server.kill();
        Instant killedAt = Instant.now();
        assertTrue(killedAt.isBefore(wakeUp), "killed before the wake-up (" + killedAt + ")");
        System.out.printf(
                "CRASH wait (%s): killed JVM %d with SIGKILL at %s, %.1f s before the wake-up%n",
                db, pid, killedAt, Duration.between(killedAt, wakeUp).toMillis() / 1e3);

        // Down until past the wake-up.
        Instant restartAt = wakeUp.plusSeconds(lateBy);
        while (Instant.now().isBefore(restartAt)) {
            sleep(Duration.between(Instant.now(), restartAt));
        }
        assertEquals(0, sink.count(), "nothing was sent while the server was down");
        server.start();
        Instant ready = Instant.now();
        boolean finished = server.waitFor(RESUMING, () -> "FINISHED".equals(run(run).getString("status")));
        Instant over = Instant.now();
        JsonObject done = run(run);
        System.out.printf(
                "CRASH wait (%s): restarted %.1f s after the wake-up (ready at +%.1f s), run %s at +%.1f s;"
                        + " sink: %d messages; whole test %.1f s%n",
                db,
                Duration.between(wakeUp, restartAt).toMillis() / 1e3,
                Duration.between(wakeUp, ready).toMillis() / 1e3,
                done.getString("status"),
                Duration.between(wakeUp, over).toMillis() / 1e3,
                sink.count(),
                (System.nanoTime() - t0) / 1e9);
        assertTrue(finished, "the run finishes within " + RESUMING + " of the restart: " + done);

        assertEquals("DONE", phase(done, "wait"), "the Wait: " + done);
        assertEquals("DONE", phase(done, "mail"), "the delivery activity: " + done);
        assertEquals("DONE", phase(done, "end"), "the End: " + done);
        assertEquals(recipients, count(done, "wait.out>mail"), "recipients out of the Wait: " + done);
        assertEquals(recipients, count(done, "mail.out>end"), "recipients out of the delivery: " + done);
        assertEquals("SENT", deliveries.status(delivery), "the delivery");
        deliveries.assertAllSent(delivery, recipients);
        Arrivals arrivals = new Arrivals(
                audience.emails(),
                sink.received().stream()
                        .map(entry -> Map.entry(entry[0], entry.length > 1 ? entry[1] : ""))
                        .toList());
        arrivals.assertEveryoneAndDuplicatesAtMost(0);
        Instant started = Instant.parse(deliveries.get(delivery).getString("startedAt"));
        assertTrue(
                !started.isBefore(wakeUp), "the delivery started at " + started + ", not before the wake-up " + wakeUp);
    }

    /** Query (this run's recipients) -> Wait (until {@code wakeUp}) -> Email delivery (outbound) -> End (ClusterCrashIT too). */
    static JsonObject workflow(Audience audience, Instant wakeUp, long deliveryId) {
        return Json.createObjectBuilder()
                .add("name", "Wait crash test " + audience.token())
                .add(
                        "activities",
                        Json.createArrayBuilder()
                                .add(activity("start", "start", null))
                                .add(activity(
                                        "query",
                                        "query",
                                        Json.createObjectBuilder().add("condition", audience.condition())))
                                .add(activity(
                                        "wait",
                                        "wait",
                                        Json.createObjectBuilder().add("until", wakeUp.toString())))
                                .add(activity(
                                        "mail",
                                        "emailDelivery",
                                        Json.createObjectBuilder()
                                                .add("delivery", Long.toString(deliveryId))
                                                .add("outbound", "true")))
                                .add(activity("end", "end", null)))
                .add(
                        "transitions",
                        Json.createArrayBuilder()
                                .add(transition("start", "query"))
                                .add(transition("query", "wait"))
                                .add(transition("wait", "mail"))
                                .add(transition("mail", "end")))
                .build();
    }

    private static JsonObject activity(String id, String type, jakarta.json.JsonObjectBuilder config) {
        var activity = Json.createObjectBuilder().add("id", id).add("type", type);
        if (config != null) {
            activity.add("config", config);
        }
        return activity.build();
    }

    private static JsonObject transition(String from, String to) {
        return Json.createObjectBuilder().add("from", from).add("to", to).build();
    }

    private JsonObject run(long run) {
        return server.api().get("runs/" + run);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
