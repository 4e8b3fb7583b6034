package io.crosscast.delivery.internal;

import io.crosscast.delivery.LedgerReason;
import io.crosscast.delivery.RecipientsQuarantined;
import io.crosscast.platform.DatabaseVendor;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One email delivery being sent by this server: up to {@link SendSettings#connections()} workers on the sending
 * executor, each with its own SMTP connection (one of the server's {@link SendSettings#maxConnections()}), each
 * claiming a batch of ledger rows, sending them one after the other over its connection and writing their results
 * in one transaction. The first worker waits for a free connection; more join as long as connections are free and
 * rows are left. A crash resends at most the messages of the batches in flight (workers x batch), each under its
 * own Message-ID, and skips nobody (unwritten rows stay PENDING; this server's claims are released when it starts).
 *
 * <p>Every {@link SendSettings#controlInterval()} one worker reads the delivery's status: once it is no longer
 * SENDING (cancelled, paused), every worker finishes the message in hand, writes its batch and gives back the rows
 * it had not tried. When the last worker ends, {@code onEnd} runs (settling the delivery or scheduling what next).
 */
public final class EmailRun {

    private static final Logger LOG = Logger.getLogger(EmailRun.class.getName());
    private static final long WAIT_SLICE_MILLIS = 200;

    private final long deliveryId;
    private final Messages batch;
    private final Dependencies with;
    private final Consumer<EmailRun> onEnd;
    private final RatePacer deliveryRate;
    private final Clock clock = Clock.systemUTC();

    private final ReentrantLock claims = new ReentrantLock();
    private final AtomicLong cursor = new AtomicLong();
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicLong nextControl = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;
    private volatile boolean exhausted;
    private volatile Instant retryAt;

    /** What a run needs of the server. */
    public record Dependencies(
            DataSource dataSource,
            DatabaseVendor vendor,
            Session mail,
            Executor executor,
            SendingLimits limits,
            SendSettings settings,
            String node,
            SendMeter meter,
            Consumer<RecipientsQuarantined> quarantined) {}

    public EmailRun(long deliveryId, Messages batch, Dependencies with, Consumer<EmailRun> onEnd) {
        this.deliveryId = deliveryId;
        this.batch = batch;
        this.with = with;
        this.onEnd = onEnd;
        this.deliveryRate = new RatePacer(with.settings().messagesPerSecond());
        this.nextControl.set(System.nanoTime());
    }

    /** The messages of a delivery: {@link EmailBatch} (an interface, so that a test can send simpler ones). */
    public interface Messages {
        String messageId(long recipientId);

        MimeMessage compose(Session session, PendingMessage message, String messageId) throws MessagingException;

        /** The values of the delivery's workflow run its templates use, read with each claimed batch. */
        default EnrichmentJoin enrichment() {
            return EnrichmentJoin.NONE;
        }
    }

    public long deliveryId() {
        return deliveryId;
    }

    /** When to go on if the run stopped because the SMTP server could not be reached, else null. */
    public Instant retryAt() {
        return retryAt;
    }

    /** Messages accepted by the SMTP server in this run. */
    public long sentCount() {
        return sent.get();
    }

    /** Starts the first worker (it waits for a free connection). */
    public void start() {
        workers.incrementAndGet();
        submit(false);
    }

    private void submit(boolean holdsConnection) {
        try {
            with.executor().execute(() -> work(holdsConnection));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery " + deliveryId + ": cannot start a sending worker", e);
            if (holdsConnection) {
                with.limits().releaseConnection();
            }
            workerEnded();
        }
    }

    /** Adds a worker when this run has fewer than its connections, rows are left and a connection is free. */
    private void grow() {
        while (!stopped && !exhausted) {
            int current = workers.get();
            if (current >= with.settings().connections()) {
                return;
            }
            if (!with.limits().tryConnection()) {
                return;
            }
            if (workers.compareAndSet(current, current + 1)) {
                submit(true);
            } else {
                with.limits().releaseConnection();
            }
        }
    }

    private void work(boolean holdsConnection) {
        boolean holding = holdsConnection;
        try (SmtpLink smtp = new SmtpLink(with.mail())) {
            while (!holding && !stopped()) {
                holding = with.limits().connection(WAIT_SLICE_MILLIS);
            }
            if (holding && !stopped()) {
                // One database connection for the worker's claims and writes (a connection taken from the pool for
                // each is checked with a query first: a round trip more per batch).
                try (Connection db = with.dataSource().getConnection()) {
                    while (holding && !stopped()) {
                        List<PendingMessage> claimed = claim(db);
                        if (claimed.isEmpty()) {
                            exhausted = true;
                            break;
                        }
                        grow();
                        if (!sendBatch(db, smtp, claimed)) {
                            break;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Delivery " + deliveryId + ": a sending worker stopped (" + e + "); going on in "
                            + with.settings().reconnectDelay().toSeconds() + " s",
                    e);
            retryLater();
        } finally {
            if (holding) {
                with.limits().releaseConnection();
            }
            workerEnded();
        }
    }

    private void workerEnded() {
        if (workers.decrementAndGet() == 0) {
            onEnd.accept(this);
        }
    }

    /**
     * The next batch of this delivery's rows for this server, from a cursor the run's workers share, in one pass
     * over the ledger (rows that come due meanwhile, or were given back, are for the next run, which starts once
     * this one has ended). On PostgreSQL workers claim at the same time (the rows one claim locks, the others skip);
     * on H2, where a claim only reads, one at a time.
     */
    private List<PendingMessage> claim(Connection connection) throws SQLException {
        boolean serial = with.vendor() != DatabaseVendor.POSTGRESQL;
        if (serial) {
            claims.lock();
        }
        try {
            Instant now = Instant.now(clock);
            List<PendingMessage> rows = LedgerRows.claim(
                    connection,
                    with.vendor(),
                    deliveryId,
                    cursor.get(),
                    with.settings().batchSize(),
                    with.node(),
                    now,
                    now.plus(with.settings().claimLease()),
                    batch.enrichment());
            if (!rows.isEmpty()) {
                cursor.accumulateAndGet(rows.get(rows.size() - 1).recipientId(), Math::max);
            }
            return rows;
        } finally {
            if (serial) {
                claims.unlock();
            }
        }
    }

    /**
     * Sends a claimed batch over one connection and writes its results; rows not tried (stopped, or the
     * connection lost) are given back. Where claims are marked (PostgreSQL), the claims on the rows not sent yet are
     * renewed each third of the lease, and a row another node took meanwhile (the lease had run out) is left to it.
     * Returns whether the worker may go on.
     */
    private boolean sendBatch(Connection db, SmtpLink smtp, List<PendingMessage> claimed)
            throws SQLException, InterruptedException {
        List<LedgerResult> results = new ArrayList<>(claimed.size());
        Lease lease =
                new Lease(LedgerRows.marksClaims(with.vendor()), with.settings().claimLease());
        boolean goOn = true;
        AtomicBoolean connectionLost = new AtomicBoolean();
        int next = 0;
        try {
            for (; next < claimed.size(); next++) {
                PendingMessage message = claimed.get(next);
                if (goOn && !stopped() && lease.due()) {
                    List<Long> rest = claimed.subList(next, claimed.size()).stream()
                            .map(PendingMessage::recipientId)
                            .toList();
                    lease.renewed(
                            rest,
                            LedgerRows.renewClaims(
                                    db,
                                    with.vendor(),
                                    deliveryId,
                                    with.node(),
                                    rest,
                                    Instant.now(clock).plus(with.settings().claimLease())));
                }
                if (lease.lost(message.recipientId())) {
                    continue; // another node holds it now: no result from this one
                }
                if (!goOn || connectionLost.get() || stopped()) {
                    goOn = false;
                    results.add(LedgerResult.released(message.recipientId()));
                    continue;
                }
                if (!sendOne(smtp, message, result -> {
                    if (result.kind() == LedgerResult.Kind.RELEASED) {
                        connectionLost.set(true);
                    }
                    results.add(result);
                })) {
                    goOn = false;
                    results.add(LedgerResult.released(message.recipientId()));
                }
            }
        } finally {
            smtp.finish(); // the answer to the last message handed over
            for (; next < claimed.size(); next++) {
                if (!lease.lost(claimed.get(next).recipientId())) {
                    results.add(LedgerResult.released(claimed.get(next).recipientId()));
                }
            }
            recordResults(db, results);
        }
        return goOn && !connectionLost.get();
    }

    private void recordResults(Connection db, List<LedgerResult> results) throws SQLException, InterruptedException {
        ResultWrites.write(db, with.dataSource(), deliveryId, results, clock, with.quarantined());
        with.meter().recorded(false, results);
    }

    /**
     * Hands one message over; {@code result} hears of it now or when its answer comes (a pipelined message's comes
     * with the next one's, the last one's in {@link SmtpLink#finish()}): a released row when the connection failed.
     * False when it could not be tried (stopped while waiting for its domain).
     */
    private boolean sendOne(SmtpLink smtp, PendingMessage message, Consumer<LedgerResult> result)
            throws InterruptedException {
        if (message.deleted()) {
            result.accept(LedgerResult.failed(message.recipientId(), LedgerReason.RECIPIENT_DELETED.format()));
            return true;
        }
        String messageId = batch.messageId(message.recipientId());
        MimeMessage mime;
        try {
            mime = batch.compose(with.mail(), message, messageId);
        } catch (MessagingException | IllegalArgumentException e) {
            result.accept(LedgerResult.failed(message.recipientId(), LedgerReason.NOT_BUILT.format(e.getMessage())));
            return true;
        }
        SendingLimits.DomainPermit domain = null;
        while (domain == null) {
            if (stopped()) {
                return false;
            }
            domain = with.limits().domain(message.address(), WAIT_SLICE_MILLIS);
        }
        try {
            deliveryRate.await();
            with.limits().pace();
            smtp.send(mime, outcome -> result.accept(resultOf(message, messageId, outcome)));
            return true;
        } finally {
            domain.release();
        }
    }

    private LedgerResult resultOf(PendingMessage message, String messageId, SmtpOutcome outcome) {
        with.meter().answered(false, outcome.kind());
        LedgerResult result = LedgerResult.of(
                message, outcome.kind(), outcome.reason(), messageId, false, with.settings(), Instant.now(clock));
        if (result == null) {
            LOG.warning("Delivery " + deliveryId + ": SMTP connection failed (" + outcome.reason() + "); going on in "
                    + with.settings().reconnectDelay().toSeconds() + " s");
            retryLater();
            return LedgerResult.released(message.recipientId());
        }
        if (result.kind() == LedgerResult.Kind.SENT) {
            sent.incrementAndGet();
        }
        return result;
    }

    /** The SMTP server could not be reached: this run stops and the delivery goes on after the reconnect delay. */
    private void retryLater() {
        retryAt = Instant.now(clock).plus(with.settings().reconnectDelay());
        stopped = true;
    }

    /**
     * Whether the run should stop: already known, or (looked up at most every control interval, by one worker
     * at a time) the delivery is no longer SENDING.
     */
    private boolean stopped() {
        if (stopped) {
            return true;
        }
        long now = System.nanoTime();
        long due = nextControl.get();
        if (now - due >= 0
                && nextControl.compareAndSet(
                        due, now + with.settings().controlInterval().toNanos())) {
            if (!stillSending()) {
                stopped = true;
            }
        }
        return stopped;
    }

    private boolean stillSending() {
        try (Connection connection = with.dataSource().getConnection()) {
            return LedgerRows.stillSending(connection, deliveryId);
        } catch (SQLException e) {
            LOG.fine(() -> "Delivery " + deliveryId + ": status not read (" + e.getMessage() + "); going on");
            return true;
        }
    }
}
