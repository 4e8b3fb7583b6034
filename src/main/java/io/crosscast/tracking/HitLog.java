package io.crosscast.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes tracking hits durable before they are answered, by group commit: {@link #submit} queues a hit with what to
 * do once it is durable; committer threads take whatever is queued (up to {@value #BATCH} hits, so a group forms
 * while the previous one commits: one hit alone at low load, hundreds under a burst), write it with one JDBC batch
 * in one transaction, and only then call each hit's callback, which sends the answer.
 *
 * <p>When a group cannot be written (the database is unreachable, or the write failed with an unknown outcome), it
 * goes to the node's {@link TrackingJournal} instead (one write and one fsync per group) and the following groups
 * too, without trying the database, until {@link #replay} finds it back: that switches writing back to the
 * database, closes the journal's segment and replays the closed segments, each in one transaction, skipping hits
 * already in {@code tracking_log} (their ids), then deletes them. A hit that neither the database nor the journal
 * took is answered as failed (the callback gets false): the request gets an error, never a success.
 */
public final class HitLog {

    private static final Logger LOG = Logger.getLogger(HitLog.class.getName());
    static final int BATCH = 1000;
    static final int CAPACITY = 100_000;

    /** A hit waiting for its group, and what to do once the group is durable (true) or failed (false). */
    private record Pending(TrackingLogRow row, Consumer<Boolean> done) {}

    private final DataSource dataSource;
    private final TrackingJournal journal;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<Thread> committers = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();
    private final SplittableRandom seeds = new SplittableRandom();
    private final ThreadLocal<SplittableRandom> random = ThreadLocal.withInitial(this::split);
    private final Object replaying = new Object();
    private volatile boolean toJournal;
    private volatile boolean running = true;

    HitLog(DataSource dataSource, Path journalDir) {
        this.dataSource = dataSource;
        this.journal = new TrackingJournal(journalDir);
    }

    private synchronized SplittableRandom split() {
        return seeds.split();
    }

    /** Starts {@code count} committer threads from {@code threads}. */
    void start(ThreadFactory threads, int count) {
        for (int i = 0; i < count; i++) {
            Thread committer = threads.newThread(this::commitLoop);
            committer.setName("tracking-commit-" + i);
            committers.add(committer);
            committer.start();
        }
    }

    /**
     * Queues the hit; {@code done} is called (on a committer thread) with true once it is in the database or the
     * journal, with false when it could be made durable nowhere (or the queue is full: then at once).
     */
    public void submit(TrackingHit hit, Consumer<Boolean> done) {
        TrackingLogRow row = new TrackingLogRow(TrackingLogRow.newId(hit.at(), random.get()), hit);
        if (!running || !queue.offer(new Pending(row, done))) {
            done.accept(false);
        }
    }

    /** Hits waiting for their group. */
    public int queued() {
        return queue.size();
    }

    /** Whether groups go to the journal (the database was found unreachable) rather than the database. */
    public boolean journaling() {
        return toJournal;
    }

    /** Hits written to the database directly, to the journal, and replayed from it, since the start. */
    public String figures() {
        return "written " + written.get() + ", journaled " + journaled.get() + ", replayed " + replayed.get() + " in "
                + groups.get() + " groups";
    }

    private void commitLoop() {
        List<Pending> group = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, BATCH - 1);
                commit(group);
            } catch (InterruptedException e) {
                if (!running) {
                    continue;
                }
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Tracking commit failed", e);
                answer(group, false);
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        groups.incrementAndGet();
        List<TrackingLogRow> rows = new ArrayList<>(group.size());
        for (Pending pending : group) {
            rows.add(pending.row());
        }
        if (!toJournal) {
            try {
                write(rows);
                written.addAndGet(rows.size());
                answer(group, true);
                return;
            } catch (SQLException e) {
                toJournal = true;
                LOG.warning("Tracking hits go to the local journal " + journal.dir() + " until the database is back: "
                        + e.getMessage());
            }
        }
        try {
            journal.append(rows);
            journaled.addAndGet(rows.size());
            answer(group, true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Tracking hits could be written neither to the database nor to the journal", e);
            answer(group, false);
        }
    }

    private static void answer(List<Pending> group, boolean durable) {
        for (Pending pending : group) {
            try {
                pending.done().accept(durable);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Answering a tracking request failed", e);
            }
        }
    }

    private void write(List<TrackingLogRow> rows) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, TrackingLogRow.INSERT, rows, false);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    private static void insert(Connection connection, String sql, List<TrackingLogRow> rows, boolean replay)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int inBatch = 0;
            for (TrackingLogRow row : rows) {
                List<Object> values = replay ? row.replayParameters() : row.parameters();
                for (int i = 0; i < values.size(); i++) {
                    insert.setObject(i + 1, values.get(i));
                }
                insert.addBatch();
                if (++inBatch == BATCH) {
                    insert.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: nothing was committed by it
        }
    }

    /**
     * When the journal holds hits and the database answers: writes go back to the database, the active segment
     * is closed, and every closed segment is replayed (each in one transaction, hits already there skipped) and
     * deleted. Returns how many hits were inserted; 0 when the database is still unreachable.
     */
    public int replay() {
        synchronized (replaying) {
            if (journal.isEmpty()) {
                toJournal = false;
                return 0;
            }
            if (!databaseAnswers()) {
                return 0;
            }
            int inserted = 0;
            try {
                toJournal = false;
                journal.rotate();
                for (Path segment : journal.closedSegments()) {
                    inserted += replay(segment);
                }
            } catch (IOException | SQLException e) {
                LOG.warning("Replaying the tracking journal failed, tried again later: " + e.getMessage());
            }
            if (inserted > 0) {
                LOG.info("Tracking journal replayed: " + inserted + " hit(s) written to the database");
            }
            return inserted;
        }
    }

    private int replay(Path segment) throws IOException, SQLException {
        List<TrackingLogRow> rows = TrackingJournal.read(segment);
        int inserted = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (int from = 0; from < rows.size(); from += BATCH) {
                    List<TrackingLogRow> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
                    try (PreparedStatement insert = connection.prepareStatement(TrackingLogRow.REPLAY)) {
                        for (TrackingLogRow row : chunk) {
                            List<Object> values = row.replayParameters();
                            for (int i = 0; i < values.size(); i++) {
                                insert.setObject(i + 1, values.get(i));
                            }
                            insert.addBatch();
                        }
                        for (int count : insert.executeBatch()) {
                            inserted += Math.max(0, count);
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
        java.nio.file.Files.delete(segment);
        replayed.addAndGet(inserted);
        return inserted;
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Stops taking hits, writes those queued, waits for the committers (at most 30 s), closes the journal. */
    void stop() {
        running = false;
        for (Thread committer : committers) {
            try {
                committer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.done().accept(false);
        }
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warning("Closing the tracking journal: " + e.getMessage());
        }
    }

    /** A fresh id for a row written outside the group commit (an unsubscription). */
    static UUID newId(java.time.Instant at) {
        return TrackingLogRow.newId(at, new SplittableRandom());
    }
}
