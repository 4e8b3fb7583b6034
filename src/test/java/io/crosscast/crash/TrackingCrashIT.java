package io.crosscast.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.CrashServer;
import io.crosscast.crash.support.JavaProcess;
import io.crosscast.crash.support.OutageDatabase;
import io.crosscast.crash.support.TrackedDelivery;
import io.crosscast.crash.support.TrackedDelivery.Database;
import io.crosscast.crash.support.TrackedDelivery.Hit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answered tracking hits survive a kill and a database outage (issue 13), on a real WildFly process
 * ({@link CrashServer}). The test makes a delivery with three links, reads the server's tracking secret from the
 * database and issues open and click tokens for {@code crash.tracking.recipients} (500) recipients, as the server
 * would put them in emails.
 *
 * <ul>
 *   <li>{@link #everyHitAnsweredBeforeAKillIsInTheLog}: {@code crash.tracking.clients} (8) client threads send
 *       opens and clicks as fast as the server answers; once {@code crash.tracking.killAfter} (3,000) were answered
 *       the server's JVM gets SIGKILL in the middle of the burst. After the restart every hit answered with 200
 *       (open) or 302 (click) is in {@code tracking_log}, counted per token, and at most one more per client (its
 *       request in flight, committed but never answered). On H2 the database is the server's embedded file
 *       database (opened with {@code AUTO_SERVER=TRUE} so that the test can read it), so it dies with the JVM too.
 *   <li>{@link #hitsAnsweredWhileTheDatabaseIsDownAreInTheLogOnceItIsBack}: the server's database is reached
 *       through a process of the test's own (as in {@link DatabaseOutageCrashIT}); while it is stopped, opens and
 *       clicks are still answered (redirects from the cached links), and they are all in the log, exactly once,
 *       after it is back: first with the server running (replayed within seconds), then again with the server
 *       killed during the outage and started once the database is back (replayed at startup).
 * </ul>
 *
 * <p>Runs when the system property {@code crash.enabled} is true, on H2 or PostgreSQL like {@link EmailCrashIT}.
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class TrackingCrashIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final int recipients = Integer.getInteger("crash.tracking.recipients", 500);
    private final int clients = Integer.getInteger("crash.tracking.clients", 8);
    private final int killAfter = Integer.getInteger("crash.tracking.killAfter", 3000);
    private final String db = System.getProperty("crash.db", "h2");
    private final int offset = CrashServer.portOffset();
    private final OutageDatabase outage = new OutageDatabase();
    private final Path serverDir = Path.of(System.getProperty("crash.server.dir", "target/crash-server"))
            .toAbsolutePath();

    @RegisterExtension
    final Closer closer = new Closer();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void everyHitAnsweredBeforeAKillIsInTheLog() throws Exception {
        String h2Url = "jdbc:h2:" + serverDir.resolve("data/crosscast/crosscast") + ";AUTO_SERVER=TRUE";
        Map<String, String> properties =
                "h2".equals(db) ? Map.of("crosscast.db.url", h2Url + ";WRITE_DELAY=0") : Map.of();
        CrashServer server = closer.add(new CrashServer(properties));
        server.start();
        Database database = "h2".equals(db) ? new Database(h2Url, "sa", "sa") : postgresql();
        TrackedDelivery tokens = TrackedDelivery.create(server.deliveries(), database, recipients);

        Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
        AtomicLong total = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        for (int i = client; !stop.get(); i += clients) {
                            Hit hit = tokens.hit(i);
                            int status;
                            try {
                                status = get(server, hit.path());
                            } catch (IOException e) {
                                return; // the server is gone: this request was never answered
                            }
                            if (status == hit.expected()) {
                                answered.computeIfAbsent(hit.key(), k -> new AtomicInteger())
                                        .incrementAndGet();
                                total.incrementAndGet();
                            } else {
                                throw new AssertionError(hit + " answered " + status);
                            }
                        }
                    },
                    "tracking-client-" + c);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        assertTrue(
                server.waitFor(PATIENCE, () -> total.get() >= killAfter),
                "the burst reaches " + killAfter + " answered hits: " + total.get());
        long pid = server.kill();
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        long answeredTotal = total.get();
        System.out.printf(
                "CRASH tracking (%s): killed JVM %d with SIGKILL after %,d answered hits in %.1f s (%,.0f/s) from %d"
                        + " clients%n",
                db, pid, answeredTotal, seconds, answeredTotal / seconds, clients);

        server.start();
        Map<String, Long> logged = database.counts(tokens.id());
        long loggedTotal = logged.values().stream().mapToLong(Long::longValue).sum();
        int lost = 0;
        for (Map.Entry<String, AtomicInteger> entry : answered.entrySet()) {
            long in = logged.getOrDefault(entry.getKey(), 0L);
            if (in < entry.getValue().get()) {
                lost += entry.getValue().get() - in;
                System.out.println(
                        "CRASH tracking: LOST " + entry.getKey() + ": answered " + entry.getValue() + ", logged " + in);
            }
        }
        System.out.printf(
                "CRASH tracking (%s): %,d answered, %,d in tracking_log after the restart, %d lost%n",
                db, answeredTotal, loggedTotal, lost);
        assertEquals(0, lost, "answered hits missing from tracking_log");
        assertTrue(
                loggedTotal <= answeredTotal + clients,
                "at most one unanswered hit per client is logged: " + loggedTotal + " for " + answeredTotal);
    }

    @Test
    void hitsAnsweredWhileTheDatabaseIsDownAreInTheLogOnceItIsBack() throws Exception {
        Path dir = serverDir.resolveSibling("tracking-outage-database");
        JavaProcess databaseProcess = outage.startEmpty(dir);
        try (CrashServer server = new CrashServer(outage.serverProperties())) {
            server.peer("database", databaseProcess, () -> true);
            server.start();
            Database database = "h2".equals(db)
                    ? new Database("jdbc:h2:tcp://127.0.0.1:" + outage.port() + "/crosscast", "sa", "sa")
                    : postgresql();
            TrackedDelivery tokens = TrackedDelivery.create(server.deliveries(), database, recipients);
            Map<String, Integer> expected = new TreeMap<>();
            // The links are read (and cached) while the database is up.
            for (int i = 0; i < 3; i++) {
                send(server, tokens.hit(2 * i + 1), expected);
            }
            Path journal = server.baseDir().resolve("data/crosscast/tracking-journal");

            // 1. An outage with the server running: replayed once the database is back.
            databaseProcess.close();
            System.out.println("CRASH tracking outage: database process stopped");
            for (int i = 0; i < 300; i++) {
                send(server, tokens.hit(i), expected);
            }
            assertTrue(journalFiles(journal) > 0, "the hits are in the journal");
            databaseProcess = outage.start(dir);
            server.peer("database again", databaseProcess, () -> true);
            Map<String, Integer> first = new TreeMap<>(expected);
            assertTrue(
                    server.waitFor(PATIENCE, () -> first.equals(database.countsQuietly(tokens.id()))),
                    "every hit answered during the outage is in the log: expected " + sum(first) + ", logged "
                            + sum(database.countsQuietly(tokens.id())));
            assertTrue(server.waitFor(PATIENCE, () -> journalFiles(journal) == 0), "the journal is emptied");
            System.out.printf(
                    "CRASH tracking outage (%s): %d hits answered while the database was down, all in the log once"
                            + " it was back%n",
                    db, sum(first));

            // 2. An outage during which the server is killed: replayed when it starts again.
            databaseProcess.close();
            for (int i = 300; i < 600; i++) {
                send(server, tokens.hit(i), expected);
            }
            assertTrue(journalFiles(journal) > 0, "the hits are in the journal");
            long pid = server.kill();
            databaseProcess = outage.start(dir);
            server.peer("database once more", databaseProcess, () -> true);
            server.start();
            Map<String, Integer> second = new TreeMap<>(expected);
            assertTrue(
                    server.waitFor(PATIENCE, () -> second.equals(database.countsQuietly(tokens.id()))),
                    "every hit answered before the kill is in the log: expected " + sum(second) + ", logged "
                            + sum(database.countsQuietly(tokens.id())));
            System.out.printf(
                    "CRASH tracking outage (%s): killed JVM %d during a second outage; after the restart %d hits"
                            + " in the log, each once%n",
                    db, pid, sum(second));
        } finally {
            databaseProcess.close();
        }
    }

    private void send(CrashServer server, Hit hit, Map<String, Integer> expected) throws IOException {
        int status = get(server, hit.path());
        assertEquals(hit.expected(), status, hit + " answered");
        expected.merge(hit.key(), 1, Integer::sum);
    }

    private static long sum(Map<String, ? extends Number> counts) {
        return counts.values().stream().mapToLong(Number::longValue).sum();
    }

    private static long journalFiles(Path journal) {
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(p -> p.toString().endsWith(".journal")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private int get(CrashServer server, String path) throws IOException {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + offset) + path))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Database postgresql() {
        return new Database(
                System.getProperty("crash.db.url", "jdbc:postgresql://localhost:5432/crosscast_crash"),
                System.getProperty("crash.db.user", "crosscast"),
                System.getProperty("crash.db.password", "crosscast"));
    }
}
