package io.crosscast.crash.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, for a peer of the crash-test server that must outlive it (an SMSC...):
 * the java that runs the tests, a class path made of the jars or folders the given classes come from, its output
 * appended to a log file. {@link #start} returns once that log shows the peer's ready line; {@link #ask} writes a
 * command line to its standard input and waits for the answer in the log.
 */
public final class JavaProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code arguments}, on the class path of {@code main} and {@code libraries} (one class
     * of each jar it needs), and waits until its log has a line starting with {@code ready}.
     */
    public static JavaProcess start(
            Class<?> main, List<Class<?>> libraries, Path log, String ready, String... arguments) {
        Set<String> classpath = new LinkedHashSet<>();
        classpath.add(locationOf(main));
        libraries.forEach(library -> classpath.add(locationOf(library)));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m",
                "-cp",
                String.join(File.pathSeparator, classpath),
                main.getName()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + main.getSimpleName(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, main.getSimpleName() + "-cleanup"));
        JavaProcess started = new JavaProcess(process, log);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (started.logged(ready) == 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(main.getSimpleName() + " did not start (port taken?); see " + log);
            }
            WildFlyProcess.sleep(Duration.ofMillis(50));
        }
        return started;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Writes {@code command} as one line to the process's standard input and waits (10 s at most) until its log has
     * one more line starting with {@code answer} than before.
     */
    public void ask(String command, String answer) {
        long before = logged(answer);
        try {
            process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tell the process " + process.pid() + ": " + command, e);
        }
        if (!WildFlyProcess.eventually(Duration.ofSeconds(10), () -> logged(answer) > before || !isAlive())
                || !isAlive()) {
            throw new IllegalStateException("No answer \"" + answer + "\" to \"" + command + "\"; see " + log);
        }
    }

    public Path log() {
        return log;
    }

    /** Stops it (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        process.destroy();
        boolean ended = process.onExit()
                .thenApply(p -> true)
                .completeOnTimeout(false, 10, TimeUnit.SECONDS)
                .join();
        if (!ended) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** How many lines of the log start with {@code prefix}. */
    private long logged(String prefix) {
        try {
            return Files.exists(log)
                    ? Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.startsWith(prefix))
                            .count()
                    : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("Cannot find where " + type.getName() + " comes from", e);
        }
    }
}
