package io.crosscast.crash.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SmtpSink} in its own JVM (the java running the tests, on the test classes), so that it outlives the
 * server that sends to it. Records go to a file the test reads; see {@link SmtpSink} for the hold.
 */
public final class SinkProcess implements AutoCloseable {

    private final Process process;
    private final Path records;

    private SinkProcess(Process process, Path records) {
        this.process = process;
        this.records = records;
    }

    /**
     * Starts a sink on 127.0.0.1:{@code port} that writes to {@code records} (emptied first) and holds its answer
     * to message number {@code holdAt} (0: never); returns once it listens.
     */
    public static SinkProcess start(int port, Path records, long holdAt, Path log) {
        try {
            Files.deleteIfExists(records);
            Files.deleteIfExists(SmtpSink.holdFileOf(records));
            Files.createDirectories(records.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-Xmx128m", "-cp", classpathOf(SmtpSink.class),
                    SmtpSink.class.getName(), Integer.toString(port), records.toString(), Long.toString(holdAt))
                    .redirectErrorStream(true).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "smtp-sink-cleanup"));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Thread drain = new Thread(() -> drain(out, log), "smtp-sink-output");
            drain.setDaemon(true);
            drain.start();
            if (first == null || !first.startsWith(SmtpSink.READY)) {
                process.destroyForcibly();
                throw new IllegalStateException("The SMTP sink did not start (port " + port + " taken?): " + first);
            }
            return new SinkProcess(process, records);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SMTP sink", e);
        }
    }

    /** What the sink recorded so far: recipient and Message-ID, one entry per recipient of each message. */
    public List<String[]> received() {
        return SmtpSink.read(records);
    }

    /** How many recipients' messages the sink recorded so far (a cheap count of the record file's lines). */
    public long count() {
        try (var lines = Files.lines(records, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** True once the sink holds its answer to the chosen message. */
    public boolean holding() {
        return Files.exists(SmtpSink.holdFileOf(records));
    }

    /** The record line of the held message. */
    public String held() {
        try {
            return Files.readString(SmtpSink.holdFileOf(records), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String classpathOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot find the classes of " + type, e);
        }
    }

    private static void drain(BufferedReader out, Path log) {
        try (out) {
            String line;
            while ((line = out.readLine()) != null) {
                Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the sink ended
        }
    }
}
