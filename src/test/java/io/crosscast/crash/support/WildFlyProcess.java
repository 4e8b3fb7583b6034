package io.crosscast.crash.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The WildFly that the build unpacks into {@code target/}, run as a real process through {@code bin/standalone.sh}
 * for crash tests: its own server base directory (a copy of the pristine {@code standalone/configuration}, so the
 * data directory, the deployments and the logs survive restarts of this server but belong to no other), a port
 * offset, a configuration file and system properties. The application is deployed by copying the WAR into the
 * base directory's {@code deployments/} folder (the deployment scanner deploys it again at every start).
 *
 * <p>{@link #kill()} sends SIGKILL to the server's JVM (the java child of the start script, found among its
 * descendants and recognised by {@code jboss-modules.jar} on its command line), not to the script, and waits
 * until that process is gone: no shutdown hook runs, nothing is flushed. {@link #close()} stops whatever runs.
 */
public final class WildFlyProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    /** The server JVM's heap options unless a test names others. */
    public static final String DEFAULT_HEAP = "-Xms256m -Xmx1g";

    private final Path jbossHome;
    private final Path baseDir;
    private final String serverConfig;
    private final int portOffset;
    private final Map<String, String> systemProperties;
    private final String heapOptions;
    private Process script;
    private ProcessHandle jvm;
    private int starts;

    public WildFlyProcess(
            Path jbossHome, Path baseDir, String serverConfig, int portOffset, Map<String, String> systemProperties) {
        this(jbossHome, baseDir, serverConfig, portOffset, systemProperties, DEFAULT_HEAP);
    }

    /**
     * A server whose JVM gets {@code heapOptions} (e.g. {@code "-Xms128m -Xmx512m"}) instead of
     * {@value #DEFAULT_HEAP}.
     */
    public WildFlyProcess(
            Path jbossHome,
            Path baseDir,
            String serverConfig,
            int portOffset,
            Map<String, String> systemProperties,
            String heapOptions) {
        this.jbossHome = jbossHome.toAbsolutePath();
        this.baseDir = baseDir.toAbsolutePath();
        this.serverConfig = serverConfig;
        this.portOffset = portOffset;
        this.systemProperties = new LinkedHashMap<>(systemProperties);
        this.heapOptions = heapOptions;
    }

    /** Sets (or, with null, removes) a system property of the server from its next start on. */
    public void systemProperty(String name, String value) {
        if (value == null) {
            systemProperties.remove(name);
        } else {
            systemProperties.put(name, value);
        }
    }

    /** The HTTP port (8080 + offset). */
    public int httpPort() {
        return 8080 + portOffset;
    }

    public Path baseDir() {
        return baseDir;
    }

    public Path serverLog() {
        return baseDir.resolve("log/server.log");
    }

    /**
     * Makes a fresh base directory: deletes the previous one (its data included) and copies the unpacked
     * server's configuration folder (the configurations and the users' realm) into it.
     */
    public void prepareFreshBaseDir() {
        try {
            deleteTree(baseDir);
            Files.createDirectories(baseDir.resolve("deployments"));
            Path pristine = jbossHome.resolve("standalone/configuration");
            try (Stream<Path> files = Files.walk(pristine)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = baseDir.resolve("configuration")
                            .resolve(pristine.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + baseDir, e);
        }
    }

    /** Copies the WAR into the deployments folder: the scanner deploys it at the next start. */
    public void deploy(Path war) {
        try {
            Files.copy(
                    war,
                    baseDir.resolve("deployments").resolve(war.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + war, e);
        }
    }

    /** Starts the server process (after checking its HTTP and management ports are free) and finds its JVM. */
    public void start() {
        if (isRunning()) {
            throw new IllegalStateException("The server is already running (pid " + jvm.pid() + ")");
        }
        requireFreePort(httpPort(), "HTTP");
        requireFreePort(9990 + portOffset, "management");
        List<String> command = new ArrayList<>();
        command.add(jbossHome.resolve("bin/standalone.sh").toString());
        command.add("-c");
        command.add(serverConfig);
        command.add("-Djboss.server.base.dir=" + baseDir);
        command.add("-Djboss.socket.binding.port-offset=" + portOffset);
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(
                ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        builder.environment().put("JBOSS_HOME", jbossHome.toString());
        builder.environment()
                .put(
                        "JAVA_OPTS",
                        heapOptions + " -Djava.net.preferIPv4Stack=true"
                                + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true "
                                // more options for a profile, e.g. -Dcrash.server.jvm=-XX:StartFlightRecording=...
                                + System.getProperty("crash.server.jvm", ""));
        builder.environment().remove("LAUNCH_JBOSS_IN_BACKGROUND");
        builder.environment().remove("JBOSS_PIDFILE");
        try {
            script = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.get(0), e);
        }
        starts++;
        Process started = script;
        // Should the test JVM itself be stopped (Ctrl+C on Maven), take the server down with it.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            started.descendants().forEach(ProcessHandle::destroyForcibly);
                            started.destroyForcibly();
                        },
                        "crash-server-cleanup"));
        if (!eventually(Duration.ofSeconds(60), () -> findJvm().isPresent() || !script.isAlive())) {
            throw new IllegalStateException("The server's JVM did not appear; see " + baseDir.resolve("console.log"));
        }
        jvm = findJvm()
                .orElseThrow(() -> new IllegalStateException("The start script ended (exit " + script.exitValue()
                        + "); see " + baseDir.resolve("console.log")));
    }

    /** How many times this server was started. */
    public int starts() {
        return starts;
    }

    /** The server JVM's process id. */
    public long pid() {
        if (jvm == null) {
            throw new IllegalStateException("not started");
        }
        return jvm.pid();
    }

    public boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    /**
     * Waits until {@code ready} holds (e.g. the application answers), failing early when the JVM dies or the
     * deployment scanner marks the WAR as failed.
     */
    public void awaitReady(String warName, BooleanSupplier ready) {
        Path failed = baseDir.resolve("deployments").resolve(warName + ".failed");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException("The server died while starting; see " + serverLog());
            }
            if (Files.exists(failed)) {
                throw new IllegalStateException("The deployment failed: " + readQuietly(failed));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The server was not ready within " + STARTUP + "; see " + serverLog());
    }

    /** SIGKILL to the server's JVM; returns once the process is gone. */
    public void kill() {
        ProcessHandle victim = jvm;
        if (victim == null || !victim.isAlive()) {
            throw new IllegalStateException("No running server JVM to kill");
        }
        victim.destroyForcibly(); // SIGKILL on Unix
        try {
            victim.onExit().get(60, TimeUnit.SECONDS);
            script.waitFor(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The killed JVM " + victim.pid() + " did not go away", e);
        }
        if (victim.isAlive()
                || ProcessHandle.of(victim.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("The JVM " + victim.pid() + " is still alive after SIGKILL");
        }
    }

    /** Stops the server gracefully (SIGTERM: WildFly shuts down), forcibly after a minute. Quiet when stopped. */
    public void stop() {
        ProcessHandle running = jvm;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                running.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                running.destroyForcibly();
                running.onExit().join();
            }
        }
        if (script != null && script.isAlive()) {
            script.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Optional<ProcessHandle> findJvm() {
        if (script == null) {
            return Optional.empty();
        }
        return script.descendants()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("jboss-modules.jar"))
                        .orElse(false))
                .findFirst();
    }

    private static void requireFreePort(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The " + what + " port " + port + " is taken: another server runs there"
                            + " (a crash-test server left over? set -Dcrash.port.offset to move this one)",
                    e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(Duration.ofMillis(100));
        }
        return condition.getAsBoolean();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
