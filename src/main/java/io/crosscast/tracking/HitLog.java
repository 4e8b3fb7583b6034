package io.crosscast.tracking;

import io.crosscast.platform.DatabaseVendor;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes tracking hits durable before they are answered, in the node's {@link TrackingJournal}, and copies them to
 * {@code tracking_log} right after. {@link #submit} queues a hit with what to do once it is durable; committer
 * threads take whatever is queued (up to {@value #BATCH} hits, so a group forms while the previous one is synced:
 * one hit alone at low load, hundreds under a burst), append it to the journal with one write and one fsync, and
 * only then call each hit's callback, which sends the answer. The group then goes to the writer thread, which copies
 * what has gathered (up to {@value #COPY_ROWS} rows) to the database in one transaction (PostgreSQL: one statement
 * with the rows' columns as arrays; H2: one JDBC batch): an answer waits for a local fsync, not for a database
 * commit.
 *
 * <p>When a copy fails (the database is unreachable, or the write failed with an unknown outcome), or the writer
 * falls behind by more than {@value #COPY_BACKLOG} rows, the segments concerned are replayed from the journal's
 * files instead, once the database answers (the writer looks every second): each in one transaction, skipping hits
 * already in {@code tracking_log} (their ids), then deleted. Segments left by an earlier run are replayed the same
 * way when the log starts. Every second the writer also closes the active segment if all its rows are copied (a
 * closed, copied segment is deleted), so an idle journal holds no file. When the journal cannot be written (the disk
 * is full), a group is committed to the database before it is answered; a hit that neither took is answered as
 * failed (the callback gets false): the request gets an error, never a success.
 */
public final class HitLog {

    private static final Logger LOG = Logger.getLogger(HitLog.class.getName());
    static final int BATCH = 1000;
    static final int CAPACITY = 100_000;
    static final int COPY_ROWS = 5000;
    /** Rows per statement when PostgreSQL takes a group as arrays. */
    static final int ARRAY_ROWS = 5000;

    static final int COPY_BACKLOG = 200_000;
    private static final long REPLAY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SLOW_APPEND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A hit waiting for its group, and what to do once the group is durable (true) or failed (false). */
    private record Pending(TrackingLogRow row, Consumer<Boolean> done) {}

    /** A group synced to a journal segment, waiting to be copied to the database. */
    private record Journaled(TrackingJournal.Segment segment, List<TrackingLogRow> rows) {}

    private final DataSource dataSource;
    private final TrackingJournal journal;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final BlockingQueue<Journaled> toCopy = new LinkedBlockingQueue<>();
    private final AtomicLong backlog = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong slowestAppend = new AtomicLong();
    private final AtomicLong slowAppends = new AtomicLong();
    private final SplittableRandom seeds = new SplittableRandom();
    private final ThreadLocal<SplittableRandom> random = ThreadLocal.withInitial(this::split);
    private final Object replaying = new Object();
    private volatile Boolean postgreSql;
    private volatile boolean databaseDown;
    private volatile boolean journalFailing;
    private volatile boolean running = true;
    private volatile boolean committing = true;

    HitLog(DataSource dataSource, Path journalDir) {
        this(dataSource, new TrackingJournal(journalDir));
    }

    HitLog(DataSource dataSource, TrackingJournal journal) {
        this.dataSource = dataSource;
        this.journal = journal;
    }

    private synchronized SplittableRandom split() {
        return seeds.split();
    }

    /** Starts {@code count} committer threads and the writer thread from {@code factory}. */
    void start(ThreadFactory factory, int count) {
        for (int i = 0; i < count; i++) {
            Thread committer = factory.newThread(this::commitLoop);
            committer.setName("tracking-commit-" + i);
            threads.add(committer);
        }
        Thread writer = factory.newThread(this::copyLoop);
        writer.setName("tracking-copy");
        threads.add(writer);
        threads.forEach(Thread::start);
    }

    /**
     * Queues the hit; {@code done} is called (on a committer thread) with true once it is in the journal (or, when
     * the journal cannot be written, the database), with false when it could be made durable nowhere (or the queue
     * is full: then at once).
     */
    public void submit(TrackingHit hit, Consumer<Boolean> done) {
        TrackingLogRow row = new TrackingLogRow(TrackingLogRow.newId(hit.at(), random.get()), hit);
        if (!committing || !queue.offer(new Pending(row, done))) {
            done.accept(false);
        }
    }

    /** Hits waiting for their group. */
    public int queued() {
        return queue.size();
    }

    /** Hits answered (in the journal) and not in {@code tracking_log} yet. */
    public long uncopied() {
        return journal.uncopied();
    }

    /** Whether the database was found unreachable: hits wait in the journal until it answers again. */
    public boolean journaling() {
        return databaseDown;
    }

    /** Hits journaled, copied to the database, committed there directly, and replayed from files, since the start. */
    public String figures() {
        return "journaled " + journaled.get() + " in " + groups.get() + " groups (slowest append and fsync "
                + TimeUnit.NANOSECONDS.toMillis(slowestAppend.get()) + " ms, " + slowAppends.get()
                + " over 100 ms), copied " + copied.get() + ", committed directly " + committed.get()
                + ", replayed " + replayed.get();
    }

    private void commitLoop() {
        List<Pending> group = new ArrayList<>(BATCH);
        while (committing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, BATCH - 1);
                commit(group);
            } catch (InterruptedException e) {
                if (!committing) {
                    continue;
                }
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Tracking commit failed", e);
                answer(group, false);
            } catch (Error e) {
                // The requests waiting for this group get their answer (503) before the thread ends.
                answer(group, false);
                throw e;
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
        TrackingJournal.Segment segment;
        try {
            byte[] encoded = TrackingJournal.encode(rows);
            long start = System.nanoTime();
            segment = journal.append(encoded, rows.size());
            long took = System.nanoTime() - start;
            slowestAppend.accumulateAndGet(took, Math::max);
            if (took >= SLOW_APPEND_NANOS) {
                slowAppends.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            if (!journalFailing) {
                journalFailing = true;
                LOG.log(
                        Level.WARNING,
                        "The tracking journal " + journal.dir() + " cannot be written: hits go to the"
                                + " database before they are answered, until it can",
                        e);
            }
            commitToDatabase(group, rows);
            return;
        }
        if (journalFailing) {
            journalFailing = false;
            LOG.info("The tracking journal " + journal.dir() + " is written again");
        }
        journaled.addAndGet(rows.size());
        answer(group, true);
        if (backlog.addAndGet(rows.size()) > COPY_BACKLOG) {
            backlog.addAndGet(-rows.size());
            journal.orphan(segment);
        } else {
            toCopy.add(new Journaled(segment, rows));
        }
    }

    private void commitToDatabase(List<Pending> group, List<TrackingLogRow> rows) {
        try {
            write(rows);
            committed.addAndGet(rows.size());
            answer(group, true);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Tracking hits could be written neither to the journal nor to the database", e);
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

    /** The writer: copies journaled groups to the database, and replays orphaned segments every second. */
    private void copyLoop() {
        List<Journaled> batch = new ArrayList<>();
        long lastReplay = System.nanoTime();
        while (running || !toCopy.isEmpty()) {
            try {
                Journaled first = toCopy.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    int rows = first.rows().size();
                    for (Journaled next = null; rows < COPY_ROWS && (next = toCopy.poll()) != null; ) {
                        batch.add(next);
                        rows += next.rows().size();
                    }
                    backlog.addAndGet(-rows);
                    copy(batch);
                }
                if (System.nanoTime() - lastReplay >= REPLAY_EVERY_NANOS) {
                    lastReplay = System.nanoTime();
                    replay();
                    journal.rotateIfCopied();
                }
            } catch (InterruptedException e) {
                if (!running) {
                    continue;
                }
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Copying tracking hits to the database failed; they stay in the journal", e);
                batch.forEach(j -> journal.orphan(j.segment()));
            } finally {
                batch.clear();
            }
        }
    }

    private void copy(List<Journaled> batch) throws IOException {
        List<TrackingLogRow> rows = new ArrayList<>();
        List<Journaled> copying = new ArrayList<>(batch.size());
        for (Journaled group : batch) {
            if (!databaseDown && journal.copyFromMemory(group.segment())) {
                rows.addAll(group.rows());
                copying.add(group);
            } else {
                journal.orphan(group.segment());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try {
            write(rows);
        } catch (SQLException e) {
            databaseDown = true;
            copying.forEach(j -> journal.orphan(j.segment()));
            LOG.warning("Tracking hits stay in the local journal " + journal.dir() + " until the database is back: "
                    + e.getMessage());
            return;
        }
        copied.addAndGet(rows.size());
        for (Journaled group : copying) {
            journal.copied(group.segment(), group.rows().size());
        }
    }

    private void write(List<TrackingLogRow> rows) throws SQLException {
        inTransaction(connection -> {
            if (postgreSql(connection)) {
                for (int from = 0; from < rows.size(); from += ARRAY_ROWS) {
                    try (PreparedStatement insert = connection.prepareStatement(TrackingLogRow.INSERT_ARRAYS)) {
                        TrackingLogRow.bindArrays(
                                connection, insert, rows.subList(from, Math.min(rows.size(), from + ARRAY_ROWS)));
                        insert.executeUpdate();
                    }
                }
            } else {
                try (PreparedStatement insert = connection.prepareStatement(TrackingLogRow.INSERT)) {
                    addAll(insert, rows, false);
                }
            }
            return rows.size();
        });
    }

    /** What runs in {@link #inTransaction}: returns how many rows it wrote. */
    private interface Work {
        int run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction on a connection of the non-JTA datasource (rolled back if it fails). */
    private int inTransaction(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int written = work.run(connection);
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    /** Adds the rows to the statement's batch and executes it every {@value #BATCH} rows; returns rows inserted. */
    private static int addAll(PreparedStatement insert, List<TrackingLogRow> rows, boolean replay) throws SQLException {
        int inserted = 0;
        int added = 0;
        for (TrackingLogRow row : rows) {
            List<Object> values = replay ? row.replayParameters() : row.parameters();
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 1, values.get(i));
            }
            insert.addBatch();
            if (++added % BATCH == 0 || added == rows.size()) {
                for (int count : insert.executeBatch()) {
                    inserted += Math.max(0, count);
                }
            }
        }
        return inserted;
    }

    private boolean postgreSql(Connection connection) throws SQLException {
        Boolean known = postgreSql;
        if (known == null) {
            known = DatabaseVendor.fromProductName(connection.getMetaData().getDatabaseProductName())
                    == DatabaseVendor.POSTGRESQL;
            postgreSql = known;
        }
        return known;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: nothing was committed by it
        }
    }

    /**
     * When the journal holds orphaned segments and the database answers: each is replayed (in one transaction, hits
     * already there skipped) and deleted, and copying from memory resumes. Returns how many hits were inserted; 0
     * when the database is still unreachable. Called by the writer every second, and once before it starts.
     */
    int replay() {
        synchronized (replaying) {
            if (!journal.hasOrphans()) {
                databaseDown = false;
                return 0;
            }
            if (!databaseAnswers()) {
                databaseDown = true;
                return 0;
            }
            int inserted = 0;
            try {
                databaseDown = false;
                for (TrackingJournal.Segment segment : journal.orphansToReplay()) {
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

    private int replay(TrackingJournal.Segment segment) throws IOException, SQLException {
        List<TrackingLogRow> rows = TrackingJournal.read(segment.path());
        int inserted = inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(TrackingLogRow.REPLAY)) {
                return addAll(insert, rows, true);
            }
        });
        journal.replayed(segment);
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

    /**
     * Waits (at most {@code timeoutMillis}) until every hit answered before the call is in the database: copied, or
     * replayed once the database answers. Returns whether it got there.
     */
    public boolean awaitCopied(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!journal.settled()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Stops taking hits, journals those queued, copies what it can to the database, waits for the threads (at most
     * 30 s each) and closes the journal; whatever was not copied is replayed at the next start.
     */
    void stop() {
        committing = false;
        join(threads.subList(0, Math.max(0, threads.size() - 1)));
        running = false;
        join(threads.subList(Math.max(0, threads.size() - 1), threads.size()));
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.done().accept(false);
        }
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warning("Closing the tracking journal: " + e.getMessage());
        }
    }

    private static void join(List<Thread> stopping) {
        for (Thread thread : stopping) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A fresh id for a row written outside the group commit (an unsubscription). */
    static UUID newId(java.time.Instant at) {
        return TrackingLogRow.newId(at, new SplittableRandom());
    }
}
