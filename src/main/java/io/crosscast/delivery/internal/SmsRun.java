package io.crosscast.delivery.internal;

import io.crosscast.delivery.LedgerReason;
import io.crosscast.delivery.RecipientsQuarantined;
import io.crosscast.delivery.sms.SmppSettings;
import io.crosscast.delivery.sms.SmsContent;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One slice of an SMS delivery, on the sending executor: submissions go out with a window of outstanding
 * requests (jSMPP's submit waits for its response, so the window is as many submitting tasks of the executor,
 * started once per slice); the slice's own thread reads the ledger, composes each text and hands it to them; one
 * more task writes the results back, whatever has come back since its last commit, so that neither the reading nor
 * the submitting waits for the database. At most {@link #writeEvery} + window texts are submitted and not written
 * at any time (the crash bound): the reading thread takes a permit for each text it hands over and the writer gives
 * the permits back once their rows are committed. A lost connection stops new submissions, lets the outstanding
 * ones finish, and resumes later. A cancelled or paused delivery stops within the control interval.
 */
public final class SmsRun {

    private static final int PAGE = 200;
    /** Rows one commit of the writer takes at most. */
    private static final int WRITE_MAX = 1_000;

    private final long deliveryId;
    private final SmsBatch batch;
    private final DataSource dataSource;
    private final ManagedExecutorService executor;
    private final SmppGateway gateway;
    private final SendSettings settings;
    private final SendMeter meter;
    private final Consumer<RecipientsQuarantined> quarantined;
    private final Clock clock = Clock.systemUTC();

    public SmsRun(
            long deliveryId,
            SmsBatch batch,
            DataSource dataSource,
            ManagedExecutorService executor,
            SmppGateway gateway,
            SendSettings settings,
            SendMeter meter,
            Consumer<RecipientsQuarantined> quarantined) {
        this.deliveryId = deliveryId;
        this.quarantined = quarantined;
        this.batch = batch;
        this.dataSource = dataSource;
        this.executor = executor;
        this.gateway = gateway;
        this.settings = settings;
        this.meter = meter;
    }

    /** A text handed to a submitting task; {@link #END} tells it that the slice is over. */
    private record Submission(PendingMessage message, SmsContent sms) {
        static final Submission END = new Submission(null, null);
    }

    /**
     * What the writer gets: an SMSC's answer to a submitted text (it holds a permit), or a result known without
     * submitting (a deleted recipient, a text that could not be built).
     */
    private record Outcome(PendingMessage message, SmsAttempt attempt, LedgerResult known) {}

    /** The slice's state shared by its reading thread, its submitting tasks and its writer. */
    private static final class Slice {
        final BlockingQueue<Submission> work = new LinkedBlockingQueue<>();
        final BlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
        final Semaphore window;
        final Semaphore unwritten;
        final CountDownLatch writerEnded = new CountDownLatch(1);
        final ReentrantLock writing = new ReentrantLock();
        volatile boolean writerStarted;
        volatile boolean connectionLost;
        volatile boolean ending;
        volatile Exception writeFailure;

        Slice(int window, int unwritten) {
            this.window = new Semaphore(window);
            this.unwritten = new Semaphore(unwritten);
        }
    }

    /** Sends for at most the slice's time budget; returns when to go on if it stopped early, else null. */
    public Instant run() throws SQLException {
        SmppSettings smpp = SmppSettings.fromSystemProperties();
        Instant deadline = Instant.now(clock).plus(settings.sliceBudget());
        RatePacer pacer = new RatePacer(smpp.throughput());
        int size = Math.max(1, smpp.window());
        int bound = writeEvery(size, settings.batchSize()) + size;
        Slice slice = new Slice(size, bound);
        executor.execute(() -> writeAll(slice)); // first: the reading thread waits for its commits
        for (int i = 0; i < size; i++) {
            executor.execute(() -> submitAll(slice));
        }
        boolean interrupted = false;
        try (Connection connection = dataSource.getConnection()) {
            try {
                feed(slice, connection, pacer, deadline);
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                end(slice, size, connection);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            return Instant.now(clock);
        }
        if (slice.writeFailure instanceof SQLException failure) {
            throw failure;
        }
        if (slice.writeFailure instanceof RuntimeException failure) {
            throw failure;
        }
        if (slice.connectionLost) {
            return Instant.now(clock).plus(settings.reconnectDelay());
        }
        return Instant.now(clock).isAfter(deadline) ? Instant.now(clock) : null;
    }

    /** Reads the pending rows page by page, composes each text and hands it over, until done or stopped. */
    private void feed(Slice slice, Connection connection, RatePacer pacer, Instant deadline)
            throws SQLException, InterruptedException {
        connection.setAutoCommit(true);
        long after = 0;
        long nextControl = System.nanoTime();
        pages:
        while (true) {
            List<PendingMessage> page =
                    LedgerRows.readPending(connection, deliveryId, after, PAGE, Instant.now(clock), batch.enrichment());
            if (page.isEmpty()) {
                break;
            }
            for (PendingMessage message : page) {
                after = message.recipientId();
                if (message.deleted()) {
                    slice.done.add(new Outcome(
                            message,
                            null,
                            LedgerResult.failed(message.recipientId(), LedgerReason.RECIPIENT_DELETED.format())));
                    continue;
                }
                SmsContent sms;
                try {
                    sms = batch.compose(message);
                } catch (RuntimeException e) {
                    slice.done.add(new Outcome(
                            message,
                            null,
                            LedgerResult.failed(message.recipientId(), LedgerReason.NOT_BUILT.format(e.getMessage()))));
                    continue;
                }
                pacer.await();
                // A permit of the crash bound (given back once the row is written), then a place in the window.
                if (!acquire(slice.unwritten, slice, connection)
                        || !acquire(slice.window, slice, connection)
                        || slice.writeFailure != null) {
                    break pages;
                }
                slice.work.add(new Submission(message, sms));
                if (System.nanoTime() - nextControl >= 0) {
                    nextControl = System.nanoTime() + settings.controlInterval().toNanos();
                    if (!LedgerRows.stillSending(connection, deliveryId)) {
                        break pages;
                    }
                }
                if (slice.connectionLost
                        || slice.writeFailure != null
                        || Instant.now(clock).isAfter(deadline)) {
                    break pages;
                }
            }
        }
    }

    /**
     * Waits for a permit, reading the delivery's status each control interval; false when the delivery stopped
     * sending or the writer failed.
     */
    private boolean acquire(Semaphore permits, Slice slice, Connection connection)
            throws InterruptedException, SQLException {
        while (!permits.tryAcquire(settings.controlInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            if (permits == slice.unwritten && !slice.writerStarted) {
                writeSome(slice, connection); // every thread of the executor is busy: no writer yet, write here
            }
            if (slice.writeFailure != null || !LedgerRows.stillSending(connection, deliveryId)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Ends the slice: the submitting tasks stop after the texts handed to them, and the writer after it wrote every
     * answer (it drains the queue once the submitting tasks are done).
     */
    private void end(Slice slice, int size, Connection connection) {
        for (int i = 0; i < size; i++) {
            slice.work.add(Submission.END);
        }
        boolean interrupted = false;
        try {
            // Every place of the window back: no submission is outstanding any more.
            slice.window.acquireUninterruptibly(size);
            slice.ending = true;
            while (!slice.writerEnded.await(100, TimeUnit.MILLISECONDS)) {
                if (!slice.writerStarted) { // it never got a thread: what is left is written here
                    writeSome(slice, connection);
                    if (slice.done.isEmpty() || slice.writeFailure != null) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How many SMS results are written to the ledger at a time: the larger of the window and the ledger batch. A
     * crash resends at most that many plus the window (the submissions in flight).
     */
    public static int writeEvery(int window, int batch) {
        return Math.max(window, batch);
    }

    /** One submitting task: takes texts until the slice is over, each answer to the writer. */
    private void submitAll(Slice slice) {
        while (true) {
            Submission next;
            try {
                next = slice.work.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == Submission.END) {
                return;
            }
            SmsAttempt attempt;
            try {
                attempt = gateway.submit(batch.sender(), next.message().address(), next.sms());
            } catch (RuntimeException e) {
                attempt = SmsAttempt.connectionFailed(String.valueOf(e));
            }
            if (attempt.kind() == SmtpOutcome.Kind.CONNECTION_FAILED) {
                slice.connectionLost = true;
            }
            slice.done.add(new Outcome(next.message(), attempt, null));
            slice.window.release();
        }
    }

    /**
     * The writer: commits whatever answers have come back since its last commit (up to {@value #WRITE_MAX} rows),
     * then gives their permits back; ends once the slice is ending and nothing is left.
     */
    private void writeAll(Slice slice) {
        slice.writerStarted = true;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            while (slice.writeFailure == null) {
                Outcome first = slice.done.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (slice.ending && slice.done.isEmpty()) {
                        return;
                    }
                    continue;
                }
                slice.writing.lock();
                try {
                    write(slice, connection, first);
                } finally {
                    slice.writing.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slice.writeFailure = e;
        } catch (SQLException | RuntimeException e) {
            slice.writeFailure = e;
        } finally {
            // A failed writer gives every permit back so that the reading thread is not held (it stops on the failure).
            if (slice.writeFailure != null) {
                slice.unwritten.release(Integer.MAX_VALUE / 2);
            }
            slice.writerEnded.countDown();
        }
    }

    /** Writes what has come back, if anything, on the reading thread's connection (when the writer has no thread). */
    private void writeSome(Slice slice, Connection connection) {
        Outcome first = slice.done.poll();
        if (first == null) {
            return;
        }
        slice.writing.lock();
        try {
            write(slice, connection, first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slice.writeFailure = e;
        } catch (SQLException | RuntimeException e) {
            slice.writeFailure = e;
        } finally {
            slice.writing.unlock();
        }
    }

    /** One commit: {@code first} and what else has come back (up to {@value #WRITE_MAX}); their permits given back. */
    private void write(Slice slice, Connection connection, Outcome first) throws SQLException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(first);
        slice.done.drainTo(outcomes, WRITE_MAX - 1);
        record(connection, outcomes);
        slice.unwritten.release(
                (int) outcomes.stream().filter(o -> o.attempt() != null).count());
    }

    /**
     * Writes SMS results to the ledger in one transaction. An answer that says the connection failed writes nothing
     * (that row stays pending and is sent again).
     */
    private void record(Connection connection, List<Outcome> outcomes) throws SQLException, InterruptedException {
        List<LedgerResult> rows = new ArrayList<>(outcomes.size());
        Instant now = Instant.now(clock);
        boolean accepted = false;
        for (Outcome outcome : outcomes) {
            if (outcome.known() != null) {
                rows.add(outcome.known());
                continue;
            }
            SmsAttempt attempt = outcome.attempt();
            meter.answered(true, attempt.kind());
            LedgerResult row = LedgerResult.of(
                    outcome.message(), attempt.kind(), attempt.reason(), attempt.messageId(), true, settings, now);
            if (row != null) {
                accepted |= row.kind() == LedgerResult.Kind.SENT;
                rows.add(row);
            }
        }
        ResultWrites.write(connection, dataSource, deliveryId, rows, clock, quarantined);
        meter.recorded(true, rows);
        if (accepted) {
            gateway.retryEarlyReceipts();
        }
    }
}
