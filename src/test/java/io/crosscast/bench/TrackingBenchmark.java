package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.RestClient;
import io.crosscast.crash.support.TrackedDelivery;
import io.crosscast.crash.support.TrackedDelivery.Database;
import io.crosscast.crash.support.WildFlyProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The tracking endpoints' speed (issue 13), on the unpacked WildFly as a process (crash configuration, no sandbox,
 * the database the build chose: H2's file database or PostgreSQL {@code bench.db.url}), port offset
 * {@code bench.port.offset}: wrk (2 threads, 64 connections, {@code bench.tracking.seconds} = 15 s each) against a
 * static file, the open pixel and a click of the same server in the same run (people's, with a browser's user
 * agent, and machines', without one); then a burst of
 * {@code bench.tracking.rate} (1,000) hits/s for {@code bench.tracking.burstSeconds} (60) from a paced client while
 * a page (the login page, rendered by Faces) and an authenticated API call are timed every 250 ms, beside the same
 * timings without the burst. {@code bench.tracking.committers} sets the server's committer threads (2). Prints
 * {@code BENCHMARK tracking ...} lines; asserts no timing.
 */
class TrackingBenchmark {

    /** A person's browser (Chrome on Windows), as most people's opens and clicks say. */
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    private final String db = System.getProperty("bench.db", "h2");
    private final int offset = Integer.getInteger("bench.port.offset", 1000);
    private final int seconds = Integer.getInteger("bench.tracking.seconds", 15);
    private final int rate = Integer.getInteger("bench.tracking.rate", 1000);
    private final int burstSeconds = Integer.getInteger("bench.tracking.burstSeconds", 60);
    private final Path serverDir = Path.of(System.getProperty("bench.server.dir", "target/bench-server"))
            .resolveSibling("bench-tracking-server")
            .toAbsolutePath();

    @Test
    void trackingBesideAStaticFileAndPagesDuringABurst() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Database database;
        if ("postgresql".equals(db)) {
            String url = System.getProperty("bench.db.url", "jdbc:postgresql://localhost:5432/crosscast_bench");
            String user = System.getProperty("bench.db.user", "crosscast");
            String password = System.getProperty("bench.db.password", "crosscast");
            properties.put("crosscast.db.url", url);
            properties.put("crosscast.db.user", user);
            properties.put("crosscast.db.password", password);
            database = new Database(url, user, password);
        } else {
            String url = "jdbc:h2:" + serverDir.resolve("data/crosscast/crosscast") + ";AUTO_SERVER=TRUE";
            properties.put("crosscast.db.url", url + ";WRITE_DELAY=0");
            database = new Database(url, "sa", "sa");
        }
        String committers = System.getProperty("bench.tracking.committers", "");
        if (!committers.isBlank()) {
            properties.put("crosscast.tracking.committers", committers);
        }
        WildFlyProcess server = new WildFlyProcess(
                Path.of(System.getProperty("jboss.home")),
                serverDir,
                "standalone-crosscast-crash.xml",
                offset,
                properties);
        server.prepareFreshBaseDir();
        server.deploy(Path.of(System.getProperty("crosscast.war", "target/crosscast.war")));
        RestClient api = new RestClient(server.httpPort(), "marketer", "marketer");
        try (server) {
            server.start();
            server.awaitReady("crosscast.war", api::answers);
            TrackedDelivery delivery = TrackedDelivery.create(new DeliveryApi(api), database, 10_000);
            String base = "http://127.0.0.1:" + server.httpPort();
            // Hits as a delivery's readers make them: each request another recipient's open (or click on one of
            // three links), 10,000 recipients in turn; one URL hammered would measure a single reader clicking
            // tens of thousands of times (the classifier's worst case), not the endpoints.
            List<String> opens = new ArrayList<>();
            List<String> clicks = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                opens.add(delivery.hit(2 * i).path());
                clicks.add(delivery.hit(2 * i + 1).path());
            }
            // People's hits carry a browser's user agent: written unclassified, the classifier's pass decides (its
            // behaviour rules). wrk's own requests carry none: a script's, classified as they are written.
            String open = script(base, "opens", opens, BROWSER);
            String click = script(base, "clicks", clicks, BROWSER);
            String machineOpen = script(base, "machine-opens", opens, null);
            String machineClick = script(base, "machine-clicks", clicks, null);
            String statik = base + "/crosscast/resources/css/crosscast.css";

            // warm-up: JIT, pools, caches
            long hitsAnswered = wrk(open, 10).answered()
                    + wrk(click, 10).answered()
                    + wrk(machineClick, 10).answered();
            wrk(statik, 10);
            // Each measurement starts from a quiet server: the hits before it copied and classified, so that the
            // static file is not measured while earlier hits' work runs, and each kind of hit pays for its own.
            settle(database, delivery.id());
            Wrk staticBefore = wrk(statik, seconds);
            settle(database, delivery.id());
            Wrk openFigures = wrk(open, seconds);
            settle(database, delivery.id());
            Wrk clickFigures = wrk(click, seconds);
            settle(database, delivery.id());
            Wrk machineOpenFigures = wrk(machineOpen, seconds);
            settle(database, delivery.id());
            Wrk machineClickFigures = wrk(machineClick, seconds);
            settle(database, delivery.id());
            Wrk staticAfter = wrk(statik, seconds);
            Wrk staticFigures = new Wrk(
                    (staticBefore.rate() + staticAfter.rate()) / 2,
                    Math.max(staticBefore.p50(), staticAfter.p50()),
                    Math.max(staticBefore.p99(), staticAfter.p99()),
                    staticBefore.problems() + staticAfter.problems(),
                    staticBefore.answered() + staticAfter.answered());
            System.out.printf(
                    "BENCHMARK tracking db=%s static file before the hits: %s; after: %s%n",
                    db, staticBefore, staticAfter);
            System.out.printf(
                    "BENCHMARK tracking db=%s static file (mean rate, worst p50/p99): %s%n", db, staticFigures);
            Map<String, Wrk> hits = new LinkedHashMap<>();
            hits.put("open pixel:", openFigures);
            hits.put("click:", clickFigures);
            hits.put("open pixel, no user agent (a machine's):", machineOpenFigures);
            hits.put("click, no user agent (a machine's):", machineClickFigures);
            hitsAnswered += hits.values().stream().mapToLong(Wrk::answered).sum();
            hits.forEach((name, figures) -> System.out.printf(
                    "BENCHMARK tracking db=%s %-41s %s; ratio to static %.2f%n",
                    db, name, figures, figures.rate() / staticFigures.rate()));

            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            long deliveryId = delivery.id();
            List<Probe> probes = List.of(
                    new Probe("login page", () -> status(http, base + "/crosscast/login.xhtml")),
                    new Probe("API GET delivery", () -> {
                        api.get("deliveries/" + deliveryId);
                        return 200;
                    }));
            String quiet = time(probes, Duration.ofSeconds(15), null);
            System.out.printf("BENCHMARK tracking db=%s pages without the burst: %s%n", db, quiet);

            AtomicLong sent = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicBoolean bursting = new AtomicBoolean(true);
            Thread burst = new Thread(
                    () -> {
                        long t0 = System.nanoTime();
                        long total = (long) rate * burstSeconds;
                        for (long i = 0; i < total; i++) {
                            long due = t0 + i * 1_000_000_000L / rate;
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            TrackedDelivery.Hit hit = delivery.hit((int) (i % 1_000_000));
                            long start = System.nanoTime();
                            sent.incrementAndGet();
                            http.sendAsync(
                                            HttpRequest.newBuilder(URI.create(base + hit.path()))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .whenComplete((response, error) -> {
                                        if (error == null && response.statusCode() == hit.expected()) {
                                            answered.incrementAndGet();
                                            latencies.add((System.nanoTime() - start) / 1000);
                                        } else {
                                            failed.incrementAndGet();
                                        }
                                    });
                        }
                        bursting.set(false);
                    },
                    "tracking-burst");
            long burstStart = System.nanoTime();
            burst.start();
            String loaded = time(probes, Duration.ofSeconds(burstSeconds), bursting);
            burst.join();
            double burstTook = (System.nanoTime() - burstStart) / 1e9;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (answered.get() + failed.get() < sent.get() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Long> hitTimes = new ArrayList<>(latencies);
            Collections.sort(hitTimes);
            System.out.printf(
                    "BENCHMARK tracking db=%s burst: %,d hits sent in %.1f s (%,.0f/s), %,d answered, %,d failed;"
                            + " hit latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    db,
                    sent.get(),
                    burstTook,
                    sent.get() / burstTook,
                    answered.get(),
                    failed.get(),
                    percentile(hitTimes, 50) / 1000.0,
                    percentile(hitTimes, 99) / 1000.0,
                    hitTimes.isEmpty() ? 0 : hitTimes.get(hitTimes.size() - 1) / 1000.0);
            System.out.printf("BENCHMARK tracking db=%s pages during the burst: %s%n", db, loaded);
            settle(database, delivery.id());
            long logged = database.counts(delivery.id()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long allAnswered = hitsAnswered + answered.get();
            System.out.printf(
                    "BENCHMARK tracking db=%s tracking_log rows of the delivery: %,d; hits answered (wrk and the"
                            + " burst): %,d%n",
                    db, logged, allAnswered);
            // wrk counts the answers it read; a request it sent as it stopped may be logged and not counted.
            assertTrue(logged >= allAnswered, "every answered hit is in tracking_log");
            assertTrue(staticFigures.rate() > 0 && openFigures.rate() > 0 && clickFigures.rate() > 0, "wrk ran");
        }
    }

    /**
     * Waits (at most 120 s) until the delivery's hits are all in {@code tracking_log} and classified: the count
     * unchanged for a second and no row without its actor.
     */
    private static void settle(TrackedDelivery.Database database, long delivery) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long before = -1;
        while (System.nanoTime() < deadline) {
            long[] now = new long[2];
            try (java.sql.Connection c = database.connect();
                    java.sql.PreparedStatement q = c.prepareStatement("SELECT COUNT(*),"
                            + " SUM(CASE WHEN COALESCE(actor, '') = '' THEN 1 ELSE 0 END)"
                            + " FROM tracking_log WHERE delivery_id = ?")) {
                q.setLong(1, delivery);
                try (java.sql.ResultSet rows = q.executeQuery()) {
                    rows.next();
                    now[0] = rows.getLong(1);
                    now[1] = rows.getLong(2);
                }
            }
            if (now[0] == before && now[1] == 0) {
                return;
            }
            before = now[0];
            Thread.sleep(1000);
        }
        System.out.println("BENCHMARK tracking: the server did not settle within 120 s; measured anyway");
    }

    /** A request timed during the burst: returns its status. */
    private record Probe(String name, java.util.concurrent.Callable<Integer> call) {}

    /** Calls each probe every 250 ms for {@code duration} (or while {@code running}); their times. */
    private static String time(List<Probe> probes, Duration duration, AtomicBoolean running) throws Exception {
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && (running == null || running.get())) {
            for (Probe probe : probes) {
                long start = System.nanoTime();
                int status;
                try {
                    status = probe.call().call();
                } catch (Exception | AssertionError e) {
                    status = -1;
                }
                long micros = (System.nanoTime() - start) / 1000;
                times.computeIfAbsent(probe.name(), k -> new ArrayList<>()).add(micros);
                if (status != 200) {
                    errors.merge(probe.name(), 1L, Long::sum);
                }
            }
            Thread.sleep(250);
        }
        StringBuilder out = new StringBuilder();
        times.forEach((name, list) -> {
            Collections.sort(list);
            out.append(String.format(
                    "%s%s n=%d p50 %.1f ms p99 %.1f ms max %.1f ms errors %d",
                    out.length() == 0 ? "" : "; ",
                    name,
                    list.size(),
                    percentile(list, 50) / 1000.0,
                    percentile(list, 99) / 1000.0,
                    list.get(list.size() - 1) / 1000.0,
                    errors.getOrDefault(name, 0L)));
        });
        return out.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static int status(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * wrk's figures: requests/s, p50 and p99 in ms, non-2xx/3xx answers and socket errors; {@code answered}, the
     * requests answered with a 2xx or 3xx.
     */
    record Wrk(double rate, double p50, double p99, String problems, long answered) {
        @Override
        public String toString() {
            return String.format("%,.0f req/s, p50 %.2f ms, p99 %.2f ms%s", rate, p50, p99, problems);
        }
    }

    /**
     * A wrk target that requests {@code paths} of {@code base} in turn: "{@code <base> -s <script>}", the script a
     * Lua file written to the build's directory; with {@code userAgent} (null: none, as wrk sends) in each request.
     */
    private String script(String base, String name, List<String> paths, String userAgent) throws IOException {
        StringBuilder lua = new StringBuilder();
        if (userAgent != null) {
            lua.append("wrk.headers[\"User-Agent\"] = \"").append(userAgent).append("\"\n");
        }
        lua.append("paths = {\n");
        for (String path : paths) {
            lua.append('"').append(path).append("\",\n");
        }
        lua.append("}\nn = 0\nrequest = function()\n  n = n + 1\n"
                + "  return wrk.format(\"GET\", paths[(n % #paths) + 1])\nend\n");
        Path file = serverDir.resolveSibling("wrk-" + name + ".lua");
        java.nio.file.Files.writeString(file, lua, StandardCharsets.UTF_8);
        return base + "/ -s " + file;
    }

    static Wrk wrk(String target, int seconds) throws IOException, InterruptedException {
        Process process;
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency"));
        command.addAll(List.of(target.split(" ")));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            System.out.println("BENCHMARK tracking: wrk is not installed (apt-get install -y wrk), not measured");
            return new Wrk(0, 0, 0, "", 0);
        }
        List<String> lines;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().map(String::strip).toList();
        }
        process.waitFor();
        double rate = 0;
        double p50 = 0;
        double p99 = 0;
        StringBuilder problems = new StringBuilder();
        long requests = 0;
        long refused = 0;
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            if (parts.length > 2 && parts[1].equals("requests") && parts[2].equals("in")) {
                requests = Long.parseLong(parts[0]);
            } else if (line.startsWith("Non-2xx or 3xx responses:")) {
                refused = Long.parseLong(parts[parts.length - 1]);
                problems.append("; ").append(line);
            } else if (line.startsWith("Requests/sec:")) {
                rate = Double.parseDouble(parts[1]);
            } else if (line.startsWith("50%")) {
                p50 = millis(parts[1]);
            } else if (line.startsWith("99%")) {
                p99 = millis(parts[1]);
            } else if (line.startsWith("Socket errors")) {
                problems.append("; ").append(line);
            }
        }
        return new Wrk(rate, p50, p99, problems.toString(), requests - refused);
    }

    /** wrk's latency ("850.00us", "12.34ms", "1.02s") in ms. */
    private static double millis(String value) {
        if (value.endsWith("us")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
        }
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2));
        }
        if (value.endsWith("s")) {
            return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
        }
        return Double.parseDouble(value);
    }
}
