package io.crosscast.crash;

import static io.crosscast.crash.support.RunJson.count;
import static io.crosscast.crash.support.RunJson.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.CrashServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workflow run killed in the middle of an activity finishes after the restart with the same counts (issue 18):
 * the crash-test server ({@link CrashServer}) runs Start -> Query x N (each a Query over the whole test audience,
 * 100,000 recipients: about half a second to a second each) -> End. Once a few Queries are done and the run is
 * still going, the test kills the server's JVM with SIGKILL: an activity is in flight (its transaction holds the
 * run's row; its population is half written). On the restart, Quartz recovers the advance job that was executing
 * (it requests recovery), the in-flight activity's transaction was rolled back by the database, so the activity
 * runs again from its inputs, and the run must finish with every transition carrying exactly the audience.
 *
 * <p>Runs when {@code crash.enabled} is true, on H2 or PostgreSQL like the other crash tests. Settings:
 * {@code crash.activity.recipients} (100000), {@code crash.activity.queries} (16), {@code crash.activity.killAfter}
 * (3: Queries done before the kill).
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class ActivityCrashIT {

    private static final Duration RESUMING = Duration.ofMinutes(4);

    private final int recipients = Integer.getInteger("crash.activity.recipients", 100_000);
    private final int queries = Integer.getInteger("crash.activity.queries", 16);
    private final int killAfter = Integer.getInteger("crash.activity.killAfter", 3);

    @RegisterExtension
    final Closer closer = new Closer();

    private CrashServer server;

    @Test
    void aRunKilledInTheMiddleOfAnActivityFinishesAfterTheRestartWithTheSameCounts() {
        long t0 = System.nanoTime();
        server = closer.add(new CrashServer(Map.of()));
        String db = server.db();
        server.start();
        Audience audience = Audience.random("Activity", recipients, "activity.example.com");
        server.deliveries().importRecipients(audience);
        long workflow = server.api()
                .post("workflows", workflow(audience), 201)
                .getJsonNumber("id")
                .longValue();
        long started = System.nanoTime();
        long run = server.api()
                .post(
                        "workflows/" + workflow + "/runs",
                        Json.createObjectBuilder().build(),
                        201)
                .getJsonNumber("runId")
                .longValue();

        assertTrue(
                server.waitFor(Duration.ofMinutes(2), () -> done(run(run)) >= killAfter),
                "the run gets through " + killAfter + " Queries: " + run(run));
        JsonObject before = run(run);
        int doneBefore = done(before);
        assertEquals("STARTED", before.getString("status"), "still going when killed: " + before);
        long pid = server.kill();
        System.out.printf(
                "CRASH activity (%s): run %d killed (JVM %d, SIGKILL) %.1f s after its start, %d of %d Queries done,"
                        + " the next one in flight; %d recipients%n",
                db, run, pid, (System.nanoTime() - started) / 1e9, doneBefore, queries, recipients);

        server.start();
        boolean finished = server.waitFor(RESUMING, () -> "FINISHED".equals(run(run).getString("status")));
        JsonObject after = run(run);
        System.out.printf(
                "CRASH activity (%s): after the restart the run is %s, %d Queries done; whole test %.1f s%n",
                db, after.getString("status"), done(after), (System.nanoTime() - t0) / 1e9);
        assertTrue(finished, "the run finishes after the restart: " + after);
        for (int i = 1; i <= queries; i++) {
            String next = i == queries ? "end" : "q" + (i + 1);
            assertEquals(recipients, count(after, "q" + i + ".out>" + next), "q" + i + ": " + after);
        }
        assertEquals("DONE", phase(after, "end"));
    }

    /** Start -> q1 -> ... -> qN -> End, each q a Query of the whole audience. */
    private JsonObject workflow(Audience audience) {
        JsonArrayBuilder activities = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", "start").add("type", "start"));
        JsonArrayBuilder transitions = Json.createArrayBuilder();
        String previous = "start";
        for (int i = 1; i <= queries; i++) {
            activities.add(Json.createObjectBuilder()
                    .add("id", "q" + i)
                    .add("type", "query")
                    .add("config", Json.createObjectBuilder().add("condition", audience.condition())));
            transitions.add(Json.createObjectBuilder().add("from", previous).add("to", "q" + i));
            previous = "q" + i;
        }
        activities.add(Json.createObjectBuilder().add("id", "end").add("type", "end"));
        transitions.add(Json.createObjectBuilder().add("from", previous).add("to", "end"));
        return Json.createObjectBuilder()
                .add("name", "Activity crash test " + audience.token())
                .add("activities", activities)
                .add("transitions", transitions)
                .build();
    }

    private JsonObject run(long run) {
        return server.api().get("runs/" + run);
    }

    private int done(JsonObject run) {
        int done = 0;
        for (int i = 1; i <= queries; i++) {
            if ("DONE".equals(phase(run, "q" + i))) {
                done++;
            }
        }
        return done;
    }
}
