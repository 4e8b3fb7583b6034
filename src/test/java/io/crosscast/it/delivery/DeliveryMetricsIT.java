package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.PrometheusText;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sending counters move when a delivery sends: three recipients, one of them without an address, get an email
 * through the sandbox SMTP server; the Prometheus text of the management interface then counts two more emails
 * sent, no more failed, and no SMTP error.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SENT = "crosscast_messages_total";

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    @Test
    void sendingAnEmailDeliveryMovesTheSentCounter() throws Exception {
        String token = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        recipient("Ana", "ana." + token + "@example.com", token);
        recipient("Ben", "ben." + token + "@example.com", token);
        recipient("Cid", null, token);
        int port = PrometheusText.managementPortHere();
        PrometheusText before = PrometheusText.scrape(port);
        double sentBefore = value(before, "channel=\"email\"", "result=\"sent\"");
        double failedBefore = value(before, "channel=\"email\"", "result=\"failed\"");
        Double smtpErrorsBefore = before.value("crosscast_smtp_errors_total");
        assertNotNull(smtpErrorsBefore, before.text());

        long id = deliveries
                .create(
                        Channel.EMAIL,
                        new DeliveryContent(
                                "Metrics " + token,
                                "Crosscast Shop",
                                "shop@example.com",
                                null,
                                "Hello {{firstName}}",
                                "<html><body><p>Dear {{firstName}}</p></body></html>",
                                "Dear {{firstName}}"))
                .getId();
        DeliveryStats started = deliveries.sendToCondition(
                id,
                ConditionJson.fromJson(
                        "{\"field\": \"lastName\", \"operator\": \"equals\", \"values\": [\"" + token + "\"]}"));
        assertEquals(3, started.targeted());
        assertEquals(1, started.excluded(), "no address");
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(id).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");
        assertEquals(2, deliveries.stats(id).sent());

        PrometheusText after = PrometheusText.scrape(port);
        assertEquals(sentBefore + 2, value(after, "channel=\"email\"", "result=\"sent\""), after.text());
        assertEquals(failedBefore, value(after, "channel=\"email\"", "result=\"failed\""), "nothing failed");
        assertEquals(smtpErrorsBefore, after.value("crosscast_smtp_errors_total"), "no SMTP error");
    }

    private static double value(PrometheusText metrics, String... labels) {
        Double value = metrics.value(SENT, labels);
        assertNotNull(value, SENT + " " + String.join(",", labels) + " in " + metrics.text());
        return value;
    }

    private void recipient(String firstName, String email, String lastName) {
        RecipientForm form = new RecipientForm();
        form.setFirstName(firstName);
        form.setLastName(lastName);
        form.setEmail(email);
        recipients.create(form);
    }
}
