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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One slice of an SMS delivery, on the sending executor: as many submitting tasks as the SMSC's window (jSMPP's
 * submit waits for its response), each taking the next pending row from a cursor they share (one read of the ledger
 * per page of rows), composing its text and submitting it; the slice's own thread writes the answers back, whatever
 * has come back since its last commit, and watches the delivery's status and the slice's time. At most
 * {@link #writeEvery} + window texts are submitted and not written at any time (the crash bound): a task takes a
 * permit before it submits and the writer gives the permits back once their rows are committed. A lost connection
 * stops new submissions, lets the outstanding ones finish, and resumes later. A cancelled or paused delivery stops
 * within the control interval.
 */
public final class SmsRun {

    private static final int PAGE = 200;
    /** Rows one commit takes at most. */
    private static final int WRITE_MAX = 1_000;

    private final long deliveryId;
    private final SmsBatch batch;
    private final DataSource dataSource;
    private final ManagedExecutorService executor;
    private final SmppGateway gateway;
    private final Runnable retryEarlyReceipts;
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
        this.retryEarlyReceipts = gateway.earlyReceiptRetry();
        this.settings = settings;
        this.meter = meter;
    }

    /**
     * What the writer gets: an SMSC's answer to a submitted text (it holds a permit), or a result known without
     * submitting (a deleted recipient, a text that could not be built).
     */
    private record Outcome(PendingMessage message, SmsAttempt attempt, LedgerResult known) {}

    /** The slice's state shared by its submitting tasks and its writer. */
    private final class Slice {
        final BlockingQueue<Outcome> done = new LinkedBlockingQueue<>();
        final Semaphore unwritten;
        final CountDownLatch submitters;
        final Connection reading;
        final RatePacer pacer;
        final SmppGateway.Submitter submitter = gateway.submitter();
        private final ArrayDeque<PendingMessage> page = new ArrayDeque<>(PAGE);
        private long after;
        private boolean exhausted;
        volatile boolean stopped;
        volatile boolean connectionLost;
        volatile Exception failure;

        Slice(int window, int unwritten, Connection reading, RatePacer pacer) {
            this.unwritten = new Semaphore(unwritten);
            this.submitters = new CountDownLatch(window);
            this.reading = reading;
            this.pacer = pacer;
        }

        /** The next pending row, a page read from the ledger when the last is used up; null when none is left. */
        synchronized PendingMessage next() throws SQLException {
            if (page.isEmpty() && !exhausted && !stopped) {
                List<PendingMessage> read = LedgerRows.readPending(
                        reading, deliveryId, after, PAGE, Instant.now(clock), batch.enrichment());
                exhausted = read.isEmpty();
                page.addAll(read);
                if (!read.isEmpty()) {
                    after = read.get(read.size() - 1).recipientId();
                }
            }
            return stopped ? null : page.poll();
        }

        void fail(Exception e) {
            if (failure == null) {
                failure = e;
            }
            stopped = true;
        }
    }

    /** Sends for at most the slice's time budget; returns when to go on if it stopped early, else null. */
    public Instant run() throws SQLException {
        SmppSettings smpp = SmppSettings.fromSystemProperties();
        Instant deadline = Instant.now(clock).plus(settings.sliceBudget());
        int size = Math.max(1, smpp.window());
        try (Connection reading = dataSource.getConnection();
                Connection writing = dataSource.getConnection()) {
            reading.setAutoCommit(true);
            writing.setAutoCommit(true);
            Slice slice = new Slice(
                    size, writeEvery(size, settings.batchSize()) + size, reading, new RatePacer(smpp.throughput()));
            for (int i = 0; i < size; i++) {
                executor.execute(() -> submitAll(slice));
            }
            boolean interrupted = false;
            try {
                writeAll(slice, writing, deadline);
            } catch (InterruptedException e) {
                interrupted = true;
                slice.stopped = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                return Instant.now(clock);
            }
            if (slice.failure instanceof SQLException failure) {
                throw failure;
            }
            if (slice.failure instanceof RuntimeException failure) {
                throw failure;
            }
            if (slice.connectionLost) {
                return Instant.now(clock).plus(settings.reconnectDelay());
            }
            return Instant.now(clock).isAfter(deadline) ? Instant.now(clock) : null;
        }
    }

    /**
     * The slice's own thread: writes the answers as they come back (each commit takes what gathered since the last),
     * stops the slice when the delivery is no longer sending, its time is up or the connection was lost, and returns
     * once every submitting task ended and every answer is written.
     */
    private void writeAll(Slice slice, Connection connection, Instant deadline) throws InterruptedException {
        long nextControl = System.nanoTime() + settings.controlInterval().toNanos();
        while (true) {
            Outcome first = slice.done.poll(20, TimeUnit.MILLISECONDS);
            if (first != null && slice.failure == null) {
                try {
                    write(slice, connection, first);
                } catch (SQLException | RuntimeException e) {
                    slice.fail(e);
                    // Nothing more is written: what was answered stays PENDING and is sent again (within the bound).
                    slice.unwritten.release(Integer.MAX_VALUE / 2);
                }
            }
            if (!slice.stopped && System.nanoTime() - nextControl >= 0) {
                nextControl = System.nanoTime() + settings.controlInterval().toNanos();
                try {
                    if (!LedgerRows.stillSending(connection, deliveryId)
                            || Instant.now(clock).isAfter(deadline)) {
                        slice.stopped = true;
                    }
                } catch (SQLException e) {
                    slice.fail(e);
                }
            }
            if (slice.submitters.getCount() == 0 && slice.done.isEmpty()) {
                return;
            }
        }
    }

    /**
     * One submitting task: takes the next row, composes its text and submits it (a permit of the crash bound first),
     * until none is left or the slice stops. Each answer goes to the writer.
     */
    private void submitAll(Slice slice) {
        try {
            while (!slice.stopped) {
                PendingMessage message = slice.next();
                if (message == null) {
                    return;
                }
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
                slice.pacer.await();
                while (!slice.unwritten.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    if (slice.stopped) {
                        return; // not submitted: the row stays pending
                    }
                }
                if (slice.stopped) {
                    slice.unwritten.release();
                    return;
                }
                SmsAttempt attempt;
                try {
                    attempt = slice.submitter.submit(batch.sender(), message.address(), sms);
                } catch (RuntimeException e) {
                    attempt = SmsAttempt.connectionFailed(String.valueOf(e));
                }
                if (attempt.kind() == SmtpOutcome.Kind.CONNECTION_FAILED) {
                    slice.connectionLost = true;
                    slice.stopped = true;
                }
                slice.done.add(new Outcome(message, attempt, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slice.stopped = true;
        } catch (SQLException | RuntimeException e) {
            slice.fail(e);
        } finally {
            slice.submitters.countDown();
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
     * How many SMS results are written to the ledger at a time: the larger of the window and the ledger batch. A
     * crash resends at most that many plus the window (the submissions in flight).
     */
    public static int writeEvery(int window, int batch) {
        return Math.max(window, batch);
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
            retryEarlyReceipts.run();
        }
    }
}
