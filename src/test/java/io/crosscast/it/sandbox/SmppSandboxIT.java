package io.crosscast.it.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.sms.SmppSettings;
import io.crosscast.delivery.sms.SmsContent;
import io.crosscast.delivery.sms.SmsEncoding;
import io.crosscast.delivery.sms.SmsSegments;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.sandbox.OutboxSms;
import io.crosscast.sandbox.SandboxStatus;
import io.crosscast.sandbox.SmppSandbox;
import io.crosscast.sandbox.SmsOutboxService;
import io.crosscast.sandbox.SmsReceipt;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test server runs the SMPP sandbox (src/build/wildfly/it-sandbox.cli: port 2875, where the SMPP client's
 * crosscast.smpp.* settings point): a jSMPP transceiver, as an SMPP client would, submits a GSM-7 message and a
 * long UCS-2 one in three concatenated parts; both show up decoded in the SMS outbox, their delivery receipts
 * come back, and a simulated STOP reply reaches the session.
 */
@ExtendWith(ArquillianExtension.class)
class SmppSandboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A system id of its own: replies go to one session per system id, the application's may be bound too. */
    private static final String SYSTEM_ID = "smpp-it";

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private SmsOutboxService outbox;

    @EJB
    private SmppSandbox sandbox;

    @Test
    void theSandboxListensWhereTheClientSettingsPoint() {
        SandboxStatus status = outbox.status();
        assertTrue(status.enabled(), "crosscast.sandbox is not true on the test server: " + status);
        assertTrue(status.running(), "the SMPP sandbox did not start: " + status);
        assertEquals(Integer.getInteger("crosscast.sandbox.smpp.port"), status.port());
        SmppSettings client = SmppSettings.fromSystemProperties();
        assertEquals(status.port(), client.port(), "crosscast.smpp.port does not point at the sandbox");
        assertEquals(status.host(), client.host());
    }

    @Test
    void messagesAreStoredDecodedAndAcknowledgedAndRepliesArrive() throws Exception {
        String token = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        Receiver receiver = new Receiver();
        SMPPSession session = bind(receiver);
        try {
            String gsm = "Bonjour Zoé, -20% ce week-end {promo} 5€ @home " + token;
            SmsContent gsmContent = SmsContent.of(gsm);
            assertEquals(SmsEncoding.GSM7, gsmContent.encoding());
            assertEquals(1, gsmContent.parts());
            String gsmId = submit(
                    session,
                    "336" + token + "01",
                    gsmContent.dataCoding(),
                    gsmContent.esmClass(),
                    gsmContent.segments(0).get(0));

            String ucs2 = "Françoise, votre cadeau 🎁 vous attend " + token + " : " + "ça vaut le détour ! ".repeat(7);
            SmsContent ucs2Content = SmsContent.of(ucs2);
            assertEquals(SmsEncoding.UCS2, ucs2Content.encoding());
            assertEquals(3, ucs2Content.parts());
            List<byte[]> segments =
                    ucs2Content.segments(ThreadLocalRandom.current().nextInt(256));
            List<String> ucs2Ids = new ArrayList<>();
            for (byte[] segment : segments) {
                assertEquals(SmsSegments.ESM_CLASS_UDHI, ucs2Content.esmClass());
                ucs2Ids.add(submit(
                        session, "336" + token + "02", ucs2Content.dataCoding(), ucs2Content.esmClass(), segment));
            }

            assertTrue(
                    Polling.eventually(
                            PATIENCE,
                            () -> stored(gsm).isPresent() && stored(ucs2).isPresent()),
                    "the two messages did not reach the SMS outbox within " + PATIENCE);
            OutboxSms gsmStored = stored(gsm).orElseThrow();
            assertEquals("+336" + token + "01", gsmStored.to());
            assertEquals("Crosscast", gsmStored.from());
            assertEquals(SYSTEM_ID, gsmStored.systemId());
            assertEquals("GSM-7", gsmStored.encoding());
            assertEquals(1, gsmStored.parts());
            assertEquals(gsmId, gsmStored.messageId());
            OutboxSms ucs2Stored = stored(ucs2).orElseThrow();
            assertEquals("UCS-2", ucs2Stored.encoding());
            assertEquals(3, ucs2Stored.parts());
            assertEquals(ucs2Ids, ucs2Stored.messageIds());

            DeliveryReceipt gsmReceipt = receiver.receipt(gsmId);
            assertEquals(DeliveryReceiptState.DELIVRD, gsmReceipt.getFinalStatus());
            assertEquals("000", gsmReceipt.getError());
            DeliveryReceipt ucs2Receipt = receiver.receipt(ucs2Ids.get(0));
            assertEquals(DeliveryReceiptState.DELIVRD, ucs2Receipt.getFinalStatus());
            assertTrue(
                    Polling.eventually(
                            PATIENCE,
                            () -> receipt(gsm) == SmsReceipt.DELIVERED && receipt(ucs2) == SmsReceipt.DELIVERED),
                    "the outbox records the receipts sent");

            assertTrue(sandbox.inbound("+33600000001", "Crosscast", "STOP") >= 1, "no receiving session");
            DeliverSm reply = receiver.next(d -> !MessageType.SMSC_DEL_RECEIPT.containedIn(d.getEsmClass())
                    && "33600000001".equals(d.getSourceAddr()));
            assertEquals("Crosscast", reply.getDestAddress());
            assertEquals(
                    "STOP",
                    SmsSegments.decode(reply.getDataCoding(), reply.getEsmClass(), reply.getShortMessage())
                            .text());
        } finally {
            session.unbindAndClose();
        }
    }

    @Test
    void numbersEndingIn0000AreReportedUndelivered() throws Exception {
        Receiver receiver = new Receiver();
        SMPPSession session = bind(receiver);
        try {
            SmsContent content = SmsContent.of("Nobody there " + System.nanoTime());
            String id = submit(session, "33600000000", content.dataCoding(), content.esmClass(), content.payload());
            DeliveryReceipt receipt = receiver.receipt(id);
            assertEquals(DeliveryReceiptState.UNDELIV, receipt.getFinalStatus());
            assertEquals("001", receipt.getError());
            assertTrue(Polling.eventually(PATIENCE, () -> receipt(content.text()) == SmsReceipt.UNDELIVERED));
        } finally {
            session.unbindAndClose();
        }
    }

    private SMPPSession bind(Receiver receiver) throws Exception {
        SandboxStatus status = outbox.status();
        assertTrue(status.running(), "the SMPP sandbox does not run: " + status);
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(receiver);
        session.connectAndBind(
                status.host(),
                status.port(),
                new BindParameter(
                        BindType.BIND_TRX,
                        SYSTEM_ID,
                        "secret",
                        "",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null));
        return session;
    }

    private static String submit(SMPPSession session, String to, byte dataCoding, byte esmClass, byte[] octets)
            throws Exception {
        return session.submitShortMessage(
                        "",
                        TypeOfNumber.ALPHANUMERIC,
                        NumberingPlanIndicator.UNKNOWN,
                        "Crosscast",
                        TypeOfNumber.INTERNATIONAL,
                        NumberingPlanIndicator.ISDN,
                        to,
                        new ESMClass(esmClass),
                        (byte) 0,
                        (byte) 1,
                        null,
                        null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0,
                        new RawDataCoding(dataCoding),
                        (byte) 0,
                        octets)
                .getMessageId();
    }

    /** The stored message with this text, among the latest ones (other tests may send too). */
    private Optional<OutboxSms> stored(String text) {
        return outbox.list(0, 1000).stream().filter(s -> s.text().equals(text)).findFirst();
    }

    private SmsReceipt receipt(String text) {
        return stored(text).map(OutboxSms::receipt).orElse(null);
    }

    /** What the session receives: delivery receipts and mobile-originated messages, in arrival order. */
    private static final class Receiver implements MessageReceiverListener {

        private final BlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();
        private final List<DeliverSm> seen = new ArrayList<>();

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            received.add(deliverSm);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not expected from the sandbox
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
            return null;
        }

        /** The first deliver_sm, received so far or within the patience, that matches. */
        DeliverSm next(Predicate<DeliverSm> matching) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                for (DeliverSm deliverSm : seen) {
                    if (matching.test(deliverSm)) {
                        seen.remove(deliverSm);
                        return deliverSm;
                    }
                }
                long left = deadline - System.nanoTime();
                DeliverSm deliverSm = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
                assertNotNull(deliverSm, "nothing matching received within " + PATIENCE + "; received " + seen);
                seen.add(deliverSm);
            }
        }

        /** The delivery receipt of the message {@code messageId}. */
        DeliveryReceipt receipt(String messageId) throws Exception {
            DeliverSm deliverSm = next(d -> MessageType.SMSC_DEL_RECEIPT.containedIn(d.getEsmClass())
                    && receiptId(d).equals(messageId));
            assertFalse(deliverSm.getShortMessage().length == 0);
            return deliverSm.getShortMessageAsDeliveryReceipt();
        }

        private static String receiptId(DeliverSm deliverSm) {
            try {
                return deliverSm.getShortMessageAsDeliveryReceipt().getId();
            } catch (Exception e) {
                return "";
            }
        }
    }
}
