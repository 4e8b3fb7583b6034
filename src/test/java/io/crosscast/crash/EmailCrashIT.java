package io.crosscast.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.crash.support.Arrivals;
import io.crosscast.crash.support.Audience;
import io.crosscast.crash.support.Closer;
import io.crosscast.crash.support.CrashServer;
import io.crosscast.crash.support.DeliveryApi;
import io.crosscast.crash.support.SinkProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash safety of email sending, for real: the WildFly that the build unpacks runs as a process
 * (configuration {@code standalone-crosscast-crash.xml}, no sandbox) and sends a delivery of 20,000 emails to an
 * SMTP sink running as another process. The sink holds its answer to one message picked at random between 20%
 * and 60% of the send (recorded, never acknowledged: the worst moment, the server has the message but the sender
 * does not know it), and the test kills the server's JVM with SIGKILL right then. The server starts again, the
 * delivery resumes from its ledger, and the sink's records must show: every recipient got a message, the only
 * ones with two are within the stated in-flight bound (connections x batch, see docs/DECISIONS.md), a duplicate carries the same Message-ID both times, the held message was sent again, and
 * the ledger says SENT for everyone with the Message-ID the sink saw.
 *
 * <p>Runs when the system property {@code crash.enabled} is true (the build sets it from {@code -Dcrash}, true
 * unless {@code -Dcrash=false}), on H2 (the development file database) or PostgreSQL ({@code -Ddb=postgresql}). Settings: {@code crash.recipients} (20,000), {@code crash.holdAt}
 * (message number to kill at; random by default), {@code crash.seed}, {@code crash.port.offset} (600),
 * {@code crash.smtp.port}, {@code crash.h2.options} (appended to the H2 file database's URL).
 */
@EnabledIfSystemProperty(named = "crash.enabled", matches = "true")
class EmailCrashIT {

    /** SMTP connections the crash server sends over (crosscast.sending.connections). */
    static final int CONNECTIONS = 8;

    /** Ledger rows a connection claims, and writes back, at a time (crosscast.sending.batch). */
    static final int BATCH = 50;

    /**
     * Messages that may arrive twice after a crash: each connection writes its batch's results in one transaction
     * after the batch, so at most a batch per connection was accepted by the server and not yet written (see
     * docs/DECISIONS.md).
     */
    static final int IN_FLIGHT_BOUND = CONNECTIONS * BATCH;

    private static final Duration SENDING = Duration.ofMinutes(15);

    private final int recipients = Integer.getInteger("crash.recipients", 20_000);
    private final int smtpPort = Integer.getInteger("crash.smtp.port", 2525 + CrashServer.portOffset());

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void aServerKilledMidSendResendsAtMostTheMessagesInFlight() {
        long t0 = System.nanoTime();
        long seed = Long.getLong("crash.seed", System.nanoTime());
        long holdAt = CrashServer.holdAt("crash.holdAt", seed, recipients);
        CrashServer server = closer.add(new CrashServer(Map.of(
                "crosscast.smtp.host",
                "127.0.0.1",
                "crosscast.smtp.port",
                Integer.toString(smtpPort),
                "crosscast.sending.connections",
                Integer.toString(CONNECTIONS),
                "crosscast.sending.batch",
                Integer.toString(BATCH))));
        String db = server.db();
        System.out.printf(
                "CRASH email (%s): %,d recipients, the sink holds message %,d (seed %d)%n",
                db, recipients, holdAt, seed);
        SinkProcess sink = server.startWithSmtpSink(smtpPort, holdAt);

        DeliveryApi deliveries = server.deliveries();
        Audience audience = Audience.random("Crash", recipients, "crash.example.com");
        deliveries.importRecipients(audience);
        long delivery = deliveries.createEmail(
                "Crash test " + audience.token(),
                "Crosscast Crash",
                "crash@example.com",
                "Hello {{firstName}}",
                "<p>Dear {{firstName}} {{lastName}},</p>"
                        + "<p><a href=\"https://shop.example.com/offer\" data-label=\"offer\">See the offer</a></p>");
        deliveries.sendTo(delivery, audience);
        long sendStarted = System.nanoTime();

        // The sink holds the chosen message unanswered: kill the server's JVM now.
        long pid = server.killOnceHolding(SENDING, sink::holding, "the sink held message " + holdAt);
        long killedAt = System.nanoTime();
        long receivedBeforeKill = sink.count();
        String heldLine = sink.held();
        assertTrue(
                receivedBeforeKill >= holdAt,
                "the sink recorded every message up to the held one (the other" + " connections went on meanwhile)");
        System.out.printf(
                "CRASH email (%s): killed JVM %d with SIGKILL after %.1f s of sending, %,d messages"
                        + " received (the last one unacknowledged: %s)%n",
                db, pid, (killedAt - sendStarted) / 1e9, receivedBeforeKill, heldLine);

        server.start();
        long restarted = System.nanoTime();
        assertTrue(
                server.waitFor(SENDING, () -> "SENT".equals(deliveries.status(delivery))),
                "the delivery finishes after the restart");
        long finished = System.nanoTime();

        // What arrived: per recipient, the Message-IDs of its messages.
        Arrivals arrivals = new Arrivals(
                audience.emails(),
                sink.received().stream()
                        .map(entry -> Map.entry(entry[0], entry.length > 1 ? entry[1] : ""))
                        .toList());
        System.out.printf(
                "CRASH email (%s): %,d recipients, killed at %,d received; after the restart %s;"
                        + " restart to ready %.1f s, resumed send %.1f s, whole test %.1f s%n",
                db,
                recipients,
                receivedBeforeKill,
                arrivals.summary(),
                (restarted - killedAt) / 1e9,
                (finished - restarted) / 1e9,
                (System.nanoTime() - t0) / 1e9);

        String heldAddress = heldLine.split("\t")[0];
        server.explained("Delivery", () -> {
            arrivals.assertEveryoneAndDuplicatesAtMost(IN_FLIGHT_BOUND);
            arrivals.duplicates()
                    .forEach((address, ids) -> assertEquals(
                            1, Set.copyOf(ids).size(), address + " got two different Message-IDs: " + ids));
            assertEquals(
                    2,
                    arrivals.ids(heldAddress).size(),
                    "the unacknowledged message (" + heldAddress + ") was sent again after the restart: the ledger"
                            + " did not call it SENT before the server accepted it");
        });

        // The ledger: everyone SENT, with the Message-ID the sink saw.
        Map<String, String> ledgerIds = deliveries.assertAllSent(delivery, recipients);
        List<String> mismatched = audience.emails().stream()
                .filter(a -> !arrivals.ids(a).get(0).equals(ledgerIds.get(a)))
                .toList();
        assertEquals(
                List.of(),
                mismatched.stream().limit(20).toList(),
                mismatched.size() + " ledger Message-IDs differ from the received ones");
        assertFalse(ledgerIds.containsValue(null), "every SENT row has its Message-ID");
    }
}
