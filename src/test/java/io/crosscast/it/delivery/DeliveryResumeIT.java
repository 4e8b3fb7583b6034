package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.RecipientService;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import io.crosscast.sandbox.SmtpSandbox;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A send cut half-way resumes from the ledger: the SMTP server goes away in the middle of a delivery
 * (paced so the cut lands half-way), the delivery keeps its pending rows, and when the server is back every
 * recipient gets its message: no gap, and no duplicate beyond the one message in flight at the cut.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryResumeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int RECIPIENTS = 40;

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    @EJB
    private OutboxService outbox;

    @EJB
    private SmtpSandbox sandbox;

    @AfterEach
    void restore() {
        System.clearProperty("crosscast.delivery.rate");
        System.clearProperty("crosscast.delivery.reconnectSeconds");
        sandbox.resume();
    }

    @Test
    void aSendCutHalfWayResumesWithoutDuplicatesOrGaps() {
        String token = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SandboxMessages.createRecipients(recipients, token, RECIPIENTS);
        System.setProperty("crosscast.delivery.rate", "20");
        System.setProperty("crosscast.delivery.reconnectSeconds", "1");
        Delivery delivery = SandboxMessages.sendHello(deliveries, "Resume " + token, token);

        assertTrue(Polling.eventually(PATIENCE, () -> received(token).size() >= RECIPIENTS / 4), "sending has begun");
        sandbox.suspend();
        long sentAtCut = deliveries.ledgerCount(delivery.getId(), MessageStatus.SENT);
        assertTrue(sentAtCut < RECIPIENTS, "cut before the end: " + sentAtCut);
        // The SMTP server is away for a while: the delivery waits, keeping its pending rows.
        Polling.eventually(Duration.ofSeconds(3), () -> false);
        assertEquals(DeliveryStatus.SENDING, deliveries.get(delivery.getId()).getStatus());
        long pending = deliveries.ledgerCount(delivery.getId(), MessageStatus.PENDING);
        assertTrue(pending > 0, "pending rows are kept");
        assertEquals(0, deliveries.ledgerCount(delivery.getId(), MessageStatus.FAILED), "nothing failed");

        System.clearProperty("crosscast.delivery.rate");
        sandbox.resume();
        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> deliveries.get(delivery.getId()).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");

        Map<String, Integer> perRecipient = SandboxMessages.perRecipient(received(token));
        assertEquals(RECIPIENTS, perRecipient.size(), "no gap: " + perRecipient.keySet());
        // The one message in flight when the server went away may have arrived without the sender
        // hearing so: it is sent again (same Message-ID). Nobody else gets two.
        long twice = perRecipient.values().stream().filter(count -> count > 1).count();
        assertTrue(
                twice <= 1 && perRecipient.values().stream().allMatch(count -> count <= 2),
                "no duplicate beyond the message in flight: " + perRecipient);
        assertEquals(RECIPIENTS, deliveries.ledgerCount(delivery.getId(), MessageStatus.SENT));
    }

    private List<OutboxMessage> received(String token) {
        return SandboxMessages.containing(outbox, token);
    }
}
