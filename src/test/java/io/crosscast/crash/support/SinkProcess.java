package io.crosscast.crash.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SmtpSink} in its own JVM (the java running the tests, on the test classes), so that it outlives the
 * server that sends to it. Records go to a file the test reads; see {@link SmtpSink} for the hold and the reply
 * delay, which {@link #replyDelay(long)} changes while the sink runs (through its standard input).
 */
public final class SinkProcess implements AutoCloseable {

    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path records;
    private final Writer control;
    private volatile String lastOutput = "";

    private SinkProcess(Process process, Path records) {
        this.process = process;
        this.records = records;
        this.control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts a sink on 127.0.0.1:{@code port} that writes to {@code records} (emptied first) and holds its answer
     * to message number {@code holdAt} (0: never); returns once it listens.
     */
    public static SinkProcess start(int port, Path records, long holdAt, Path log) {
        return start(port, records, holdAt, 0, log);
    }

    /**
     * Starts a sink as {@link #start(int, Path, long, Path)} does, whose every reply after the greeting waits
     * {@code replyDelayMillis} first.
     */
    public static SinkProcess start(int port, Path records, long holdAt, long replyDelayMillis, Path log) {
        try {
            Files.deleteIfExists(records);
            Files.deleteIfExists(SmtpSink.holdFileOf(records));
            Files.createDirectories(records.getParent());
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx128m",
                            "-cp",
                            classpathOf(SmtpSink.class),
                            SmtpSink.class.getName(),
                            Integer.toString(port),
                            records.toString(),
                            Long.toString(holdAt),
                            Long.toString(replyDelayMillis))
                    .redirectErrorStream(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "smtp-sink-cleanup"));
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith(SmtpSink.READY)) {
                process.destroyForcibly();
                throw new IllegalStateException("The SMTP sink did not start (port " + port + " taken?): " + first);
            }
            SinkProcess sink = new SinkProcess(process, records);
            Files.writeString(
                    log,
                    first + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Thread drain = new Thread(() -> sink.drain(out, log), "smtp-sink-output");
            drain.setDaemon(true);
            drain.start();
            return sink;
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
        long lines = 0;
        try (FileChannel file = FileChannel.open(records, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            while (file.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    if (buffer.get() == '\n') {
                        lines++;
                    }
                }
                buffer.clear();
            }
            return lines;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Sets the delay of every reply after the greeting, for the sessions open now and later; returns once the
     * sink confirmed it.
     */
    public void replyDelay(long millis) {
        String confirmation = SmtpSink.DELAY_SET + " " + millis + " ms";
        lastOutput = "";
        tell("delay " + millis);
        if (!WildFlyProcess.eventually(CONTROL_TIMEOUT, () -> confirmation.equals(lastOutput) || !isAlive())
                || !isAlive()) {
            throw new IllegalStateException("The SMTP sink did not confirm its reply delay (" + lastOutput + ")");
        }
    }

    /** Asks the sink to write how many commands of each kind it answered into its log. */
    public void logStats() {
        tell("stats");
    }

    private void tell(String command) {
        try {
            control.write(command + "\n");
            control.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The SMTP sink does not take commands", e);
        }
    }

    /** True once the sink holds its answer to the chosen message. */
    public boolean holding() {
        return Files.exists(SmtpSink.holdFileOf(records));
    }

    /** The record line of the held message. */
    public String held() {
        try {
            return Files.readString(SmtpSink.holdFileOf(records), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CPU time the sink's JVM used so far (zero where the system does not tell). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
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
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot find the classes of " + type, e);
        }
    }

    private void drain(BufferedReader out, Path log) {
        try (out) {
            String line;
            while ((line = out.readLine()) != null) {
                lastOutput = line;
                Files.writeString(
                        log,
                        line + System.lineSeparator(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the sink ended
        }
    }
}
