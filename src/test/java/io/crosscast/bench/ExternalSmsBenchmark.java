package io.crosscast.bench;

import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.SmscProcess;
import io.crosscast.crash.support.WildFlyProcess;
import io.crosscast.delivery.sms.SmsContent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SMS sending against an SMSC that runs as a separate process, not the in-JVM sandbox (issue #12: "SMS >= 0.5x a
 * bare jSMPP loop with the same window"). Not an Arquillian test: like {@link ExternalSendingBenchmark} it runs the
 * WildFly that the build unpacks as a process ({@link WildFlyProcess}, configuration
 * {@code standalone-crosscast-crash.xml}: no sandbox; its SMPP settings are expressions of the -D values, see
 * {@code src/build/wildfly/crash-smpp.cli}) on its own port offset, SMSC port and database, and sends to an
 * {@link io.crosscast.crash.support.SmscSink} in its own JVM whose every submit_sm_resp can wait a few
 * milliseconds, as an SMSC across a network would.
 *
 * <p>For each window w and response delay d: the product sends an SMS delivery of N personalised texts to N
 * recipients with French mobiles, imported once through the REST CSV import (each run a new delivery to the same
 * recipients), on a server started with {@code -Dcrosscast.smpp.window=w} and
 * {@code -Dcrosscast.smpp.throughput=100000} (the most the setting takes, so high that it never paces; restarted only when w changes); msg/s
 * counts from the send request to the delivery's SENT status, polled through the REST API every 100 ms. Beside it,
 * a bare jSMPP loop in this JVM: one bound {@link SMPPSession} (a transceiver, as the product's), w threads each
 * submitting synchronously (the product's window: w submitting tasks on one session), the same N texts (composed
 * and encoded by the product's {@link SmsContent}, in the submitting thread) with the same submit_sm fields, to
 * the same SMSC with the same delay; msg/s from the first submission to the last answer (the bind is not timed).
 * Each run checks the ledger (N SENT, none failed or pending) or the bare loop's answers (N message ids), and the
 * SMSC's records (N more). After a server start, a warm-up delivery to a small second audience runs first, untimed;
 * the bare loop gets one untimed warm-up too.
 *
 * <p>Settings (system properties, see the pom's {@code benchmark} profile): {@code bench.sms.sends} (N, 20,000),
 * {@code bench.sms.windows} ("1,10,50"), {@code bench.sms.delays} ("0,5"), {@code bench.sms.warmup} (20,000: the
 * server's JIT compiles the sending path during the first ten thousand texts or so),
 * {@code bench.db} (h2 or postgresql), {@code bench.sms.db.url}/{@code bench.db.user}/{@code bench.db.password},
 * {@code bench.sms.port.offset} (1100), {@code bench.smpp.port} (3875), {@code bench.sms.server.dir}.
 */
class ExternalSmsBenchmark {

    private static final String SENDER = "Crosscast";
    private static final String TEXT = "Hello {{firstName}} {{lastName}}, your offer is waiting in store until Sunday.";

    private final int sends = Integer.getInteger("bench.sms.sends", 20_000);
    private final int[] windows = ExternalBench.ints(System.getProperty("bench.sms.windows", "1,10,50"));
    private final int[] delays = ExternalBench.ints(System.getProperty("bench.sms.delays", "0,5"));
    private final int warmup = Integer.getInteger("bench.sms.warmup", Math.min(20_000, sends));
    private final int portOffset = Integer.getInteger("bench.sms.port.offset", 1100);
    private final int smppPort = Integer.getInteger("bench.smpp.port", 3875);

    /** The server's SMPP settings: the SMSC, a throughput that never paces (the window is set per start). */
    private final ExternalBench bench = new ExternalBench(
            "external sms",
            Path.of(System.getProperty("bench.sms.server.dir", "target/bench-sms-server")),
            portOffset,
            "bench.sms.db.url",
            "jdbc:postgresql://localhost:5432/crosscast_b",
            Map.of(
                    "crosscast.smpp.host",
                    "127.0.0.1",
                    "crosscast.smpp.port",
                    Integer.toString(smppPort),
                    "crosscast.smpp.throughput",
                    "100000"));

    private final String db = bench.db();
    private SmscProcess smsc;
    private DeliveryApi deliveries;

    @RegisterExtension
    final Closer started = new Closer();

    @Test
    void smsAgainstAnSmscInItsOwnProcess() throws Exception {
        System.out.printf(
                "BENCHMARK external sms (%s): N=%,d, windows %s, response delays %s ms, warm-up %,d;"
                        + " server offset %d, SMSC port %d%n",
                db, sends, Arrays.toString(windows), Arrays.toString(delays), warmup, portOffset, smppPort);
        WildFlyProcess server = started.add(bench.newServer());
        deliveries = bench.deliveries();
        Path smscLog = server.baseDir().resolve("smsc/smsc.log");
        smsc = started.add(SmscProcess.start(smppPort, server.baseDir().resolve("smsc/received.tsv"), 0, 0, smscLog));
        bench.peer("SMSC", smsc::isAlive, smscLog);

        Audience audience = null;
        Audience warm = Audience.random("Warm", warmup, "bench.example.com").withMobiles();
        boolean bareWarm = false;
        for (int w : windows) {
            bench.restart("window " + w, Map.of("crosscast.smpp.window", Integer.toString(w)));
            if (audience == null) {
                audience = Audience.random("Sms", sends, "bench.example.com").withMobiles();
                long t0 = System.nanoTime();
                deliveries.importRecipients(audience);
                deliveries.importRecipients(warm);
                System.out.printf(
                        "BENCHMARK external sms (%s): imported %,d + %,d recipients in %.1f s%n",
                        db, sends, warmup, (System.nanoTime() - t0) / 1e9);
            }
            smsc.responseDelay(0);
            if (warmup > 0) {
                productRun(warm, "warm-up w" + w);
                if (!bareWarm) {
                    bareRun(warm, w);
                    bareWarm = true;
                }
            }
            for (int d : delays) {
                smsc.responseDelay(d);
                double product = productRun(audience, "w" + w + " d" + d);
                double bare = bareRun(audience, w);
                String cap = d == 0 ? "-" : String.format("%,.0f msg/s", w * 1000.0 / d);
                System.out.printf(
                        "BENCHMARK sms db=%s window=%d delayMs=%d product=%.0f msg/s bare=%.0f msg/s" + " ratio=%.2f%n",
                        db, w, d, product, bare, product / bare);
                bench.row(String.format(
                        "  %-10s %6d %8d %12.0f %12.0f %6.2f %14s", db, w, d, product, bare, product / bare, cap));
            }
        }
        server.stop();
        bench.summarise(
                "N=" + sends + ", issue #12 target: ratio >= 0.5",
                String.format(
                        "  %-10s %6s %8s %12s %12s %6s %14s",
                        "db", "window", "delay ms", "product/s", "bare/s", "ratio", "window cap"));
        bench.assertEveryRunSentEverything();
    }

    /** One SMS delivery to the audience; msg/s from the send request to SENT. Checks the ledger and the SMSC. */
    private double productRun(Audience audience, String label) {
        long id = deliveries.createSms("Bench SMS " + label + " " + audience.token(), SENDER, TEXT);
        double seconds = bench.timedDelivery(id, audience, smsc::count, label);
        double rate = audience.size() / seconds;
        System.out.printf(
                "BENCHMARK external sms (%s): product %s: %,d texts in %.2f s = %,.0f msg/s%n",
                db, label, audience.size(), seconds, rate);
        return rate;
    }

    /**
     * The bare jSMPP loop: one bound session, {@code w} threads each submitting synchronously and taking the next
     * text's number from a shared counter. Timed from the first submission to the last answer.
     */
    private double bareRun(Audience audience, int w) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.connectAndBind(
                "127.0.0.1",
                smppPort,
                new BindParameter(
                        BindType.BIND_TRX,
                        "barebench",
                        "",
                        "",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null),
                10_000);
        long before = smsc.count();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try {
            ExternalBench.Parallel submitted = ExternalBench.parallel(w, () -> {
                int answered = 0;
                for (int i = next.getAndIncrement(); i < audience.size(); i = next.getAndIncrement()) {
                    try {
                        if (!submit(session, audience, i).isEmpty()) {
                            answered++;
                        }
                    } catch (Exception e) {
                        firstFailure.compareAndSet(null, e);
                    }
                }
                return answered;
            });
            long received = smsc.count() - before;
            if (submitted.total() != audience.size() || received != audience.size()) {
                bench.problem(String.format(
                        "bare loop (window %d): %,d answered, SMSC received %,d of %,d; first" + " failure: %s",
                        w, submitted.total(), received, audience.size(), firstFailure.get()));
            }
            double rate = audience.size() / submitted.seconds();
            System.out.printf(
                    "BENCHMARK external sms (%s): bare jSMPP loop, window %d: %,d texts in %.2f s =" + " %,.0f msg/s%n",
                    db, w, audience.size(), submitted.seconds(), rate);
            return rate;
        } finally {
            session.unbindAndClose();
        }
    }

    /**
     * Recipient {@code i}'s text, composed and encoded as the product does it, submitted with the product's
     * submit_sm fields (alphanumeric sender, international destination, receipts asked for); the SMSC's message id.
     */
    private static String submit(SMPPSession session, Audience audience, int i) throws Exception {
        SmsContent sms =
                SmsContent.of(TEXT.replace("{{firstName}}", "R" + i).replace("{{lastName}}", audience.token()));
        byte[] payload = sms.payload();
        boolean single = sms.parts() <= 1;
        return session.submitShortMessage(
                        "",
                        TypeOfNumber.ALPHANUMERIC,
                        NumberingPlanIndicator.UNKNOWN,
                        SENDER,
                        TypeOfNumber.INTERNATIONAL,
                        NumberingPlanIndicator.ISDN,
                        audience.mobile(i).substring(1),
                        new ESMClass(),
                        (byte) 0,
                        (byte) 1,
                        null,
                        null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0,
                        DataCodings.newInstance(sms.dataCoding()),
                        (byte) 0,
                        single ? payload : new byte[0],
                        single
                                ? new OptionalParameter[0]
                                : new OptionalParameter[] {
                                    new OptionalParameter.OctetString(
                                            OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), payload)
                                })
                .getMessageId();
    }
}
