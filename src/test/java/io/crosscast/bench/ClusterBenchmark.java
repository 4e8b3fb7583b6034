package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.LocalCluster;
import io.crosscast.crash.support.LocalCluster.Node;
import io.crosscast.crash.support.SinkProcess;
import io.crosscast.crash.support.TrackedDelivery;
import io.crosscast.crash.support.TrackedDelivery.Database;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sending and tracking benchmarks through the cluster's load balancer, with one node and then two (issue #14):
 * WildFly's balancer and {@code standalone-ha} nodes as processes ({@link LocalCluster}, the configurations a
 * {@code -Ddb=postgresql} build makes from {@code wildfly-config/}, as {@code local-cluster.sh} runs them) on the
 * PostgreSQL database {@code bench.cluster.db.url} (the benchmark's own, empty at the first run), the balancer at the
 * port offset {@code bench.port.offset} (nodes at + 100 n), an SMTP sink in a process of its own
 * ({@code bench.smtp.port}, no reply delay).
 *
 * <p>The balancer and node1 start; the recipients are imported through the balancer once. Then, for 1 node and again
 * once node2 has joined (the cluster is not restarted in between):
 *
 * <ul>
 *   <li><b>Sending</b> as {@link ExternalSendingBenchmark} measures it: a delivery of {@code bench.cluster.sends}
 *       (20,000) personalised, link-tracked emails, created and sent through the balancer; msg/s from the send
 *       request to SENT (the sink's count first, then the status); each node sends over
 *       {@code bench.cluster.connections} (8) SMTP connections. A warm-up delivery ({@code bench.cluster.warmup},
 *       4,000) runs first, untimed. The ledger is sampled every 250 ms for each node's claims: when each node
 *       started sending (a node joins another's delivery within 5 s, its resumption timer).
 *   <li><b>Tracking</b> as {@link TrackingBenchmark} measures it: wrk (2 threads, 64 connections,
 *       {@code bench.tracking.seconds} = 15 s each, after 5 s of warm-up) against a static file of the application
 *       and a click, both through the balancer (the balancer serves nothing itself: it proxies every request to a
 *       node). With 1 node, the same two against node1's own port too: what the balancer's hop costs.
 * </ul>
 *
 * <p>Prints {@code BENCHMARK cluster ...} lines and a summary; asserts that every run sent every message, never a
 * timing. PostgreSQL only ({@code -Ddb=postgresql}: H2 serves one server). {@code bench.cluster.nodes} ("1,2") sets
 * the node counts measured, in order.
 */
@EnabledIfSystemProperty(named = "bench.db", matches = "postgresql")
class ClusterBenchmark {

    private static final String SUBJECT = ExternalSendingBenchmark.SUBJECT;
    private static final String HTML = ExternalSendingBenchmark.HTML;
    private static final String STATIC_FILE = "/crosscast/resources/css/crosscast.css";

    private final int sends = Integer.getInteger("bench.cluster.sends", 20_000);
    private final int connections = Integer.getInteger("bench.cluster.connections", 8);
    private final int warmup = Integer.getInteger("bench.cluster.warmup", 4_000);
    private final int[] nodeCounts = ExternalBench.ints(System.getProperty("bench.cluster.nodes", "1,2"));
    private final int seconds = Integer.getInteger("bench.tracking.seconds", 15);
    private final int offset = Integer.getInteger("bench.port.offset", 1000);
    private final int smtpPort = Integer.getInteger("bench.smtp.port", 3625);
    private final Database database = new Database(
            System.getProperty(
                    "bench.cluster.db.url",
                    System.getProperty("bench.db.url", "jdbc:postgresql://localhost:5432/crosscast_bench")),
            System.getProperty("bench.db.user", "crosscast"),
            System.getProperty("bench.db.password", "crosscast"));
    private final Path dir = Path.of(System.getProperty("bench.server.dir", "target/bench-server"))
            .resolveSibling("bench-cluster")
            .toAbsolutePath();

    @RegisterExtension
    final Closer closer = new Closer();

    private final List<String> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private LocalCluster cluster;
    private SinkProcess sink;

    @Test
    void sendingAndTrackingThroughTheBalancerWithOneNodeThenTwo() throws Exception {
        int most = Arrays.stream(nodeCounts).max().orElse(1);
        System.out.printf(
                "BENCHMARK cluster: nodes %s, N=%,d, %d connections a node, warm-up %,d, wrk %d s;"
                        + " balancer offset %d (nodes + 100 n), sink port %d, database %s%n",
                Arrays.toString(nodeCounts), sends, connections, warmup, seconds, offset, smtpPort, database.url());
        Map<String, String> db = new LinkedHashMap<>();
        db.put("crosscast.db.url", database.url());
        db.put("crosscast.db.user", database.user());
        db.put("crosscast.db.password", database.password());
        cluster = new LocalCluster(
                dir,
                most,
                offset,
                db,
                Map.of(
                        "crosscast.smtp.host", "127.0.0.1",
                        "crosscast.smtp.port", Integer.toString(smtpPort),
                        "crosscast.sending.connections", Integer.toString(connections),
                        "crosscast.sending.maxConnections", Integer.toString(connections)));
        sink = closer.add(SinkProcess.start(smtpPort, dir.resolve("sink/received.tsv"), 0, 0, dir.resolve("sink.log")));
        closer.add(cluster);
        long t0 = System.nanoTime();
        cluster.startBalancer();

        DeliveryApi viaBalancer = new DeliveryApi(cluster.api());
        Audience audience = Audience.random("Kbench", sends, "cluster.bench.example.com");
        Audience warm = Audience.random("Kwarm", warmup, "cluster.bench.example.com");
        TrackedDelivery tracked = null;
        int running = 0;
        for (int nodes : nodeCounts) {
            while (running < nodes) {
                Node node = cluster.nodes().get(running);
                long started = System.nanoTime();
                node.start();
                node.awaitReady();
                cluster.awaitAnswering(Duration.ofSeconds(60));
                running++;
                System.out.printf(
                        "BENCHMARK cluster: %s ready and listed by the balancer in %.1f s (+%.1f s)%n",
                        node, (System.nanoTime() - started) / 1e9, (System.nanoTime() - t0) / 1e9);
            }
            if (tracked == null) {
                long started = System.nanoTime();
                viaBalancer.importRecipients(audience);
                if (warmup > 0) {
                    viaBalancer.importRecipients(warm);
                }
                System.out.printf(
                        "BENCHMARK cluster: imported %,d + %,d recipients through the balancer in %.1f s%n",
                        sends, warmup, (System.nanoTime() - started) / 1e9);
                tracked = TrackedDelivery.create(viaBalancer, database, 10_000);
            }
            if (warmup > 0) {
                send(viaBalancer, warm, nodes, "warm-up");
            }
            double rate = send(viaBalancer, audience, nodes, "timed");
            String base = "http://127.0.0.1:" + cluster.httpPort();
            String click = tracked.hit(1).path();
            TrackingBenchmark.wrk(base + STATIC_FILE, 5);
            TrackingBenchmark.wrk(base + click, 5);
            TrackingBenchmark.Wrk statik = TrackingBenchmark.wrk(base + STATIC_FILE, seconds);
            TrackingBenchmark.Wrk clicks = TrackingBenchmark.wrk(base + click, seconds);
            System.out.printf(
                    "BENCHMARK cluster nodes=%d sending: %,.0f msg/s (%,d emails, %d connections a node)%n",
                    nodes, rate, sends, connections);
            System.out.printf("BENCHMARK cluster nodes=%d static file through the balancer: %s%n", nodes, statik);
            System.out.printf(
                    "BENCHMARK cluster nodes=%d click through the balancer: %s; ratio to static %.2f%n",
                    nodes, clicks, clicks.rate() / statik.rate());
            rows.add(String.format(
                    "  %5d %12.0f %14.0f %10.1f %13.0f %10.1f %6.2f",
                    nodes,
                    rate,
                    statik.rate(),
                    statik.p99(),
                    clicks.rate(),
                    clicks.p99(),
                    clicks.rate() / statik.rate()));
            if (nodes == 1) {
                String direct = "http://127.0.0.1:" + (8080 + offset + 100);
                TrackingBenchmark.Wrk directStatic = TrackingBenchmark.wrk(direct + STATIC_FILE, seconds);
                TrackingBenchmark.Wrk directClick = TrackingBenchmark.wrk(direct + click, seconds);
                System.out.printf(
                        "BENCHMARK cluster nodes=1 on node1's own port, past the balancer: static file %s; click %s;"
                                + " ratio to static %.2f%n",
                        directStatic, directClick, directClick.rate() / directStatic.rate());
                rows.add(String.format(
                        "  %5s %12s %14.0f %10.1f %13.0f %10.1f %6.2f   (node1 direct, no balancer)",
                        "1",
                        "-",
                        directStatic.rate(),
                        directStatic.p99(),
                        directClick.rate(),
                        directClick.p99(),
                        directClick.rate() / directStatic.rate()));
            }
        }
        sink.logStats();
        System.out.printf(
                "BENCHMARK cluster summary (postgresql, N=%,d, %d connections a node, wrk -t2 -c64 %d s):%n",
                sends, connections, seconds);
        System.out.printf(
                "  %5s %12s %14s %10s %13s %10s %6s%n",
                "nodes", "sending/s", "static req/s", "p99 ms", "click req/s", "p99 ms", "ratio");
        rows.forEach(System.out::println);
        problems.forEach(p -> System.out.println("BENCHMARK problem: " + p));
        System.out.printf("BENCHMARK cluster: whole benchmark %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(List.of(), problems, "every run sent every message");
    }

    /**
     * One delivery to {@code audience} through the balancer; msg/s from the send request to SENT. Samples the
     * ledger's claims every 250 ms: when each node first held some. Checks the ledger and the sink.
     */
    private double send(DeliveryApi viaBalancer, Audience audience, int nodes, String label) throws SQLException {
        long id = viaBalancer.createEmail(
                "Cluster bench " + nodes + " " + label + " " + System.nanoTime(),
                "Crosscast Bench",
                "bench@example.com",
                SUBJECT,
                HTML);
        long before = sink.count();
        Map<String, Double> firstClaim = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        JsonObject targeted = viaBalancer.send(id, audience);
        long deadline = System.nanoTime()
                + Duration.ofSeconds(300 + audience.size() / 10).toNanos();
        long nextSample = 0;
        try (Connection c = database.connect();
                PreparedStatement claims = c.prepareStatement("SELECT claimed_by, COUNT(*) FROM delivery_message"
                        + " WHERE delivery_id = ? AND claimed_by IS NOT NULL GROUP BY claimed_by")) {
            claims.setLong(1, id);
            while (sink.count() - before < audience.size() && System.nanoTime() < deadline) {
                checkAlive();
                if (System.nanoTime() >= nextSample) {
                    double at = (System.nanoTime() - t0) / 1e9;
                    try (ResultSet rows = claims.executeQuery()) {
                        while (rows.next()) {
                            firstClaim.putIfAbsent(rows.getString(1), at);
                        }
                    }
                    nextSample = System.nanoTime() + 250_000_000L;
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
        boolean sent =
                viaBalancer.awaitStatus(id, "SENT", Duration.ofSeconds(120), Duration.ofMillis(100), this::checkAlive);
        double took = (System.nanoTime() - t0) / 1e9;
        long received = sink.count() - before;
        JsonObject stats = viaBalancer.stats(id);
        if (!sent
                || targeted.getJsonNumber("targeted").longValue() != audience.size()
                || stats.getJsonNumber("sent").longValue() != audience.size()
                || stats.getJsonNumber("failed").longValue() != 0
                || received != audience.size()) {
            problems.add(String.format(
                    "delivery %d (%d node(s), %s): ended %s, targeted %s, stats %s, sink received %,d of %,d",
                    id, nodes, label, sent, targeted, stats, received, audience.size()));
        }
        double rate = audience.size() / took;
        StringBuilder joined = new StringBuilder();
        firstClaim.forEach((node, at) -> joined.append(String.format(" %s at %.1f s", node, at)));
        System.out.printf(
                "BENCHMARK cluster nodes=%d %s: %,d messages in %.2f s = %,.0f msg/s; first claims:%s%n",
                nodes, label, audience.size(), took, rate, joined.length() == 0 ? " (none seen)" : joined);
        return rate;
    }

    /** Fails when a started node or the sink died. */
    private void checkAlive() {
        for (Node node : cluster.nodes()) {
            if (node.started() && !node.isRunning()) {
                throw new IllegalStateException(node + " died; see " + node.serverLog());
            }
        }
        if (!sink.isAlive()) {
            throw new IllegalStateException("The SMTP sink died; see " + dir.resolve("sink.log"));
        }
    }
}
