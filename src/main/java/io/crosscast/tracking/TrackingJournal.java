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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A node's local, append-only journal of tracking hits: every hit is written here and synced to the disk before it
 * is answered, then copied to {@code tracking_log} (by {@link HitLog}'s writer). Segment files
 * {@code hits-<millis>-<n>.journal} in one directory (under the server's data directory, so per node). A group of
 * rows is appended with one write and made durable with one {@code fsync} ({@link FileChannel#force}). Each record is
 * {@code [length][CRC-32][row]}: a record torn by a crash (never synced, so never answered) ends the reading of its
 * segment.
 *
 * <p>The journal keeps, for each segment of this run, how many rows it holds and how many the writer has copied to
 * the database. A segment is deleted once it is closed ({@link #rotate}, or {@value #ROWS_PER_SEGMENT} rows) and
 * every row of it was copied. A segment some of whose rows will not be copied from memory (the database failed, the
 * writer fell behind, or it was left by an earlier run) is <em>orphaned</em>: it is replayed whole from the file
 * (skipping hits already in the table) and then deleted. Thread-safe.
 */
class TrackingJournal {

    static final int ROWS_PER_SEGMENT = 50_000;
    private static final int MAX_RECORD = 1 << 20;

    /** A segment file and what became of its rows in this run; its fields are guarded by the journal. */
    static final class Segment {
        private final Path path;
        private int rows;
        private int copied;
        private boolean closed;
        private boolean orphaned;
        private boolean deleted;

        private Segment(Path path) {
            this.path = path;
        }

        Path path() {
            return path;
        }

        @Override
        public String toString() {
            return path.getFileName().toString();
        }
    }

    private final Path dir;
    private final Map<Path, Segment> segments = new LinkedHashMap<>();
    private FileChannel channel;
    private Segment active;
    private long sequence;

    /** Opens the journal in {@code dir}; segments an earlier run left there are orphaned (to be replayed). */
    TrackingJournal(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".journal"))
                        .sorted(TrackingJournal::oldestFirst)
                        .forEach(p -> {
                            Segment left = new Segment(p);
                            left.closed = true;
                            left.orphaned = true;
                            segments.put(p, left);
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the tracking journal directory " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The rows in the journal's encoding, ready for {@link #append(byte[], int)} (no lock taken). */
    static byte[] encode(List<TrackingLogRow> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 200);
        ByteArrayOutputStream record = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        DataOutputStream recordOut = new DataOutputStream(record);
        CRC32 crc = new CRC32();
        for (TrackingLogRow row : rows) {
            record.reset();
            row.write(recordOut);
            crc.reset();
            crc.update(record.toByteArray());
            out.writeInt(record.size());
            out.writeInt((int) crc.getValue());
            record.writeTo(out);
        }
        return bytes.toByteArray();
    }

    /**
     * Appends {@code count} encoded rows and syncs them to the disk; once this returns, they survive a crash.
     * Returns the segment that holds them.
     */
    synchronized Segment append(byte[] encoded, int count) throws IOException {
        if (active == null) {
            Path path = dir.resolve("hits-" + System.currentTimeMillis() + "-" + (sequence++) + ".journal");
            channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            active = new Segment(path);
            segments.put(path, active);
        }
        try {
            write(channel, ByteBuffer.wrap(encoded));
            sync(channel);
        } catch (IOException | RuntimeException e) {
            // The file may now end with a torn record, which ends its reading: later rows go to a new segment.
            rotate();
            throw e;
        }
        Segment segment = active;
        segment.rows += count;
        if (segment.rows >= ROWS_PER_SEGMENT) {
            rotate();
        }
        return segment;
    }

    /** Writes the bytes at the end of the segment (a test may fail it half-way, as a full disk would). */
    void write(FileChannel file, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            file.write(bytes);
        }
    }

    /** Makes the appended bytes durable (a test may hold it to see that nothing is answered before). */
    void sync(FileChannel file) throws IOException {
        file.force(false);
    }

    /** Closes the active segment, if any: no more rows go to it; deleted at once if all its rows were copied. */
    synchronized void rotate() throws IOException {
        if (active != null) {
            channel.close();
            channel = null;
            active.closed = true;
            Segment closed = active;
            active = null;
            deleteIfCopied(closed);
        }
    }

    /**
     * Closes the active segment when every row of it is in the database, so that an idle journal holds no file
     * (and a crash leaves only rows not copied yet, plus what a busy segment holds). Deleted at once.
     */
    synchronized void rotateIfCopied() throws IOException {
        if (active != null && !active.orphaned && active.copied >= active.rows) {
            rotate();
        }
    }

    /**
     * Whether the writer should copy rows of this segment from memory: not when the segment is orphaned (it will be
     * replayed whole) or already gone.
     */
    synchronized boolean copyFromMemory(Segment segment) {
        return !segment.orphaned && !segment.deleted;
    }

    /** {@code count} rows of the segment are in the database (copied from memory). */
    synchronized void copied(Segment segment, int count) throws IOException {
        segment.copied += count;
        deleteIfCopied(segment);
    }

    /** Some rows of the segment will not be copied from memory: the whole segment is to be replayed. */
    synchronized void orphan(Segment segment) {
        segment.orphaned = true;
    }

    /** Whether any segment waits for a replay. */
    synchronized boolean hasOrphans() {
        return segments.values().stream().anyMatch(s -> s.orphaned);
    }

    /** The orphaned segments, closed first (the active one is closed when orphaned), oldest first. */
    synchronized List<Segment> orphansToReplay() throws IOException {
        if (active != null && active.orphaned) {
            rotate();
        }
        return segments.values().stream().filter(s -> s.orphaned && s.closed).toList();
    }

    /** The segment was replayed into the database: its file is deleted. */
    synchronized void replayed(Segment segment) throws IOException {
        delete(segment);
    }

    /** Whether every row of the journal is in the database as far as this run knows: nothing to copy or replay. */
    synchronized boolean settled() {
        return segments.values().stream().allMatch(s -> !s.orphaned && s.copied >= s.rows);
    }

    /** Rows of this run's segments not in the database yet (to be copied, or replayed). */
    synchronized long uncopied() {
        return segments.values().stream()
                .mapToLong(s -> s.orphaned ? s.rows : s.rows - s.copied)
                .sum();
    }

    /** Whether the journal holds any segment, active or closed. */
    synchronized boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The segment files on the disk, oldest first. */
    List<Path> files() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal"))
                    .sorted(TrackingJournal::oldestFirst)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the tracking journal " + dir, e);
        }
    }

    private void deleteIfCopied(Segment segment) throws IOException {
        if (segment.closed && !segment.orphaned && segment.copied >= segment.rows) {
            delete(segment);
        }
    }

    private void delete(Segment segment) throws IOException {
        if (segment == active) {
            rotate();
        }
        Files.deleteIfExists(segment.path);
        segment.deleted = true;
        segments.remove(segment.path);
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
