package io.crosscast.crash.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@link SmscSink} in its own JVM ({@link JavaProcess}), so that it outlives the server that sends to it.
 * Records go to a file the test reads; see {@link SmscSink} for the hold and the response delay, which
 * {@link #responseDelay(long)} changes while the SMSC runs.
 *
 * @param process the SMSC's JVM
 * @param records its record file
 */
public record SmscProcess(JavaProcess process, Path records) implements AutoCloseable {

    /**
     * Starts an SMSC on 127.0.0.1:{@code port} that writes to {@code records} (emptied first) and holds its answer
     * to submission number {@code holdAt} (0: never); returns once it listens.
     */
    public static SmscProcess start(int port, Path records, long holdAt, Path log) {
        return start(port, records, holdAt, 0, log);
    }

    /**
     * Starts an SMSC as {@link #start(int, Path, long, Path)} does, that sends each submit_sm_resp
     * {@code delayMillis} after the submission.
     */
    public static SmscProcess start(int port, Path records, long holdAt, long delayMillis, Path log) {
        try {
            Files.createDirectories(records.getParent());
            Files.deleteIfExists(records);
            Files.deleteIfExists(SmscSink.holdFileOf(records));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + records, e);
        }
        return new SmscProcess(
                JavaProcess.start(
                        SmscSink.class,
                        List.of(org.jsmpp.session.SMPPServerSession.class, org.slf4j.Logger.class),
                        log,
                        SmscSink.READY,
                        Integer.toString(port),
                        records.toString(),
                        Long.toString(holdAt),
                        Long.toString(delayMillis)),
                records);
    }

    /** Sets the delay of every submit_sm_resp from now on; returns once the SMSC confirmed it. */
    public void responseDelay(long millis) {
        process.ask("delay " + millis, SmscSink.DELAY_SET + " " + millis + " ms");
    }

    /** What the SMSC recorded so far, in order. */
    public List<SmscSink.Submit> received() {
        return SmscSink.read(records);
    }

    /** How many submissions it recorded so far (the record file's lines). */
    public long count() {
        try (var lines = Files.lines(records, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** True once it holds its answer to the chosen submission. */
    public boolean holding() {
        return Files.exists(SmscSink.holdFileOf(records));
    }

    /** The held submission. */
    public SmscSink.Submit held() {
        return SmscSink.read(SmscSink.holdFileOf(records)).get(0);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
