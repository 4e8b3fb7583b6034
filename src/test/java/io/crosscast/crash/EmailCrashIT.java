package io.crosscast.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.DeliveryApi.Audience;
import io.crosscast.crash.support.RestClient;
import io.crosscast.crash.support.SinkProcess;
import io.crosscast.crash.support.WildFlyProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Crash safety of email sending, for real: the WildFly that the build unpacks runs as a process
 * (configuration {@code standalone-crosscast-crash.xml}, no sandbox) and sends a delivery of 20,000 emails to an
 * SMTP sink running as another process. The sink holds its answer to one message picked at random between 20%
 * and 60% of the send (recorded, never acknowledged: the worst moment, the server has the message but the sender
 * does not know it), and the test kills the server's JVM with SIGKILL right then. The server starts again, the
 * delivery resumes from its ledger, and the sink's records must show: every recipient got a message, the only
 * ones with two are within the stated in-flight bound (one SMTP connection, one unacknowledged message: 1, see
 * docs/DECISIONS.md), a duplicate carries the same Message-ID both times, the held message was sent again, and
 * the ledger says SENT for everyone with the Message-ID the sink saw.
 *
 * <p>Runs when the system property {@code crash.enabled} is true (the build sets it from {@code -Dcrash}, true
 * unless {@code -Dcrash=false}), on H2 (the development file database) or PostgreSQL ({@code -Ddb=postgresql}). Settings: {@code crash.recipients} (20,000), {@code crash.holdAt}
 * (message number to kill at; random by default), {@code crash.seed}, {@code crash.port.offset} (600),
 * {@code crash.smtp.port}, {@code crash.h2.options} (appended to the H2 file database's URL).
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class EmailCrashIT {

    /**
     * Messages that may arrive twice after a crash: the sender uses one SMTP connection and marks each message
     * SENT, in its own statement, right after the server accepted it, so only the message in flight can be sent
     * again.
     */
    static final int IN_FLIGHT_BOUND = 1;

    private static final Duration SENDING = Duration.ofMinutes(15);

    private final int recipients = Integer.getInteger("crash.recipients", 20_000);
    private final String db = System.getProperty("crash.db", "h2");
    private final int portOffset = Integer.getInteger("crash.port.offset", 600);
    private final int smtpPort = Integer.getInteger("crash.smtp.port", 2525 + portOffset);
    private final Path serverDir = Path.of(System.getProperty("crash.server.dir", "target/crash-server"));

    private WildFlyProcess server;
    private SinkProcess sink;

    @AfterEach
    void stopEverything() {
        if (server != null) {
            server.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void aServerKilledMidSendResendsAtMostTheMessageInFlight() {
        long t0 = System.nanoTime();
        long seed = Long.getLong("crash.seed", System.nanoTime());
        long holdAt = Long.getLong("crash.holdAt", recipients / 5 + new Random(seed).nextInt(Math.max(1, recipients * 2 / 5)));
        System.out.printf("CRASH email (%s): %,d recipients, the sink holds message %,d (seed %d)%n",
                db, recipients, holdAt, seed);

        server = new WildFlyProcess(Path.of(System.getProperty("jboss.home")), serverDir,
                "standalone-crosscast-crash.xml", portOffset, serverProperties());
        server.prepareFreshBaseDir();
        sink = SinkProcess.start(smtpPort, server.baseDir().resolve("sink/received.tsv"), holdAt,
                server.baseDir().resolve("sink/sink.log"));
        server.deploy(Path.of(System.getProperty("crosscast.war", "target/crosscast.war")));
        RestClient api = new RestClient(server.httpPort(), "marketer", "marketer");
        server.start();
        server.awaitReady("crosscast.war", api::answers);

        // Recipients through the API's CSV import, all with a last name unique to this run (a PostgreSQL
        // database may keep earlier runs' recipients).
        DeliveryApi deliveries = new DeliveryApi(api);
        Audience audience = Audience.random("Crash", recipients, "crash.example.com");
        String token = audience.token();
        List<String> addresses = audience.addresses();
        deliveries.importRecipients(audience, recipients);

        long id = deliveries.createEmail("Crash test " + token, "Crosscast Crash", "crash@example.com",
                "Hello {{firstName}}", DeliveryApi.TRACKED_HTML);
        JsonObject targeted = deliveries.send(id, audience);
        assertEquals(recipients, targeted.getJsonNumber("targeted").longValue(), "targeted: " + targeted);
        assertEquals(0, targeted.getJsonNumber("excluded").longValue(), "excluded: " + targeted);
        long sendStarted = System.nanoTime();

        // The sink holds the chosen message unanswered: kill the server's JVM now.
        assertTrue(waitFor(SENDING, () -> sink.holding() || !server.isRunning()),
                "the sink got message " + holdAt + " within " + SENDING);
        assertTrue(server.isRunning(), "the server was still running when the sink held its answer");
        long pid = server.pid();
        server.kill();
        long killedAt = System.nanoTime();
        long receivedBeforeKill = sink.count();
        String heldLine = sink.held();
        assertEquals(holdAt, receivedBeforeKill, "the sink recorded every message up to the held one, no more");
        System.out.printf("CRASH email (%s): killed JVM %d with SIGKILL after %.1f s of sending, %,d messages"
                + " received (the last one unacknowledged: %s)%n", db, pid, (killedAt - sendStarted) / 1e9,
                receivedBeforeKill, heldLine);

        server.start();
        server.awaitReady("crosscast.war", api::answers);
        long restarted = System.nanoTime();
        assertTrue(waitFor(SENDING, () -> "SENT".equals(deliveries.status(id))),
                "the delivery finishes after the restart");
        long finished = System.nanoTime();

        // What arrived: per recipient, the Message-IDs of its messages.
        Map<String, List<String>> perRecipient = new HashMap<>();
        for (String[] entry : sink.received()) {
            perRecipient.computeIfAbsent(entry[0], a -> new ArrayList<>()).add(entry.length > 1 ? entry[1] : "");
        }
        List<String> missing = addresses.stream().filter(a -> !perRecipient.containsKey(a)).toList();
        Set<String> expected = Set.copyOf(addresses);
        List<String> strangers = perRecipient.keySet().stream().filter(a -> !expected.contains(a)).sorted().toList();
        Map<String, List<String>> duplicates = new TreeMap<>();
        perRecipient.forEach((address, ids) -> {
            if (ids.size() > 1) {
                duplicates.put(address, ids);
            }
        });
        long total = perRecipient.values().stream().mapToLong(List::size).sum();
        System.out.printf("CRASH email (%s): %,d recipients, killed at %,d received; after the restart %,d messages"
                + " in all, %d duplicate(s) %s, %d missing; restart to ready %.1f s, resumed send %.1f s, whole test"
                + " %.1f s%n", db, recipients, receivedBeforeKill, total, duplicates.size(), firstOf(duplicates),
                missing.size(), (restarted - killedAt) / 1e9, (finished - restarted) / 1e9,
                (System.nanoTime() - t0) / 1e9);

        assertEquals(List.of(), first(missing), missing.size() + " recipients got nothing (first ones listed)");
        assertEquals(List.of(), strangers, "messages to addresses that were not targeted");
        assertTrue(duplicates.size() <= IN_FLIGHT_BOUND,
                duplicates.size() + " recipients got two messages or more, bound " + IN_FLIGHT_BOUND + ": "
                        + firstOf(duplicates));
        duplicates.forEach((address, ids) -> {
            assertEquals(2, ids.size(), address + " got " + ids.size() + " messages");
            assertEquals(1, Set.copyOf(ids).size(), address + " got two different Message-IDs: " + ids);
        });
        String heldAddress = heldLine.split("\t")[0];
        assertEquals(2, perRecipient.get(heldAddress).size(),
                "the unacknowledged message (" + heldAddress + ") was sent again after the restart: the ledger"
                        + " did not call it SENT before the server accepted it");

        // The ledger: everyone SENT, with the Message-ID the sink saw.
        JsonObject stats = deliveries.stats(id);
        assertEquals(recipients, stats.getJsonNumber("sent").longValue(), "ledger: " + stats);
        assertEquals(0, stats.getJsonNumber("pending").longValue(), "ledger: " + stats);
        assertEquals(0, stats.getJsonNumber("failed").longValue(), "ledger: " + stats);
        Map<String, String> ledgerIds = new LinkedHashMap<>();
        for (int first = 0; first < recipients; first += 500) {
            for (JsonValue item : api.get("deliveries/" + id + "/ledger?first=" + first + "&pageSize=500")
                    .getJsonArray("items")) {
                JsonObject row = item.asJsonObject();
                assertEquals("SENT", row.getString("status"), "ledger row " + row);
                ledgerIds.put(row.getString("address"), row.getString("messageId"));
            }
        }
        assertEquals(recipients, ledgerIds.size(), "ledger rows");
        List<String> mismatched = addresses.stream()
                .filter(a -> !perRecipient.get(a).get(0).equals(ledgerIds.get(a))).toList();
        assertEquals(List.of(), first(mismatched), mismatched.size() + " ledger Message-IDs differ from the received ones");
        assertFalse(ledgerIds.containsValue(null), "every SENT row has its Message-ID");
    }

    /** The crash server's system properties: database, the sink as SMTP server, no sandbox. */
    private Map<String, String> serverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("crosscast.smtp.host", "127.0.0.1");
        properties.put("crosscast.smtp.port", Integer.toString(smtpPort));
        String h2Options = System.getProperty("crash.h2.options", "");
        if ("h2".equals(db) && !h2Options.isBlank()) {
            // The development server's file database (datasources-h2.cli's default URL) with more settings, e.g.
            // ";WRITE_DELAY=1000" to see that H2 then loses its latest commits to a kill.
            properties.put("crosscast.db.url", "jdbc:h2:" + serverDir.toAbsolutePath().resolve("data/crosscast/crosscast")
                    + ";DB_CLOSE_ON_EXIT=FALSE" + h2Options);
        }
        if ("postgresql".equals(db)) {
            properties.put("crosscast.db.url", System.getProperty("crash.db.url", "jdbc:postgresql://localhost:5432/crosscast_crash"));
            properties.put("crosscast.db.user", System.getProperty("crash.db.user", "crosscast"));
            properties.put("crosscast.db.password", System.getProperty("crash.db.password", "crosscast"));
        }
        return properties;
    }

    private boolean waitFor(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!sink.isAlive()) {
                throw new AssertionError("the SMTP sink died; see " + server.baseDir().resolve("sink/sink.log"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** The first few duplicates, for messages (a broken ledger could double thousands). */
    private static String firstOf(Map<String, List<String>> duplicates) {
        return duplicates.entrySet().stream().limit(5).map(String::valueOf)
                .collect(Collectors.joining(", ", "{", duplicates.size() > 5 ? ", ...}" : "}"));
    }

    private static List<String> first(List<String> values) {
        return values.stream().limit(20).collect(Collectors.toList());
    }
}
