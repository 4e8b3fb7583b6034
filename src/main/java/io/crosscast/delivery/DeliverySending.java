package io.crosscast.delivery;

import io.crosscast.delivery.internal.SmppGateway;
import io.crosscast.delivery.internal.SmsAttempt;
import io.crosscast.delivery.internal.SmsBatch;
import io.crosscast.delivery.internal.SmsBatchFactory;
import io.crosscast.delivery.sms.SmppSettings;
import io.crosscast.delivery.sms.SmsContent;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import io.crosscast.delivery.internal.EmailBatch;
import io.crosscast.delivery.internal.EmailBatchFactory;
import io.crosscast.delivery.internal.PendingMessage;
import io.crosscast.delivery.internal.SendSettings;
import io.crosscast.delivery.internal.SmtpOutcome;
import io.crosscast.delivery.internal.SmtpLink;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.sql.SqlValues;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Works through a delivery's send ledger, one slice at a time (called by the sending job, one at a time
 * per delivery). Pending rows are read in pages by recipient id, never all at once; each message goes
 * out on one reused SMTP connection and its row becomes SENT right after the server accepted it, in its
 * own statement (auto-commit, no long transaction). A crash between the two resends at most that one
 * message, under the same Message-ID; nobody is skipped. Permanent refusals fail the row (and quarantine
 * the address when the server refused the address itself); transient ones are retried later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliverySending {

    private static final Logger LOG = Logger.getLogger(DeliverySending.class.getName());
    private static final int PAGE = 200;

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    @Resource(lookup = "java:jboss/mail/Crosscast")
    private Session mailSession;

    @EJB
    private DeliveryService deliveries;

    @Inject
    private EmailBatchFactory batches;

    @Inject
    private SendSettings settings;

    @Inject
    private SmsBatchFactory smsBatches;

    @EJB
    private SmppGateway gateway;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private Event<DeliveryFinished> finished;

    private final Clock clock = Clock.systemUTC();

    /** Sends for at most the slice's time budget, then schedules the next slice or settles the delivery. */
    public void sendSlice(long deliveryId) {
        Optional<Delivery> found = deliveries.find(deliveryId);
        if (found.isEmpty() || found.get().getStatus() != DeliveryStatus.SENDING) {
            return;
        }
        Delivery delivery = found.get();
        Instant retryAt = null;
        try {
            retryAt = delivery.getChannel() == Channel.SMS ? sendSms(delivery) : send(delivery);
        } catch (SQLException e) {
            LOG.warning("Delivery " + deliveryId + ": the ledger could not be read or written (" + e.getMessage()
                    + "); trying again in " + settings.reconnectDelay().toSeconds() + " s");
            retryAt = Instant.now(clock).plus(settings.reconnectDelay());
        }
        if (deliveries.afterSlice(deliveryId, retryAt)) {
            Delivery done = deliveries.get(deliveryId);
            LOG.info("Delivery " + deliveryId + " '" + done.getLabel() + "' finished: " + deliveries.stats(deliveryId));
            finished.fire(new DeliveryFinished(deliveryId, done.getRunId(), done.getActivityId()));
        }
    }

    /** Returns when to go on if the slice stopped early (connection lost, time budget spent), else null. */
    private Instant send(Delivery delivery) throws SQLException {
        EmailBatch batch = batches.create(delivery);
        Instant deadline = Instant.now(clock).plus(settings.sliceBudget());
        Pacer pacer = new Pacer(settings.messagesPerSecond());
        try (Connection connection = dataSource.getConnection(); SmtpLink smtp = new SmtpLink(mailSession)) {
            connection.setAutoCommit(true);
            long after = 0;
            while (true) {
                List<PendingMessage> page = readPending(connection, delivery.getId(), after);
                if (page.isEmpty()) {
                    return null;
                }
                for (PendingMessage message : page) {
                    after = message.recipientId();
                    if (message.deleted()) {
                        fail(connection, delivery.getId(), message, LedgerReason.RECIPIENT_DELETED.format());
                        continue;
                    }
                    pacer.await();
                    String messageId = batch.messageId(message.recipientId());
                    MimeMessage mime;
                    try {
                        mime = batch.compose(mailSession, message, messageId);
                    } catch (MessagingException | IllegalArgumentException e) {
                        fail(connection, delivery.getId(), message, LedgerReason.NOT_BUILT.format(e.getMessage()));
                        continue;
                    }
                    SmtpOutcome outcome = smtp.send(mime);
                    switch (outcome.kind()) {
                        case ACCEPTED -> sent(connection, delivery.getId(), message, messageId);
                        case ADDRESS_REJECTED -> {
                            fail(connection, delivery.getId(), message, outcome.reason());
                            quarantine(connection, message, outcome.reason());
                        }
                        case REJECTED -> fail(connection, delivery.getId(), message, outcome.reason());
                        case DEFERRED -> deferOrFail(connection, delivery.getId(), message, outcome.reason());
                        case CONNECTION_FAILED -> {
                            LOG.warning("Delivery " + delivery.getId() + ": SMTP connection failed (" + outcome.reason()
                                    + "); going on in " + settings.reconnectDelay().toSeconds() + " s");
                            return Instant.now(clock).plus(settings.reconnectDelay());
                        }
                    }
                    if (Instant.now(clock).isAfter(deadline)) {
                        return Instant.now(clock);
                    }
                }
            }
        }
    }

    /**
     * The SMS side of a slice: submissions go out with a window of outstanding requests (jSMPP's submit
     * waits for its response, so the window is as many submitting tasks of the managed executor, started once
     * per slice); this thread reads the ledger, composes each text, hands it to them, and writes the results
     * back in batches of about a window's size. A lost connection stops new submissions, lets the outstanding
     * ones finish, and resumes later.
     */
    private Instant sendSms(Delivery delivery) throws SQLException {
        SmsBatch batch = smsBatches.create(delivery);
        SmppSettings smpp = SmppSettings.fromSystemProperties();
        Instant deadline = Instant.now(clock).plus(settings.sliceBudget());
        Pacer pacer = new Pacer(smpp.throughput());
        int size = Math.max(1, smpp.window());
        Semaphore window = new Semaphore(size);
        BlockingQueue<Submission> work = new LinkedBlockingQueue<>();
        BlockingQueue<Map.Entry<PendingMessage, SmsAttempt>> done = new LinkedBlockingQueue<>();
        for (int i = 0; i < size; i++) {
            executor.execute(() -> submitAll(batch.sender(), work, done, window));
        }
        boolean connectionLost = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            long after = 0;
            int outstanding = 0;
            long lastWrite = System.nanoTime();
            pages:
            while (true) {
                List<PendingMessage> page = readPending(connection, delivery.getId(), after);
                if (page.isEmpty()) {
                    break;
                }
                for (PendingMessage message : page) {
                    after = message.recipientId();
                    if (message.deleted()) {
                        fail(connection, delivery.getId(), message, LedgerReason.RECIPIENT_DELETED.format());
                        continue;
                    }
                    SmsContent sms;
                    try {
                        sms = batch.compose(message);
                    } catch (RuntimeException e) {
                        fail(connection, delivery.getId(), message, LedgerReason.NOT_BUILT.format(e.getMessage()));
                        continue;
                    }
                    pacer.await();
                    window.acquireUninterruptibly();
                    outstanding++;
                    work.add(new Submission(message, sms));
                    // Results go to the ledger a window's worth at a time (or every 100 ms when sending slowly):
                    // a crash before they are written resends at most those and the window's.
                    if (done.size() >= size || (!done.isEmpty() && System.nanoTime() - lastWrite > WRITE_EVERY_NANOS)) {
                        List<Map.Entry<PendingMessage, SmsAttempt>> results = new ArrayList<>(size);
                        done.drainTo(results);
                        outstanding -= results.size();
                        connectionLost |= record(connection, delivery.getId(), results);
                        lastWrite = System.nanoTime();
                    }
                    if (connectionLost || Instant.now(clock).isAfter(deadline)) {
                        break pages;
                    }
                }
            }
            while (outstanding > 0) {
                List<Map.Entry<PendingMessage, SmsAttempt>> results = new ArrayList<>();
                results.add(take(done));
                done.drainTo(results);
                outstanding -= results.size();
                connectionLost |= record(connection, delivery.getId(), results);
            }
            if (connectionLost) {
                LOG.warning("Delivery " + delivery.getId() + ": SMSC connection failed; going on in "
                        + settings.reconnectDelay().toSeconds() + " s");
                return Instant.now(clock).plus(settings.reconnectDelay());
            }
            return Instant.now(clock).isAfter(deadline) ? Instant.now(clock) : null;
        } finally {
            for (int i = 0; i < size; i++) {
                work.add(Submission.END);
            }
        }
    }

    private static final long WRITE_EVERY_NANOS = 100_000_000L;

    /** A text handed to a submitting task; {@link #END} tells it that the slice is over. */
    private record Submission(PendingMessage message, SmsContent sms) {
        static final Submission END = new Submission(null, null);
    }

    /** One submitting task: takes texts until the slice is over, each result into {@code done}. */
    private void submitAll(String sender, BlockingQueue<Submission> work,
            BlockingQueue<Map.Entry<PendingMessage, SmsAttempt>> done, Semaphore window) {
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
                done.add(Map.entry(next.message(), gateway.submit(sender, next.message().address(), next.sms())));
            } catch (RuntimeException e) {
                done.add(Map.entry(next.message(), SmsAttempt.connectionFailed(String.valueOf(e))));
            } finally {
                window.release();
            }
        }
    }

    private static Map.Entry<PendingMessage, SmsAttempt> take(BlockingQueue<Map.Entry<PendingMessage, SmsAttempt>> done) {
        try {
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for SMS submissions", e);
        }
    }

    /**
     * Writes SMS results to the ledger: the accepted ones in one transaction (they are back from the SMSC
     * already, so a crash before it commits resends no more than the window could anyway), the others one by
     * one. True when the connection was lost (those rows stay pending).
     */
    private boolean record(Connection connection, long deliveryId, List<Map.Entry<PendingMessage, SmsAttempt>> results)
            throws SQLException {
        boolean connectionLost = false;
        List<Map.Entry<PendingMessage, SmsAttempt>> accepted = new ArrayList<>(results.size());
        for (Map.Entry<PendingMessage, SmsAttempt> result : results) {
            if (result.getValue().kind() == SmtpOutcome.Kind.ACCEPTED) {
                accepted.add(result);
            } else {
                connectionLost |= record(connection, deliveryId, result.getKey(), result.getValue());
            }
        }
        if (!accepted.isEmpty()) {
            sent(connection, deliveryId, accepted);
            gateway.retryEarlyReceipts();
        }
        return connectionLost;
    }

    /** Writes one SMS result on its own (the accepted ones go in batches, above); true when the connection was lost. */
    private boolean record(Connection connection, long deliveryId, PendingMessage message, SmsAttempt attempt)
            throws SQLException {
        switch (attempt.kind()) {
            case ACCEPTED -> sent(connection, deliveryId, message, attempt.messageId());
            case ADDRESS_REJECTED -> {
                fail(connection, deliveryId, message, attempt.reason());
                update(connection, "UPDATE recipient SET sms_quarantined_at = ?, sms_quarantine_reason = ?,"
                        + " version = version + 1 WHERE id = ? AND sms_quarantined_at IS NULL",
                        SqlValues.timestamp(Instant.now(clock)), attempt.reason(), message.recipientId());
            }
            case REJECTED -> fail(connection, deliveryId, message, attempt.reason());
            case DEFERRED -> deferOrFail(connection, deliveryId, message, attempt.reason());
            case CONNECTION_FAILED -> {
                return true;
            }
        }
        return false;
    }

    private List<PendingMessage> readPending(Connection connection, long deliveryId, long after) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT dm.recipient_id, dm.address, dm.attempts, r.id, r.first_name, r.last_name, r.email,"
                + " r.mobile_phone, r.status, r.country, r.language, r.birth_date"
                + " FROM delivery_message dm LEFT JOIN recipient r ON r.id = dm.recipient_id"
                + " WHERE dm.delivery_id = ? AND dm.status = 'PENDING' AND dm.recipient_id > ?"
                + " AND (dm.next_attempt_at IS NULL OR dm.next_attempt_at <= ?)"
                // Ordered by the whole index (delivery_id, status, recipient_id), though the first two are
                // fixed: H2 then reads the page straight from the index; ordered by recipient_id alone it
                // read and sorted every pending row for each page (200 times slower at 150,000 rows).
                + " ORDER BY dm.delivery_id, dm.status, dm.recipient_id FETCH FIRST " + PAGE + " ROWS ONLY")) {
            select.setLong(1, deliveryId);
            select.setLong(2, after);
            select.setObject(3, SqlValues.timestamp(Instant.now(clock)));
            List<PendingMessage> page = new ArrayList<>(PAGE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    java.sql.Date birth = rows.getDate(12);
                    page.add(new PendingMessage(rows.getLong(1), rows.getString(2), rows.getInt(3),
                            rows.getObject(4) == null, rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                            birth == null ? null : birth.toLocalDate()));
                }
            }
            return page;
        }
    }

    private static final String SENT = "UPDATE delivery_message SET status = 'SENT', message_id = ?, sent_at = ?,"
            + " reason = NULL, next_attempt_at = NULL, attempts = attempts + 1, updated_at = ?"
            + " WHERE delivery_id = ? AND recipient_id = ? AND status = 'PENDING'";

    private void sent(Connection connection, long deliveryId, PendingMessage message, String messageId)
            throws SQLException {
        Object now = SqlValues.timestamp(Instant.now(clock));
        update(connection, SENT, messageId, now, now, deliveryId, message.recipientId());
    }

    /** Several accepted SMS in one transaction (the connection is in auto-commit mode again afterwards). */
    private void sent(Connection connection, long deliveryId, List<Map.Entry<PendingMessage, SmsAttempt>> accepted)
            throws SQLException {
        Object now = SqlValues.timestamp(Instant.now(clock));
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(SENT)) {
            for (Map.Entry<PendingMessage, SmsAttempt> result : accepted) {
                statement.setString(1, result.getValue().messageId());
                statement.setObject(2, now);
                statement.setObject(3, now);
                statement.setLong(4, deliveryId);
                statement.setLong(5, result.getKey().recipientId());
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void fail(Connection connection, long deliveryId, PendingMessage message, String reason)
            throws SQLException {
        update(connection, "UPDATE delivery_message SET status = 'FAILED', reason = ?, next_attempt_at = NULL,"
                + " attempts = attempts + 1, updated_at = ? WHERE delivery_id = ? AND recipient_id = ?"
                + " AND status = 'PENDING'",
                reason, SqlValues.timestamp(Instant.now(clock)), deliveryId, message.recipientId());
    }

    private void deferOrFail(Connection connection, long deliveryId, PendingMessage message, String reason)
            throws SQLException {
        int attempts = message.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            fail(connection, deliveryId, message, LedgerReason.GAVE_UP.format(attempts, reason));
            return;
        }
        Instant now = Instant.now(clock);
        update(connection, "UPDATE delivery_message SET reason = ?, next_attempt_at = ?, attempts = ?, updated_at = ?"
                + " WHERE delivery_id = ? AND recipient_id = ? AND status = 'PENDING'",
                reason, SqlValues.timestamp(now.plus(settings.retryDelay(attempts))), attempts,
                SqlValues.timestamp(now), deliveryId, message.recipientId());
    }

    private void quarantine(Connection connection, PendingMessage message, String reason) throws SQLException {
        update(connection, "UPDATE recipient SET email_quarantined_at = ?, email_quarantine_reason = ?,"
                + " version = version + 1 WHERE id = ? AND email_quarantined_at IS NULL",
                SqlValues.timestamp(Instant.now(clock)), reason, message.recipientId());
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Spaces messages out to honour a rate; no rate (0) never waits. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double perSecond) {
            this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        }

        void await() {
            if (intervalNanos == 0) {
                return;
            }
            long now = System.nanoTime();
            if (next > now) {
                LockSupport.parkNanos(next - now);
            }
            next = Math.max(next, now) + intervalNanos;
        }
    }
}
