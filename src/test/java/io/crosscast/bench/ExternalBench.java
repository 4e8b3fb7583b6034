package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.RestClient;
import io.crosscast.crash.support.WildFlyProcess;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What the benchmarks against external peers ({@link ExternalSendingBenchmark}, {@link ExternalSmsBenchmark})
 * share: the unpacked WildFly as a process with the crash configuration (no sandbox) on the database the build
 * chose ({@code bench.db}), its REST API as the user {@code marketer}, the peer process it sends to, a timed
 * delivery checked against the ledger and the peer's records, the problems met, and the summary.
 */
final class ExternalBench {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final String db = System.getProperty("bench.db", "h2");
    private final Path serverDir;
    private final int portOffset;
    private final Map<String, String> serverProperties;
    private final List<String> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private WildFlyProcess server;
    private RestClient api;
    private DeliveryApi deliveries;
    private String peerName = "peer";
    private BooleanSupplier peerAlive = () -> true;
    private Path peerLog;

    /**
     * @param name        what the printed lines call the benchmark ("external sms"...)
     * @param dbUrlProperty the system property of its PostgreSQL database's URL, {@code defaultDbUrl} unless set
     * @param properties  the server's own system properties (where its peer is...), added to the database's
     */
    ExternalBench(
            String name,
            Path serverDir,
            int portOffset,
            String dbUrlProperty,
            String defaultDbUrl,
            Map<String, String> properties) {
        this.name = name;
        this.serverDir = serverDir;
        this.portOffset = portOffset;
        this.serverProperties = new LinkedHashMap<>(properties);
        if ("postgresql".equals(db)) {
            serverProperties.put("crosscast.db.url", System.getProperty(dbUrlProperty, defaultDbUrl));
            serverProperties.put("crosscast.db.user", System.getProperty("bench.db.user", "crosscast"));
            serverProperties.put("crosscast.db.password", System.getProperty("bench.db.password", "crosscast"));
        }
    }

    String db() {
        return db;
    }

    /** A server (not started) in the benchmark's directory, its JVM with {@code heapOptions}; the current one. */
    WildFlyProcess newServer(String heapOptions) {
        server = new WildFlyProcess(
                Path.of(System.getProperty("jboss.home")),
                serverDir,
                "standalone-crosscast-crash.xml",
                portOffset,
                serverProperties,
                heapOptions);
        api = new RestClient(server.httpPort(), "marketer", "marketer");
        deliveries = new DeliveryApi(api);
        return server;
    }

    /** The first server: a fresh base directory with the WAR deployed, not started. */
    WildFlyProcess newServer() {
        newServer(WildFlyProcess.DEFAULT_HEAP);
        server.prepareFreshBaseDir();
        server.deploy(Path.of(System.getProperty("crosscast.war", "target/crosscast.war")));
        return server;
    }

    WildFlyProcess server() {
        return server;
    }

    DeliveryApi deliveries() {
        return deliveries;
    }

    /** The peer process the server sends to: a run fails when it died. */
    void peer(String peerName, BooleanSupplier alive, Path log) {
        this.peerName = peerName;
        this.peerAlive = alive;
        this.peerLog = log;
    }

    /** (Re)starts the current server with {@code values} as system properties; {@code setting} names them in print. */
    void restart(String setting, Map<String, String> values) {
        server.stop();
        values.forEach(server::systemProperty);
        long t0 = System.nanoTime();
        server.start();
        server.awaitReady("crosscast.war", api::answers);
        System.out.printf(
                "BENCHMARK %s (%s): server (pid %d) ready with %s in %.1f s%n",
                name, db, server.pid(), setting, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Sends delivery {@code id} to the audience and waits for SENT, polling every {@code poll}; checks that all
     * were targeted and SENT, none failed, and that the peer received them all ({@code peerCount}
     * before and after). Returns the seconds from the send request to SENT.
     */
    double timedDelivery(
            long id, Audience audience, LongSupplier peerCount, String label, Duration timeout, Duration poll) {
        long before = peerCount.getAsLong();
        long t0 = System.nanoTime();
        JsonObject targeted = deliveries.send(id, audience);
        // First the peer's own count (a file it writes; free for the server), then the delivery's status: asked
        // every 100 ms from the start, the status (with the ledger's figures, an aggregate over all its rows) took a
        // noticeable share of the server's CPU on H2.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (peerCount.getAsLong() - before < audience.size() && System.nanoTime() < deadline) {
            checkAlive();
            LockSupport.parkNanos(20_000_000L);
        }
        boolean sent = deliveries.awaitStatus(id, "SENT", timeout, poll, this::checkAlive);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long received = peerCount.getAsLong() - before;
        JsonObject stats = deliveries.stats(id);
        if (!sent
                || targeted.getJsonNumber("targeted").longValue() != audience.size()
                || stats.getJsonNumber("sent").longValue() != audience.size()
                || stats.getJsonNumber("failed").longValue() != 0
                || received != audience.size()) {
            problem(String.format(
                    "delivery %d (%s): ended %s, targeted %s, stats %s, %s received %,d of %,d",
                    id, label, sent, targeted, stats, peerName, received, audience.size()));
        }
        return seconds;
    }

    /** {@link #timedDelivery(long, Audience, LongSupplier, String, Duration, Duration)}, polled every 100 ms. */
    double timedDelivery(long id, Audience audience, LongSupplier peerCount, String label) {
        return timedDelivery(id, audience, peerCount, label, Duration.ofSeconds(300 + audience.size() / 10), POLL);
    }

    /** Fails when the server or its peer died. */
    void checkAlive() {
        if (!server.isRunning()) {
            throw new IllegalStateException("The server died; see " + server.serverLog());
        }
        if (!peerAlive.getAsBoolean()) {
            throw new IllegalStateException("The " + peerName + " died; see " + peerLog);
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /** A line of the summary table. */
    void row(String row) {
        rows.add(row);
    }

    /** Prints the summary table and the problems met. */
    void summarise(String title, String header) {
        System.out.println("BENCHMARK " + name + " summary (" + db + ", " + title + "):");
        System.out.println(header);
        rows.forEach(System.out::println);
        problems.forEach(p -> System.out.println("BENCHMARK problem: " + p));
    }

    /** The problems met (a run that did not send every message, a peer that did not receive it): none, or fail. */
    void assertEveryRunSentEverything() {
        assertEquals(List.of(), problems, "every run sent every message");
    }

    /** What {@link #parallel} measured: the sum of the workers' counts, and the seconds from start to the last. */
    record Parallel(int total, double seconds) {}

    /**
     * Runs {@code worker} on {@code threads} threads at once (a bare loop's senders, each taking the next message
     * from a counter they share); returns the sum of what they return and the seconds until the last ended.
     */
    static Parallel parallel(int threads, Callable<Integer> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(worker));
            }
            int total = 0;
            for (Future<Integer> one : running) {
                total += one.get();
            }
            return new Parallel(total, (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A comma-separated list of whole numbers. */
    static int[] ints(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
