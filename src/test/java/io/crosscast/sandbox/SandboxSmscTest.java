package io.crosscast.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.delivery.sms.Gsm7;
import io.crosscast.delivery.sms.SmsSegments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's SMSC on a free loopback port, driven by jSMPP's client as the application's would be. */
class SandboxSmscTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SmsOutboxStore store = new SmsOutboxStore(100);
    private final SandboxSmsc smsc =
            new SandboxSmsc("127.0.0.1", 0, Duration.ofMillis(50), store, Thread::new, Clock.systemUTC());
    private final List<SMPPSession> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        assertTrue(smsc.start(), smsc.problem());
        assertTrue(smsc.isRunning());
        assertTrue(smsc.port() > 0);
    }

    @AfterEach
    void stop() {
        clients.forEach(SMPPSession::unbindAndClose);
        smsc.stop();
    }

    /** A client session and what it receives. */
    private record Client(SMPPSession session, BlockingQueue<DeliverSm> received) {}

    private Client bind(BindType type, String systemId) throws IOException {
        BlockingQueue<DeliverSm> received = new LinkedBlockingQueue<>();
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                received.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
                // none expected
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        session.connectAndBind(
                "127.0.0.1",
                smsc.port(),
                new BindParameter(
                        type, systemId, "anything", "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        clients.add(session);
        assertTrue(eventually(() -> smsc.boundSessions() >= clients.size()), "the bind is registered");
        return new Client(session, received);
    }

    private static String submit(
            SMPPSession session,
            String to,
            byte dataCoding,
            byte esmClass,
            byte[] octets,
            boolean receipt,
            OptionalParameter... parameters)
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
                        new RegisteredDelivery(
                                receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                        (byte) 0,
                        new RawDataCoding(dataCoding),
                        (byte) 0,
                        octets,
                        parameters)
                .getMessageId();
    }

    private static boolean eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private OutboxSms latest() {
        return store.page(0, 1).get(0);
    }

    private static DeliverSm next(Client client) throws InterruptedException {
        DeliverSm deliverSm = client.received().poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(deliverSm, "nothing received within " + WAIT);
        return deliverSm;
    }

    @Test
    void aGsmMessageIsStoredAndItsReceiptComesBack() throws Exception {
        Client client = bind(BindType.BIND_TRX, "crosscast");
        String text = "Bonjour Zoé, -20% ce week-end {promo} 5€ @home";
        String messageId = submit(client.session(), "33612345678", (byte) 0, (byte) 0, Gsm7.encode(text), true);
        assertTrue(messageId.matches("[0-9A-F]{16}"), messageId);

        assertEquals(1, store.count());
        OutboxSms sms = latest();
        assertEquals(text, sms.text());
        assertEquals("Crosscast", sms.from());
        assertEquals("+33612345678", sms.to());
        assertEquals("crosscast", sms.systemId());
        assertEquals("GSM-7", sms.encoding());
        assertEquals(1, sms.parts());
        assertEquals(messageId, sms.messageId());

        DeliverSm receipt = next(client);
        assertTrue(MessageType.SMSC_DEL_RECEIPT.containedIn(receipt.getEsmClass()));
        assertEquals("33612345678", receipt.getSourceAddr(), "from the phone");
        assertEquals("Crosscast", receipt.getDestAddress(), "to the sender");
        DeliveryReceipt parsed = receipt.getShortMessageAsDeliveryReceipt();
        assertEquals(messageId, parsed.getId());
        assertEquals(DeliveryReceiptState.DELIVRD, parsed.getFinalStatus());
        assertEquals("000", parsed.getError());
        assertEquals(1, parsed.getSubmitted());
        assertEquals(1, parsed.getDelivered());
        assertEquals("Bonjour Zo?, -20% ce", parsed.getText());
        OptionalParameter.Receipted_message_id receipted =
                OptionalParameters.get(OptionalParameter.Receipted_message_id.class, receipt.getOptionalParameters());
        assertEquals(messageId, receipted.getValueAsString());
        assertTrue(eventually(() -> latest().receipt() == SmsReceipt.DELIVERED), () -> latest().toString());
    }

    @Test
    void aLongUcs2MessageInThreePartsIsStoredOnceWithOneReceipt() throws Exception {
        Client client = bind(BindType.BIND_TRX, "crosscast");
        String text = "Françoise, vos 3 offres 🎁 : " + "ça vaut le détour ! ".repeat(7);
        List<byte[]> segments = SmsSegments.segments(text, 77);
        assertEquals(3, segments.size());
        List<String> ids = new ArrayList<>();
        for (byte[] segment : segments) {
            ids.add(submit(client.session(), "33687654321", (byte) 8, (byte) 0x40, segment, true));
            if (ids.size() < 3) {
                assertEquals(0, store.count(), "a message is stored once complete");
            }
        }
        assertEquals(3, ids.stream().distinct().count(), "every part has its message id");

        assertEquals(1, store.count());
        OutboxSms sms = latest();
        assertEquals(text, sms.text());
        assertEquals(3, sms.parts());
        assertEquals("UCS-2", sms.encoding());
        assertEquals(ids, sms.messageIds());

        DeliverSm receipt = next(client);
        assertEquals(ids.get(0), receipt.getShortMessageAsDeliveryReceipt().getId(), "the first part's id");
        assertNull(client.received().poll(300, TimeUnit.MILLISECONDS), "one receipt per message");
    }

    @Test
    void aMessagePayloadAndSarPartsAreRead() throws Exception {
        Client client = bind(BindType.BIND_TRX, "crosscast");
        String text = "a".repeat(300) + " [fin]";
        submit(
                client.session(),
                "33600000001",
                (byte) 0,
                (byte) 0,
                new byte[0],
                false,
                new OptionalParameter.Message_payload(Gsm7.encode(text)));
        assertEquals(text, latest().text());
        assertEquals(SmsReceipt.NOT_REQUESTED, latest().receipt());

        submit(
                client.session(),
                "33600000002",
                (byte) 0,
                (byte) 0,
                Gsm7.encode("Hello "),
                false,
                OptionalParameters.newSarMsgRefNum(513),
                OptionalParameters.newSarTotalSegments(2),
                OptionalParameters.newSarSegmentSeqnum(1));
        assertEquals(1, store.count());
        submit(
                client.session(),
                "33600000002",
                (byte) 0,
                (byte) 0,
                Gsm7.encode("world"),
                false,
                OptionalParameters.newSarMsgRefNum(513),
                OptionalParameters.newSarTotalSegments(2),
                OptionalParameters.newSarSegmentSeqnum(2));
        assertEquals(2, store.count());
        assertEquals("Hello world", latest().text());
        assertNull(client.received().poll(300, TimeUnit.MILLISECONDS), "no receipt was asked for");
    }

    @Test
    void numbersEndingIn0000AreNotDelivered() throws Exception {
        Client client = bind(BindType.BIND_TRX, "crosscast");
        String messageId = submit(client.session(), "33600000000", (byte) 0, (byte) 0, Gsm7.encode("Hi"), true);
        DeliveryReceipt receipt = next(client).getShortMessageAsDeliveryReceipt();
        assertEquals(messageId, receipt.getId());
        assertEquals(DeliveryReceiptState.UNDELIV, receipt.getFinalStatus());
        assertEquals("001", receipt.getError());
        assertEquals(0, receipt.getDelivered());
        assertTrue(eventually(() -> latest().receipt() == SmsReceipt.UNDELIVERED));
    }

    @Test
    void receiptsGoToAReceiverOfTheSameSystemId() throws Exception {
        Client transmitter = bind(BindType.BIND_TX, "crosscast");
        Client other = bind(BindType.BIND_RX, "someone-else");
        submit(transmitter.session(), "33611111111", (byte) 0, (byte) 0, Gsm7.encode("Nobody listens"), true);
        assertTrue(eventually(() -> latest().receipt() == SmsReceipt.NO_RECEIVER), () -> latest().toString());
        assertNull(other.received().poll(100, TimeUnit.MILLISECONDS));

        Client receiver = bind(BindType.BIND_RX, "crosscast");
        String messageId = submit(transmitter.session(), "33611111112", (byte) 0, (byte) 0, Gsm7.encode("Now"), true);
        assertEquals(
                messageId, next(receiver).getShortMessageAsDeliveryReceipt().getId());
        assertTrue(eventually(() -> latest().receipt() == SmsReceipt.DELIVERED));
        assertNull(other.received().poll(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void repliesReachOneReceiverPerSystemId() throws Exception {
        assertEquals(0, smsc.inbound("+33600000001", "Crosscast", "STOP"), "nobody bound yet");
        Client transceiver = bind(BindType.BIND_TRX, "crosscast");
        Client secondOfTheSame = bind(BindType.BIND_RX, "crosscast");
        bind(BindType.BIND_TX, "tx-only");

        assertEquals(1, smsc.inbound("+33600000001", "Crosscast", "STOP"));
        DeliverSm reply = transceiver.received().poll(1, TimeUnit.SECONDS);
        if (reply == null) {
            reply = next(secondOfTheSame);
        }
        assertFalse(MessageType.SMSC_DEL_RECEIPT.containedIn(reply.getEsmClass()), "a message, not a receipt");
        assertEquals("33600000001", reply.getSourceAddr());
        assertEquals(TypeOfNumber.INTERNATIONAL.value(), reply.getSourceAddrTon());
        assertEquals("Crosscast", reply.getDestAddress());
        assertEquals(TypeOfNumber.ALPHANUMERIC.value(), reply.getDestAddrTon());
        assertEquals(
                "STOP",
                SmsSegments.decode(reply.getDataCoding(), reply.getEsmClass(), reply.getShortMessage())
                        .text());
        assertEquals(0, store.count(), "replies are not outbox messages");
    }

    @Test
    void longAndUnicodeRepliesTravelWhole() throws Exception {
        Client client = bind(BindType.BIND_TRX, "crosscast");
        String text = "Non merci, ça ira 🙂 " + "x".repeat(100);
        assertEquals(1, smsc.inbound("0612345678", "36180", text));
        DeliverSm reply = next(client);
        assertEquals((byte) 8, reply.getDataCoding());
        OptionalParameter payload = reply.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        assertNotNull(payload);
        byte[] octets = ((OptionalParameter.OctetString) payload).getValue();
        assertEquals(
                text,
                SmsSegments.decode(reply.getDataCoding(), reply.getEsmClass(), octets)
                        .text());
        assertEquals("0612345678", reply.getSourceAddr());
        assertEquals("36180", reply.getDestAddress());
    }

    @Test
    void unsupportedOperationsAreRefused() throws Exception {
        Client client = bind(BindType.BIND_TRX, "crosscast");
        NegativeResponseException refused = assertThrows(
                NegativeResponseException.class,
                () -> client.session()
                        .queryShortMessage(
                                "0000000000000001", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "Crosscast"));
        assertEquals(0x67, refused.getCommandStatus());
    }

    @Test
    void stoppingDropsSessionsAndFreesThePortAndStartingAgainKeepsTheMessages() throws Exception {
        Client client = bind(BindType.BIND_TRX, "crosscast");
        submit(client.session(), "33612345678", (byte) 0, (byte) 0, Gsm7.encode("before"), false);
        int port = smsc.port();
        smsc.stop();
        assertFalse(smsc.isRunning());
        assertTrue(eventually(() -> client.session().getSessionState() == SessionState.CLOSED), "the client sees it");
        assertEquals(0, smsc.boundSessions());
        assertEquals(0, smsc.inbound("+33600000001", "Crosscast", "STOP"));
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        }
        assertTrue(smsc.start(), smsc.problem());
        clients.clear();
        Client back = bind(BindType.BIND_TRX, "crosscast");
        submit(back.session(), "33612345678", (byte) 0, (byte) 0, Gsm7.encode("after"), false);
        assertEquals(2, store.count());
        assertEquals(
                List.of("after", "before"),
                store.page(0, 2).stream().map(OutboxSms::text).toList());
    }

    @Test
    void aTakenPortIsReportedNotThrown() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            SandboxSmsc second = new SandboxSmsc(
                    "127.0.0.1", taken.getLocalPort(), Duration.ZERO, store, Thread::new, Clock.systemUTC());
            assertFalse(second.start());
            assertFalse(second.isRunning());
            assertTrue(second.problem().contains(String.valueOf(taken.getLocalPort())), second.problem());
            second.stop();
        }
    }

    @Test
    void theReceiptTextIsTheStandardOne() {
        Instant submitted = Instant.parse("2026-11-29T08:05:00Z");
        Instant done = Instant.parse("2026-11-29T08:06:59Z");
        assertEquals(
                "id:00000000000000AB sub:001 dlvrd:001 submit date:2611290805 done date:2611290806 stat:DELIVRD"
                        + " err:000 text:Bonjour Zo? vos offr",
                SmscReceipts.receiptText("00000000000000AB", true, submitted, done, "Bonjour Zoé vos offres du jour"));
        assertEquals(
                "id:1 sub:001 dlvrd:000 submit date:2611290805 done date:2611290806 stat:UNDELIV err:001"
                        + " text:Hi??",
                SmscReceipts.receiptText("1", false, submitted, done, "Hi\n🙂"));
    }
}
