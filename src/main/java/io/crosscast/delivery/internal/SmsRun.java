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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One slice of an SMS delivery, on the sending executor: submissions go out with a window of outstanding
 * requests (jSMPP's submit waits for its response, so the window is as many submitting tasks of the executor,
 * started once per slice); the slice's own thread reads the ledger, composes each text, hands it to them, and
 * writes the results back in batches (see {@link #writeEvery}). A lost connection stops new submissions, lets the
 * outstanding ones finish, and resumes later. A cancelled or paused delivery stops within the control interval.
 */
public final class SmsRun {

    private static final long WRITE_EVERY_NANOS = 100_000_000L;
    private static final int PAGE = 200;

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

    /** Sends for at most the slice's time budget; returns when to go on if it stopped early, else null. */
    public Instant run() throws SQLException {
        SmppSettings smpp = SmppSettings.fromSystemProperties();
        Instant deadline = Instant.now(clock).plus(settings.sliceBudget());
        RatePacer pacer = new RatePacer(smpp.throughput());
        int size = Math.max(1, smpp.window());
        int writeEvery = writeEvery(size, settings.batchSize());
        Semaphore window = new Semaphore(size);
        BlockingQueue<Submission> work = new LinkedBlockingQueue<>();
        BlockingQueue<Map.Entry<PendingMessage, SmsAttempt>> done = new LinkedBlockingQueue<>();
        for (int i = 0; i < size; i++) {
            executor.execute(() -> submitAll(work, done, window));
        }
        boolean connectionLost = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            long after = 0;
            int outstanding = 0;
            long lastWrite = System.nanoTime();
            long nextControl = System.nanoTime();
            List<LedgerResult> unsent = new ArrayList<>();
            pages:
            while (true) {
                List<PendingMessage> page = LedgerRows.readPending(
                        connection, deliveryId, after, PAGE, Instant.now(clock), batch.enrichment());
                if (page.isEmpty()) {
                    break;
                }
                for (PendingMessage message : page) {
                    after = message.recipientId();
                    if (message.deleted()) {
                        unsent.add(LedgerResult.failed(message.recipientId(), LedgerReason.RECIPIENT_DELETED.format()));
                        continue;
                    }
                    SmsContent sms;
                    try {
                        sms = batch.compose(message);
                    } catch (RuntimeException e) {
                        unsent.add(LedgerResult.failed(
                                message.recipientId(), LedgerReason.NOT_BUILT.format(e.getMessage())));
                        continue;
                    }
                    pacer.await();
                    while (!window.tryAcquire(settings.controlInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        if (!LedgerRows.stillSending(connection, deliveryId)) {
                            break pages;
                        }
                    }
                    outstanding++;
                    work.add(new Submission(message, sms));
                    // Results go to the ledger a batch at a time (the larger of the window and crosscast.sending.batch,
                    // or every 100 ms when sending slowly): a crash before they are written resends at most those and
                    // the window's.
                    if (done.size() >= writeEvery
                            || (!done.isEmpty() && System.nanoTime() - lastWrite > WRITE_EVERY_NANOS)) {
                        List<Map.Entry<PendingMessage, SmsAttempt>> results = new ArrayList<>(writeEvery);
                        done.drainTo(results);
                        outstanding -= results.size();
                        connectionLost |= record(connection, results, unsent);
                        lastWrite = System.nanoTime();
                    }
                    if (System.nanoTime() - nextControl >= 0) {
                        nextControl =
                                System.nanoTime() + settings.controlInterval().toNanos();
                        if (!LedgerRows.stillSending(connection, deliveryId)) {
                            break pages;
                        }
                    }
                    if (connectionLost || Instant.now(clock).isAfter(deadline)) {
                        break pages;
                    }
                }
            }
            while (outstanding > 0) {
                List<Map.Entry<PendingMessage, SmsAttempt>> results = new ArrayList<>();
                results.add(done.take());
                done.drainTo(results);
                outstanding -= results.size();
                connectionLost |= record(connection, results, unsent);
            }
            ResultWrites.write(connection, dataSource, deliveryId, unsent, clock, quarantined);
            meter.recorded(true, unsent);
            if (connectionLost) {
                return Instant.now(clock).plus(settings.reconnectDelay());
            }
            return Instant.now(clock).isAfter(deadline) ? Instant.now(clock) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Instant.now(clock);
        } finally {
            for (int i = 0; i < size; i++) {
                work.add(Submission.END);
            }
        }
    }

    /**
     * How many SMS results are written to the ledger at a time: the larger of the window and the ledger batch. A
     * crash resends at most that many plus the window (the submissions in flight).
     */
    public static int writeEvery(int window, int batch) {
        return Math.max(window, batch);
    }

    /** One submitting task: takes texts until the slice is over, each result into {@code done}. */
    private void submitAll(
            BlockingQueue<Submission> work,
            BlockingQueue<Map.Entry<PendingMessage, SmsAttempt>> done,
            Semaphore window) {
        while (true) {
            Submission next;
            try {
                next = work.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == Submission.END) {
                return;
            }
            try {
                done.add(Map.entry(
                        next.message(),
                        gateway.submit(batch.sender(), next.message().address(), next.sms())));
            } catch (RuntimeException e) {
                done.add(Map.entry(next.message(), SmsAttempt.connectionFailed(String.valueOf(e))));
            } finally {
                window.release();
            }
        }
    }

    /**
     * Writes SMS results to the ledger in one transaction, with the failures gathered since the last write (they
     * are back from the SMSC already, so a crash before it commits resends no more than the window could anyway).
     * True when the connection was lost (those rows stay pending).
     */
    private boolean record(
            Connection connection, List<Map.Entry<PendingMessage, SmsAttempt>> results, List<LedgerResult> unsent)
            throws SQLException, InterruptedException {
        boolean connectionLost = false;
        List<LedgerResult> rows = new ArrayList<>(results.size() + unsent.size());
        rows.addAll(unsent);
        unsent.clear();
        Instant now = Instant.now(clock);
        boolean accepted = false;
        for (Map.Entry<PendingMessage, SmsAttempt> result : results) {
            SmsAttempt attempt = result.getValue();
            meter.answered(true, attempt.kind());
            LedgerResult row = LedgerResult.of(
                    result.getKey(), attempt.kind(), attempt.reason(), attempt.messageId(), true, settings, now);
            if (row == null) {
                connectionLost = true;
            } else {
                accepted |= row.kind() == LedgerResult.Kind.SENT;
                rows.add(row);
            }
        }
        ResultWrites.write(connection, dataSource, deliveryId, rows, clock, quarantined);
        meter.recorded(true, rows);
        if (accepted) {
            gateway.retryEarlyReceipts();
        }
        return connectionLost;
    }
}
