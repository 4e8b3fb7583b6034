package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.Recipient;
import io.crosscast.audience.RecipientForm;
import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LedgerEntry;
import io.crosscast.delivery.MessageStatus;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.TestDocuments;
import io.crosscast.sandbox.OutboxSms;
import io.crosscast.sandbox.SmppSandbox;
import io.crosscast.sandbox.SmsOutboxService;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SMS deliveries over SMPP into the sandbox SMSC: the right texts reach the right numbers, receipts move
 * the ledger to DELIVERED or UNDELIVERED, a STOP reply opts the number out, and a connection dropped
 * half-way is bound again and sending resumes without duplicates.
 */
@ExtendWith(ArquillianExtension.class)
class SmsDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Deployment
    static WebArchive deployment() {
        return Deployments.shared();
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private RecipientService recipients;

    @EJB
    private SmsOutboxService outbox;

    @EJB
    private SmppSandbox smsc;

    @AfterEach
    void restore() {
        System.clearProperty("crosscast.smpp.throughput");
        System.clearProperty("crosscast.delivery.reconnectSeconds");
        smsc.resume();
    }

    @Test
    void textsReachTheirNumbersReceiptsComeBackAndStopOptsOut() {
        String token = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String base = "+3361" + (100 + ThreadLocalRandom.current().nextInt(899));
        Recipient ana = recipient(token, "Ana", base + "1234", false);
        Recipient bea = recipient(token, "Béa", base + "0000", false); // the sandbox reports 0000 numbers undelivered
        recipient(token, "Cid", null, false);
        recipient(token, "Dan", base + "5678", true);
        recipient(token, "Eve", base + "1234", false); // shares Ana's number: one message per number

        Delivery sms = deliveries.create(
                Channel.SMS,
                new DeliveryContent(
                        "Codes " + token,
                        "Crosscast",
                        null,
                        null,
                        null,
                        null,
                        "Bonjour {{firstName}}, -20% avec le code ÉTÉ"));
        DeliveryStats started = deliveries.sendToCondition(sms.getId(), lastName(token));
        assertEquals(5, started.targeted());
        assertEquals(3, started.excluded(), "no number, opted out, a number already targeted");
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(sms.getId()).getStatus() == DeliveryStatus.SENT));

        Map<String, OutboxSms> received = received(base);
        assertEquals(2, received.size(), received.toString());
        OutboxSms toAna = received.get(ana.getMobilePhone());
        assertEquals("Bonjour Ana, -20% avec le code ÉTÉ", toAna.text());
        assertEquals("Crosscast", toAna.from());
        assertEquals(
                "Bonjour Béa, -20% avec le code ÉTÉ",
                received.get(bea.getMobilePhone()).text());

        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.ledgerCount(sms.getId(), MessageStatus.SENT) == 0),
                "every receipt came back");
        Map<String, LedgerEntry> ledger = deliveries.ledger(sms.getId(), null, 0, 10).stream()
                .collect(Collectors.toMap(LedgerEntry::firstName, Function.identity()));
        assertEquals(MessageStatus.DELIVERED, ledger.get("Ana").status());
        assertEquals(MessageStatus.UNDELIVERED, ledger.get("Béa").status());
        assertEquals(toAna.messageIds().get(0), ledger.get("Ana").messageId());
        assertEquals("NO_ADDRESS", ledger.get("Cid").reason());
        assertEquals("OPTED_OUT", ledger.get("Dan").reason());
        assertEquals("DUPLICATE", ledger.get("Eve").reason());

        assertTrue(smsc.inbound(ana.getMobilePhone().replace("+", ""), "Crosscast", "STOP") > 0, "a session listens");
        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> recipients.find(ana.getId()).orElseThrow().isSmsOptOut()),
                "STOP opts out");
        assertTrue(!recipients.find(bea.getId()).orElseThrow().isSmsOptOut());
    }

    @Test
    void aDroppedConnectionIsBoundAgainAndSendingResumesWithoutDuplicates() {
        String token = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String base = "+3362" + (100 + ThreadLocalRandom.current().nextInt(899));
        int count = 40;
        for (int i = 0; i < count; i++) {
            recipient(token, "P" + i, base + String.format("%04d", 1001 + i), false);
        }
        System.setProperty("crosscast.smpp.throughput", "10");
        System.setProperty("crosscast.delivery.reconnectSeconds", "1");
        Delivery sms = deliveries.create(
                Channel.SMS,
                new DeliveryContent("Resume " + token, "Crosscast", null, null, null, null, "Hello {{firstName}}"));
        deliveries.sendToCondition(sms.getId(), lastName(token));

        assertTrue(Polling.eventually(PATIENCE, () -> received(base).size() >= count / 4), "sending has begun");
        smsc.suspend();
        Polling.eventually(Duration.ofSeconds(3), () -> false);
        assertEquals(DeliveryStatus.SENDING, deliveries.get(sms.getId()).getStatus());
        assertTrue(deliveries.ledgerCount(sms.getId(), MessageStatus.PENDING) > 0, "pending rows are kept");
        assertEquals(0, deliveries.ledgerCount(sms.getId(), MessageStatus.FAILED));

        System.clearProperty("crosscast.smpp.throughput");
        smsc.resume();
        assertTrue(
                Polling.eventually(PATIENCE, () -> deliveries.get(sms.getId()).getStatus() == DeliveryStatus.SENT),
                "the delivery finishes");
        Map<String, Integer> perNumber = new HashMap<>();
        for (OutboxSms m : outbox.list(0, 10_000)) {
            if (m.to() != null && m.to().startsWith(base)) {
                perNumber.merge(m.to(), 1, Integer::sum);
            }
        }
        assertEquals(count, perNumber.size(), "no gap: " + perNumber.keySet());
        long twice = perNumber.values().stream().filter(n -> n > 1).count();
        assertTrue(
                twice <= 1 && perNumber.values().stream().allMatch(n -> n <= 2),
                "no duplicate beyond the message in flight: " + perNumber);
    }

    private Recipient recipient(String token, String firstName, String mobile, boolean optedOut) {
        RecipientForm form = new RecipientForm();
        form.setFirstName(firstName);
        form.setLastName(token);
        form.setMobilePhone(mobile);
        form.setSmsOptOut(optedOut);
        return recipients.create(form);
    }

    private static io.crosscast.audience.condition.Condition lastName(String token) {
        return ConditionJson.fromJson(TestDocuments.lastNameIs(token));
    }

    /** Messages received for numbers starting with {@code base}, by destination (as the sandbox shows it: +33...). */
    private Map<String, OutboxSms> received(String base) {
        List<OutboxSms> all = outbox.list(0, 10_000);
        Map<String, OutboxSms> byNumber = new HashMap<>();
        for (OutboxSms m : all) {
            if (m.to() != null && m.to().startsWith(base)) {
                byNumber.putIfAbsent(m.to(), m);
            }
        }
        return byNumber;
    }
}
