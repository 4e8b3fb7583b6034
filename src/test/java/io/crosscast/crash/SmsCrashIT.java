package io.crosscast.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.Arrivals;
import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.CrashServer;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.SmscProcess;
import io.crosscast.crash.support.SmscSink;
import io.crosscast.delivery.internal.SmsRun;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash safety of SMS sending, for real: the crash-test server ({@link CrashServer}: the unpacked WildFly as a
 * process, no sandbox) sends an SMS delivery of 5,000 texts to an SMSC running as another process
 * ({@link SmscSink}). The SMSC holds its answer to one submission picked at random between 20% and 60% of the
 * send (recorded, never answered: the text is taken, the sender does not know it), and the test kills the
 * server's JVM with SIGKILL right then. The server starts again, the delivery resumes from its ledger, and the
 * SMSC's records must show: every recipient got its text, at most {@link #IN_FLIGHT_BOUND} recipients got two,
 * the held submission was sent again, and the ledger says SENT for everyone with the message id the SMSC gave
 * the last submission to that number.
 *
 * <p>Runs when the system property {@code crash.enabled} is true, on H2 or PostgreSQL like {@link EmailCrashIT}.
 * Settings: {@code crash.sms.recipients} (5,000), {@code crash.sms.holdAt} (submission to kill at; random by
 * default), {@code crash.seed}, {@code crash.smpp.port} (2775 + the port offset), {@code crash.sms.window}
 * (the server's {@code crosscast.smpp.window}, 10), {@code crash.sms.throughput} (its
 * {@code crosscast.smpp.throughput}: 2,000 a second, so the test does not wait on the pacing).
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class SmsCrashIT {

    private static final int WINDOW = Integer.getInteger("crash.sms.window", 10);

    /** Ledger rows written at a time by the server's sending (crosscast.sending.batch). */
    private static final int BATCH = 50;

    /**
     * Recipients who may get a text twice after a crash: the write batch plus the window. The sending (SmsRun)
     * takes a permit of {@link SmsRun#writeEvery} (the larger of window and batch) + window for each text before it
     * submits it, and its writer gives the permits back only once the texts' rows are committed: submitted but not
     * written is never more than batch + window. A kill loses exactly those rows, which stay PENDING and are
     * submitted once more after the restart.
     */
    static final int IN_FLIGHT_BOUND = SmsRun.writeEvery(WINDOW, BATCH) + WINDOW;

    private static final Duration SENDING = Duration.ofMinutes(5);

    private final int recipients = Integer.getInteger("crash.sms.recipients", 5_000);
    private final int smppPort = Integer.getInteger("crash.smpp.port", 2775 + CrashServer.portOffset());
    private final int throughput = Integer.getInteger("crash.sms.throughput", 2_000);

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void aServerKilledMidSendResendsAtMostTheTextsInFlight() {
        long t0 = System.nanoTime();
        long seed = Long.getLong("crash.seed", System.nanoTime());
        long holdAt = CrashServer.holdAt("crash.sms.holdAt", seed, recipients);
        CrashServer server = closer.add(new CrashServer(Map.of(
                "crosscast.smpp.host",
                "127.0.0.1",
                "crosscast.smpp.port",
                Integer.toString(smppPort),
                "crosscast.smpp.window",
                Integer.toString(WINDOW),
                "crosscast.smpp.throughput",
                Integer.toString(throughput),
                "crosscast.sending.batch",
                Integer.toString(BATCH))));
        String db = server.db();
        System.out.printf(
                "CRASH sms (%s): %,d recipients, window %d, the SMSC holds submission %,d (seed %d)%n",
                db, recipients, WINDOW, holdAt, seed);
        SmscProcess smsc = SmscProcess.start(
                smppPort,
                server.baseDir().resolve("smsc/received.tsv"),
                holdAt,
                server.baseDir().resolve("smsc/smsc.log"));
        server.peer("SMSC", smsc, smsc::isAlive);
        server.start();

        DeliveryApi deliveries = server.deliveries();
        Audience audience =
                Audience.random("Crash", recipients, "crash.example.com").withMobiles();
        deliveries.importRecipients(audience);
        long delivery = deliveries.createSms(
                "SMS crash test " + audience.token(), "Crosscast", "Hello {{firstName}}, see you soon");
        deliveries.sendTo(delivery, audience);
        long sendStarted = System.nanoTime();

        // The SMSC holds the chosen submission unanswered: kill the server's JVM now.
        long pid = server.killOnceHolding(SENDING, smsc::holding, "the SMSC held submission " + holdAt);
        long killedAt = System.nanoTime();
        long receivedBeforeKill = smsc.count();
        SmscSink.Submit held = smsc.held();
        System.out.printf(
                "CRASH sms (%s): killed JVM %d with SIGKILL after %.1f s of sending, %,d texts received"
                        + " (submission %,d unanswered: %s)%n",
                db, pid, (killedAt - sendStarted) / 1e9, receivedBeforeKill, holdAt, held);

        server.start();
        long restarted = System.nanoTime();
        assertTrue(
                server.waitFor(SENDING, () -> "SENT".equals(deliveries.status(delivery))),
                "the delivery finishes after the restart");
        long finished = System.nanoTime();

        // What arrived: per number (E.164, as the ledger has it), the message ids the SMSC gave.
        List<SmscSink.Submit> received = smsc.received();
        Arrivals arrivals = new Arrivals(
                audience.mobiles(),
                received.stream()
                        .map(s -> Map.entry("+" + s.destination(), s.messageId()))
                        .toList());
        System.out.printf(
                "CRASH sms (%s): %,d recipients, killed at %,d received; after the restart %s (bound %d);"
                        + " restart to ready %.1f s, resumed send %.1f s, whole test %.1f s%n",
                db,
                recipients,
                receivedBeforeKill,
                arrivals.summary(),
                IN_FLIGHT_BOUND,
                (restarted - killedAt) / 1e9,
                (finished - restarted) / 1e9,
                (System.nanoTime() - t0) / 1e9);

        arrivals.assertEveryoneAndDuplicatesAtMost(IN_FLIGHT_BOUND);
        String heldNumber = "+" + held.destination();
        assertEquals(
                2,
                arrivals.ids(heldNumber).size(),
                "the unanswered submission (" + heldNumber + ") was sent"
                        + " again after the restart: the ledger did not call it SENT before the SMSC answered");

        // Each text is the one of its recipient.
        Map<String, String> expectedText = new HashMap<>();
        for (int i = 0; i < recipients; i++) {
            expectedText.put(audience.mobile(i), "Hello R" + i + ", see you soon");
        }
        List<String> wrongTexts = received.stream()
                .filter(s -> !s.text().equals(expectedText.get("+" + s.destination())))
                .map(String::valueOf)
                .limit(20)
                .toList();
        assertEquals(List.of(), wrongTexts, "texts that are not their recipient's");

        // The ledger: everyone SENT, with the message id of the last submission to the number (the one whose
        // answer the server wrote; an earlier one was answered before the kill, or held, and not written).
        Map<String, String> ledgerIds = deliveries.assertAllSent(delivery, recipients);
        List<String> mismatched = audience.mobiles().stream()
                .filter(number -> {
                    List<String> ids = arrivals.ids(number);
                    return !ids.get(ids.size() - 1).equals(ledgerIds.get(number));
                })
                .toList();
        assertEquals(
                List.of(),
                mismatched.stream().limit(20).toList(),
                mismatched.size() + " ledger message ids differ from the SMSC's last answer to the number");
    }
}
