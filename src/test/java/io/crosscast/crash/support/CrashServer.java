package io.crosscast.crash.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The crash tests' server: the unpacked WildFly as a process ({@link WildFlyProcess}, configuration
 * {@code standalone-crosscast-crash.xml}, no sandbox) in a fresh base directory with the WAR deployed, on the
 * database the build chose ({@code crash.db}: H2, the development file database, or PostgreSQL with
 * {@code crash.db.url}, {@code crash.db.user}, {@code crash.db.password}), ports offset by
 * {@code crash.port.offset}, and its REST API as the user {@code marketer} ({@link #deliveries()} for audiences and
 * deliveries).
 */
public final class CrashServer implements AutoCloseable {

    private final String db = System.getProperty("crash.db", "h2");
    private final Path serverDir = Path.of(System.getProperty("crash.server.dir", "target/crash-server"));
    private final WildFlyProcess process;
    private final RestClient api;
    private final DeliveryApi deliveries;
    private final List<Peer> peers = new ArrayList<>();

    /**
     * A fresh base directory with the WAR in its deployments, not started yet; {@code properties} are the
     * test's own server system properties (where the SMTP server or the SMSC is...), added to the database's.
     */
    public CrashServer(Map<String, String> properties) {
        Map<String, String> all = databaseProperties();
        all.putAll(properties);
        process = new WildFlyProcess(
                Path.of(System.getProperty("jboss.home")),
                serverDir,
                "standalone-crosscast-crash.xml",
                portOffset(),
                all);
        process.prepareFreshBaseDir();
        process.deploy(Path.of(System.getProperty("crosscast.war", "target/crosscast.war")));
        api = new RestClient(process.httpPort(), "marketer", "marketer");
        deliveries = new DeliveryApi(api);
    }

    /**
     * Which message a peer holds its answer to, for a kill at the worst moment: {@code property} if set, else one
     * picked with {@code seed} between 20% and 60% of {@code total}.
     */
    public static long holdAt(String property, long seed, int total) {
        return Long.getLong(property, total / 5 + new Random(seed).nextInt(Math.max(1, total * 2 / 5)));
    }

    /** The port offset of the crash-test server ({@code crash.port.offset}, 600): its peers' ports derive from it. */
    public static int portOffset() {
        return Integer.getInteger("crash.port.offset", 600);
    }

    /** A peer process the server talks to: {@link #waitFor} fails when it died, {@link #close} stops it. */
    public <T extends AutoCloseable> T peer(String name, T peer, BooleanSupplier alive) {
        peers.add(new Peer(name, peer, alive));
        return peer;
    }

    private record Peer(String name, AutoCloseable process, BooleanSupplier alive) {}

    public String db() {
        return db;
    }

    public Path baseDir() {
        return process.baseDir();
    }

    public RestClient api() {
        return api;
    }

    /** Audiences and deliveries through {@link #api()}. */
    public DeliveryApi deliveries() {
        return deliveries;
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /**
     * Starts an SMTP sink on {@code port} (holding its answer to message {@code holdAt}, 0 = none) as this server's
     * peer, then the server; returns the sink.
     */
    public SinkProcess startWithSmtpSink(int port, long holdAt) {
        SinkProcess sink = SinkProcess.start(
                port, baseDir().resolve("sink/received.tsv"), holdAt, baseDir().resolve("sink/sink.log"));
        peer("SMTP sink", sink, sink::isAlive);
        start();
        return sink;
    }
    /** Starts the server and waits until the application answers. */
    public void start() {
        process.start();
        process.awaitReady("crosscast.war", api::answers);
    }

    /** SIGKILL to the server's JVM; returns its process id once it is gone. */
    public long kill() {
        long pid = process.pid();
        process.kill();
        return pid;
    }

    /**
     * Kills the server (SIGKILL) as soon as {@code holding} says a peer holds its answer (checked every 200 ms);
     * fails when that does not happen within {@code timeout} or the server died first. Returns the killed JVM's id.
     */
    public long killOnceHolding(Duration timeout, BooleanSupplier holding, String what) {
        assertTrue(waitFor(timeout, () -> holding.getAsBoolean() || !isRunning()), what + " within " + timeout);
        assertTrue(isRunning(), "the server was still running when " + what);
        return kill();
    }

    /**
     * Polls {@code condition} every 200 ms until it holds (true) or {@code timeout} passes (false); fails at once
     * when a peer given to {@link #peer} died ({@code isAlive()} false).
     */
    public boolean waitFor(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (Peer peer : peers) {
                if (!peer.alive().getAsBoolean()) {
                    throw new AssertionError("The " + peer.name() + " died; see its log under " + baseDir());
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            WildFlyProcess.sleep(Duration.ofMillis(200));
        }
        return true;
    }

    /**
     * Runs {@code check}; when it fails, fails with its message followed by the server log's last warnings and errors
     * that contain {@code about} (so that a failure in CI, where only the test's report is kept, says what the server
     * saw).
     */
    public void explained(String about, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "\nThe server's last warnings about '" + about + "':\n" + warnings(about, 15), e);
        }
    }

    /** The last {@code last} WARN/ERROR lines of the server log (across restarts) that contain {@code about}. */
    public String warnings(String about, int last) {
        try (Stream<String> lines = Files.lines(process.serverLog(), StandardCharsets.UTF_8)) {
            List<String> found = lines.filter(l -> (l.contains(" WARN ") || l.contains(" ERROR ")) && l.contains(about))
                    .toList();
            return found.isEmpty()
                    ? "(none)"
                    : String.join("\n", found.subList(Math.max(0, found.size() - last), found.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not read: " + e + ")";
        }
    }

    /** Stops the server, then its peers. */
    @Override
    public void close() {
        process.close();
        for (Peer peer : peers) {
            try {
                peer.process().close();
            } catch (Exception e) {
                System.out.println("CRASH: stopping the " + peer.name() + " failed: " + e);
            }
        }
    }

    /** Database settings: none for H2 (the server's file database) unless {@code crash.h2.options}; PostgreSQL's. */
    private Map<String, String> databaseProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        String h2Options = System.getProperty("crash.h2.options", "");
        if ("h2".equals(db) && !h2Options.isBlank()) {
            // The development server's file database (datasources-h2.cli's default URL) with more settings, e.g.
            // ";WRITE_DELAY=1000" to see that H2 then loses its latest commits to a kill.
            properties.put(
                    "crosscast.db.url",
                    "jdbc:h2:" + serverDir.toAbsolutePath().resolve("data/crosscast/crosscast")
                            + ";DB_CLOSE_ON_EXIT=FALSE" + h2Options);
        }
        if ("postgresql".equals(db)) {
            properties.put(
                    "crosscast.db.url",
                    System.getProperty("crash.db.url", "jdbc:postgresql://localhost:5432/crosscast_crash"));
            properties.put("crosscast.db.user", System.getProperty("crash.db.user", "crosscast"));
            properties.put("crosscast.db.password", System.getProperty("crash.db.password", "crosscast"));
        }
        return properties;
    }
}
