package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.RecipientService;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
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
 * Pause and resume of a sending delivery on the server: paused, nothing more reaches the SMTP server after a
 * second and the rest waits in the ledger; resumed, everyone gets exactly one message. Pause and resume refuse a
 * delivery in the wrong state, and a paused delivery can be cancelled.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryPauseIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int RECIPIENTS = 80;

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

    @AfterEach
    void restore() {
        System.clearProperty("crosscast.delivery.rate");
    }

    @Test
    void aPausedDeliveryStopsWithinASecondAndResumesWithoutDuplicates() {
        String token = audience();
        System.setProperty("crosscast.delivery.rate", "20");
        Delivery delivery = send(token);

        assertTrue(Polling.eventually(PATIENCE, () -> received(token).size() >= 10), "sending has begun");
        deliveries.pause(delivery.getId());
        assertEquals(DeliveryStatus.PAUSED, deliveries.get(delivery.getId()).getStatus());
        Polling.eventually(Duration.ofSeconds(1), () -> false);
        int afterASecond = received(token).size();
        Polling.eventually(Duration.ofSeconds(2), () -> false);
        assertEquals(afterASecond, received(token).size(), "nothing more went out once paused");
        assertTrue(afterASecond < RECIPIENTS, "paused before the end: " + afterASecond);
        assertEquals(
                afterASecond,
                deliveries.ledgerCount(delivery.getId(), MessageStatus.SENT),
                "the ledger says SENT for exactly what was received");
        assertThrows(
                DeliveryException.class, () -> deliveries.pause(delivery.getId()), "a paused delivery is not sending");

        System.clearProperty("crosscast.delivery.rate");
        deliveries.resume(delivery.getId());
        assertThrows(DeliveryException.class, () -> deliveries.resume(delivery.getId()), "a sending one is not paused");
        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> deliveries.get(delivery.getId()).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");
        Map<String, Integer> perRecipient = SandboxMessages.perRecipient(received(token));
        assertEquals(RECIPIENTS, perRecipient.size(), "everyone got a message");
        assertTrue(perRecipient.values().stream().allMatch(count -> count == 1), "nobody got two: " + perRecipient);
    }

    @Test
    void aPausedDeliveryCanBeCancelled() {
        String token = audience();
        System.setProperty("crosscast.delivery.rate", "10");
        Delivery delivery = send(token);
        deliveries.pause(delivery.getId());
        deliveries.cancel(delivery.getId());
        assertEquals(DeliveryStatus.CANCELLED, deliveries.get(delivery.getId()).getStatus());
        Polling.eventually(Duration.ofSeconds(2), () -> false);
        assertTrue(deliveries.ledgerCount(delivery.getId(), MessageStatus.PENDING) > 0, "the rest is never sent");
        Delivery draft = deliveries.create(
                Channel.EMAIL,
                new DeliveryContent("Draft " + token, null, "shop@example.com", null, "Hi", "<p>Hi</p>", null));
        assertThrows(DeliveryException.class, () -> deliveries.pause(draft.getId()), "a draft is not sending");
    }

    private String audience() {
        String token = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SandboxMessages.createRecipients(recipients, token, RECIPIENTS);
        return token;
    }

    private Delivery send(String token) {
        return SandboxMessages.sendHello(deliveries, "Pause " + token, token);
    }

    private List<OutboxMessage> received(String token) {
        return SandboxMessages.containing(outbox, token);
    }
}
