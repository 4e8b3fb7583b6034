package io.crosscast.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.DemoData;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.sms.Gsm7;
import io.crosscast.delivery.sms.SmppSettings;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.sandbox.SmsOutboxService;
import jakarta.ejb.EJB;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * N personalised SMS through the ledger into the sandbox SMSC, beside a bare jSMPP client submitting a
 * pre-encoded text N times with the same window of outstanding requests on its own session.
 */
@ExtendWith(ArquillianExtension.class)
class SmsBenchmark {

    @Deployment
    static WebArchive deployment() {
        String settings = "bench.sms=" + System.getProperty("bench.sms", "100000") + "\n" + "bench.db="
                + System.getProperty("bench.db", "h2") + "\n";
        return Deployments.crosscast(SmsBenchmark.class).addAsResource(new StringAsset(settings), "bench.properties");
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private DemoData demoData;

    @EJB
    private SmsOutboxService outbox;

    @Test
    void sendBesideABareJsmppLoop() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = SmsBenchmark.class.getResourceAsStream("/bench.properties")) {
            settings.load(in);
        }
        long wanted = Long.parseLong(settings.getProperty("bench.sms"));
        // Demo recipients: most have a mobile phone; generate until enough.
        while (demoData.recipientCount() * 6 / 10 < wanted) {
            demoData.generateRecipients(Math.max(1000, wanted - demoData.recipientCount() * 6 / 10));
        }
        System.setProperty(SmppSettings.THROUGHPUT, "100000"); // as fast as the SMSC answers
        SmppSettings smpp = SmppSettings.fromSystemProperties();
        outbox.clear();
        Delivery sms = deliveries.create(
                Channel.SMS,
                new DeliveryContent(
                        "SMS benchmark",
                        "Crosscast",
                        null,
                        null,
                        null,
                        null,
                        "Bonjour {{firstName}}, votre offre {{status}} vous attend en magasin."));
        long t0 = System.nanoTime();
        DeliveryStats targeted = deliveries.sendToCondition(
                sms.getId(),
                ConditionJson.fromJson("{\"field\": \"mobilePhone\", \"operator\": \"is_not_empty\", \"values\": []}"));
        double targetingSeconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(
                Polling.eventually(
                        Duration.ofHours(2), () -> deliveries.get(sms.getId()).getStatus() == DeliveryStatus.SENT),
                "the delivery ends");
        double engineSeconds = (System.nanoTime() - t0) / 1e9;
        long sent = deliveries.stats(sms.getId()).sent(); // one statement: receipts keep moving rows meanwhile
        assertEquals(targeted.targeted() - targeted.excluded(), sent);

        double rawSeconds = bareLoop(smpp, sent);
        double engineRate = sent / engineSeconds;
        double rawRate = sent / rawSeconds;
        System.out.printf(
                "BENCHMARK sms (%s): %,d SMS through the ledger in %.1f s = %,.0f SMS/s (includes targeting"
                        + " %,d recipients: %.1f s); bare jSMPP loop %,.0f SMS/s; window %d; ratio %.2f%n",
                settings.getProperty("bench.db"),
                sent,
                engineSeconds,
                engineRate,
                targeted.targeted(),
                targetingSeconds,
                rawRate,
                smpp.window(),
                engineRate / rawRate);
        System.clearProperty(SmppSettings.THROUGHPUT);
    }

    private static double bareLoop(SmppSettings smpp, long count) throws Exception {
        SMPPSession session = new SMPPSession();
        // Receipts come back on this session too: taken and dropped (without a listener jSMPP logs a
        // warning for each one, which would slow the loop down).
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {}

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {}

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        session.connectAndBind(
                smpp.host(),
                smpp.port(),
                new BindParameter(
                        BindType.BIND_TRX,
                        "bench",
                        "",
                        "",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null));
        byte[] text = Gsm7.encode("Bonjour Ana, votre offre GOLD vous attend en magasin.");
        Semaphore window = new Semaphore(smpp.window());
        ExecutorService threads = Executors.newFixedThreadPool(smpp.window());
        AtomicLong failures = new AtomicLong();
        long t0 = System.nanoTime();
        try {
            for (long i = 0; i < count; i++) {
                String destination = "3369" + String.format("%07d", i % 10_000_000);
                window.acquire();
                threads.execute(() -> {
                    try {
                        session.submitShortMessage(
                                "",
                                TypeOfNumber.ALPHANUMERIC,
                                NumberingPlanIndicator.UNKNOWN,
                                "Crosscast",
                                TypeOfNumber.INTERNATIONAL,
                                NumberingPlanIndicator.ISDN,
                                destination,
                                new ESMClass(),
                                (byte) 0,
                                (byte) 1,
                                null,
                                null,
                                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                                (byte) 0,
                                DataCodings.newInstance((byte) 0),
                                (byte) 0,
                                text);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        window.release();
                    }
                });
            }
            window.acquire(smpp.window());
        } finally {
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.MINUTES);
            session.unbindAndClose();
        }
        assertEquals(0, failures.get(), "the bare loop had failures");
        return (System.nanoTime() - t0) / 1e9;
    }
}
