package io.crosscast.tracking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A node's local, append-only journal of tracking hits, used while its database is unreachable: segment files
 * {@code hits-<millis>-<n>.journal} in one directory (under the server's data directory, so per node). A group of
 * rows is appended with one write and made durable with one {@code fsync} ({@link FileChannel#force}) before the
 * requests that hold them are answered. Each record is {@code [length][CRC-32][row]}: a record torn by a crash
 * (never synced, so never answered) ends the reading of its segment.
 *
 * <p>The segment being appended to is "active"; {@link #rotate} closes it, and closed segments are replayed into
 * the database (by {@link TrackingRecorder}) and then deleted. Thread-safe.
 */
final class TrackingJournal {

    static final int ROWS_PER_SEGMENT = 50_000;
    private static final int MAX_RECORD = 1 << 20;

    private final Path dir;
    private FileChannel active;
    private Path activePath;
    private int activeRows;
    private long sequence;

    TrackingJournal(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the tracking journal directory " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Appends the rows and syncs them to the disk; once this returns, they survive a crash. */
    synchronized void append(List<TrackingLogRow> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 200);
        ByteArrayOutputStream record = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        for (TrackingLogRow row : rows) {
            record.reset();
            row.write(new DataOutputStream(record));
            CRC32 crc = new CRC32();
            crc.update(record.toByteArray());
            out.writeInt(record.size());
            out.writeInt((int) crc.getValue());
            record.writeTo(out);
        }
        if (active == null) {
            activePath = dir.resolve("hits-" + System.currentTimeMillis() + "-" + (sequence++) + ".journal");
            active = FileChannel.open(activePath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            activeRows = 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        while (buffer.hasRemaining()) {
            active.write(buffer);
        }
        active.force(false);
        activeRows += rows.size();
        if (activeRows >= ROWS_PER_SEGMENT) {
            rotate();
        }
    }

    /** Closes the active segment, if any: from now on it can be replayed. */
    synchronized void rotate() throws IOException {
        if (active != null) {
            active.close();
            active = null;
            activePath = null;
        }
    }

    /** Whether the journal holds any segment, active or closed. */
    synchronized boolean isEmpty() {
        return active == null && closedSegments().isEmpty();
    }

    /** The closed segments, oldest first. */
    synchronized List<Path> closedSegments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal"))
                    .filter(p -> !p.equals(activePath))
                    .sorted(TrackingJournal::oldestFirst)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the tracking journal " + dir, e);
        }
    }

    private static int oldestFirst(Path a, Path b) {
        String[] x = a.getFileName().toString().split("[-.]");
        String[] y = b.getFileName().toString().split("[-.]");
        try {
            int byTime = Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
            return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[2]), Long.parseLong(y[2]));
        } catch (RuntimeException e) {
            return a.compareTo(b);
        }
    }

    /** The rows of a segment up to its end or its first torn record. */
    static List<TrackingLogRow> read(Path segment) throws IOException {
        byte[] all = Files.readAllBytes(segment);
        List<TrackingLogRow> rows = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(all);
        while (buffer.remaining() >= 8) {
            int length = buffer.getInt();
            int crc = buffer.getInt();
            if (length <= 0 || length > MAX_RECORD || length > buffer.remaining()) {
                break;
            }
            byte[] record = new byte[length];
            buffer.get(record);
            CRC32 check = new CRC32();
            check.update(record);
            if ((int) check.getValue() != crc) {
                break;
            }
            rows.add(TrackingLogRow.read(new DataInputStream(new ByteArrayInputStream(record))));
        }
        return rows;
    }

    synchronized void close() throws IOException {
        rotate();
    }
}
