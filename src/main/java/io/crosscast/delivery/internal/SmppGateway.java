package io.crosscast.delivery.internal;

import io.crosscast.audience.RecipientMarks;
import io.crosscast.delivery.LedgerReason;
import io.crosscast.delivery.sms.Gsm7;
import io.crosscast.delivery.sms.SmppSettings;
import io.crosscast.delivery.sms.SmppTimeouts;
import io.crosscast.delivery.sms.SmsContent;
import io.crosscast.platform.Datasources;
import io.crosscast.platform.sql.SqlValues;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * The application's one SMPP connection (a transceiver bind, settings from {@link SmppSettings}), bound on
 * first use and reused by every SMS delivery; when it breaks, the next submission binds again. Delivery
 * receipts coming back on it move ledger rows from SENT to DELIVERED or UNDELIVERED (matched by the SMSC's
 * message id); a reply STOP (or ARRET, UNSUBSCRIBE) from a number sets the SMS opt-out of the recipients
 * with that number. Thread-safe: jSMPP sessions take concurrent submissions (the sending keeps a window of
 * them outstanding).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmppGateway {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class.getName());

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    private final Object binding = new Object();
    private final ReceiptWriter receipts =
            new ReceiptWriter(this::writeReceipts, Clock.systemUTC(), Duration.ofMinutes(1));
    private volatile SMPPSession session;

    /** Submits one SMS, as {@link #submit}, without going through this EJB's interceptors at each call. */
    public interface Submitter {
        SmsAttempt submit(String sender, String destination, SmsContent content);
    }

    /**
     * This gateway's {@link #submit} for the sending's hot path: called once per slice through the EJB, the
     * submitter then calls this instance directly (the interceptors of an EJB call, security and transaction
     * context, cost about as much as the submission itself; this singleton manages its own concurrency).
     */
    public Submitter submitter() {
        return this::submit;
    }

    /** Submits one SMS; never throws for a refused message. */
    public SmsAttempt submit(String sender, String destination, SmsContent content) {
        SMPPSession bound;
        try {
            bound = session();
        } catch (IOException e) {
            return SmsAttempt.connectionFailed("SMSC unreachable: " + e.getMessage());
        }
        boolean alphanumeric = !sender.matches("\\+?\\d{1,15}");
        byte[] payload = content.payload();
        boolean single = content.parts() <= 1;
        try {
            String id = bound.submitShortMessage(
                            "",
                            alphanumeric ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.INTERNATIONAL,
                            alphanumeric ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN,
                            alphanumeric ? sender : sender.replace("+", ""),
                            TypeOfNumber.INTERNATIONAL,
                            NumberingPlanIndicator.ISDN,
                            destination.replace("+", ""),
                            new ESMClass(),
                            (byte) 0,
                            (byte) 1,
                            null,
                            null,
                            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                            (byte) 0,
                            DataCodings.newInstance(content.dataCoding()),
                            (byte) 0,
                            single ? payload : new byte[0],
                            single
                                    ? new OptionalParameter[0]
                                    : new OptionalParameter[] {
                                        new OptionalParameter.OctetString(
                                                OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), payload)
                                    })
                    .getMessageId();
            return SmsAttempt.accepted(id);
        } catch (NegativeResponseException e) {
            return SmsAttempt.refused(e.getCommandStatus(), LedgerReason.SMSC_REFUSED.format(e.getMessage()));
        } catch (ResponseTimeoutException | InvalidResponseException | PDUException | IOException e) {
            drop(bound);
            return SmsAttempt.connectionFailed("SMSC connection failed: " + e.getMessage());
        }
    }

    private SMPPSession session() throws IOException {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        synchronized (binding) {
            if (session != null && session.getSessionState().isBound()) {
                return session;
            }
            drop(session);
            SmppSettings settings = SmppSettings.fromSystemProperties();
            SmppTimeouts timeouts = SmppTimeouts.fromSystemProperties();
            SMPPSession fresh = new SMPPSession(new TimedConnections(timeouts.connectMillis()));
            fresh.setEnquireLinkTimer(timeouts.enquireLinkMillis());
            fresh.setTransactionTimer(timeouts.responseMillis());
            fresh.setMessageReceiverListener(new Receiver());
            fresh.connectAndBind(
                    settings.host(),
                    settings.port(),
                    new BindParameter(
                            BindType.BIND_TRX,
                            settings.systemId(),
                            settings.password(),
                            settings.systemType(),
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            null),
                    timeouts.responseMillis());
            LOG.info("SMPP: bound as " + settings.systemId() + " to " + settings.host() + ":" + settings.port());
            session = fresh;
            return fresh;
        }
    }

    private void drop(SMPPSession broken) {
        if (broken == null) {
            return;
        }
        synchronized (binding) {
            if (session == broken) {
                session = null;
            }
        }
        try {
            broken.unbindAndClose();
        } catch (RuntimeException e) {
            LOG.fine(() -> "SMPP: closing a broken session: " + e);
        }
    }

    @PreDestroy
    void close() {
        drop(session);
    }

    /**
     * Tries again the receipts that came before their ledger row was SENT; the sending calls it after
     * writing submission results.
     */
    public void retryEarlyReceipts() {
        receipts.retryUnmatched();
    }

    /**
     * {@link #retryEarlyReceipts} for the sending's hot path, which calls it after every write of submission
     * results: taken once through the EJB, then called directly (its interceptors cost more than the call when no
     * receipt waits, as most of the time; this singleton manages its own concurrency).
     */
    public Runnable earlyReceiptRetry() {
        return receipts::retryUnmatched;
    }

    /** Receipts: the ledger rows of those SMSC message ids become DELIVERED or UNDELIVERED, in one transaction. */
    private boolean[] writeReceipts(List<ReceiptWriter.Receipt> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement =
                    connection.prepareStatement("UPDATE delivery_message SET status = ?, reason = ?, updated_at = ?"
                            + " WHERE message_id = ? AND status IN ('SENT', 'DELIVERED', 'UNDELIVERED')")) {
                for (ReceiptWriter.Receipt receipt : batch) {
                    statement.setString(1, receipt.delivered() ? "DELIVERED" : "UNDELIVERED");
                    statement.setString(2, receipt.delivered() ? null : receipt.detail());
                    statement.setObject(3, SqlValues.timestamp(receipt.received()));
                    statement.setString(4, receipt.messageId());
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                connection.commit();
                boolean[] matched = new boolean[batch.size()];
                for (int i = 0; i < matched.length; i++) {
                    matched[i] = counts[i] > 0 || counts[i] == Statement.SUCCESS_NO_INFO;
                }
                return matched;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** A reply: STOP opts the number out. */
    void reply(String from, String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!(word.equals("STOP")
                || word.startsWith("STOP ")
                || word.equals("ARRET")
                || word.equals("ARRÊT")
                || word.equals("UNSUBSCRIBE"))) {
            LOG.info("SMPP: reply from " + from + " ignored: " + text);
            return;
        }
        String number = from.startsWith("+") ? from : "+" + from;
        int changed;
        try (Connection connection = dataSource.getConnection()) {
            changed = RecipientMarks.optOutOfSms(connection, number, Instant.now());
        } catch (SQLException e) {
            LOG.warning("SMPP: could not record the STOP from " + number + ": " + e.getMessage());
            return;
        }
        LOG.info("SMPP: STOP from " + number + ": " + changed + " recipient(s) opted out of SMS");
    }

    /** What the SMSC sends back on the session: receipts and replies. */
    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            if (deliverSm.isSmscDeliveryReceipt()) {
                try {
                    DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                    boolean delivered = receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD;
                    receipts.add(receipt.getId(), delivered, receipt.getFinalStatus() + " err:" + receipt.getError());
                } catch (Exception e) {
                    LOG.warning("SMPP: unreadable delivery receipt: " + e.getMessage());
                }
                return;
            }
            byte[] raw = deliverSm.getShortMessage();
            String text =
                    deliverSm.getDataCoding() == 8 ? new String(raw, StandardCharsets.UTF_16BE) : Gsm7.decode(raw);
            reply(deliverSm.getSourceAddr(), text);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not used
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
            return null;
        }
    }
}
