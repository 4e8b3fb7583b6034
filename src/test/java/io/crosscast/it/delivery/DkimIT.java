package io.crosscast.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.RecipientService;
import io.crosscast.audience.condition.ConditionJson;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryException;
import io.crosscast.delivery.DeliveryProofs;
import io.crosscast.delivery.DeliveryService;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.delivery.LedgerEntry;
import io.crosscast.delivery.internal.DkimKeys;
import io.crosscast.it.support.Deployments;
import io.crosscast.it.support.OwnDeployment;
import io.crosscast.it.support.Polling;
import io.crosscast.it.support.SandboxMessages;
import io.crosscast.sandbox.OutboxMessage;
import io.crosscast.sandbox.OutboxService;
import jakarta.ejb.EJB;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.dom.Message;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DKIM signing for real: the test server configures two sender domains (src/build/wildfly/it-dkim.cli). The test
 * writes a fresh key pair's private key where the first one's key file is configured, sends a delivery from that
 * domain through the SMTP sandbox, and verifies every message as the sandbox received it (raw bytes) with Apache
 * James jDKIM and the public key given as the DNS record would be; a proof is signed too. The second domain's key
 * file does not exist: a proof from it is refused with the reason.
 */
@OwnDeployment
@ExtendWith(ArquillianExtension.class)
class DkimIT {

    private static final String DOMAIN = "signed.example.com";
    private static final String SELECTOR = "it2026";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Deployment
    static WebArchive deployment() {
        // The verifier and the MIME parser it reads with, from the test class path.
        return Deployments.crosscast(DkimIT.class)
                .addAsLibraries(jarOf(DKIMVerifier.class), jarOf(Message.class), jarOf(MimeException.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @EJB
    private DeliveryService deliveries;

    @EJB
    private DeliveryProofs proofs;

    @EJB
    private RecipientService recipients;

    @EJB
    private OutboxService outbox;

    @Test
    void messagesFromAConfiguredDomainAreSignedAndVerify() throws Exception {
        KeyPair keys = writeKey();
        String token = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SandboxMessages.createRecipients(recipients, token, 3);
        Delivery delivery = deliveries.create(Channel.EMAIL, content(token, "news@" + DOMAIN));
        deliveries.sendToCondition(delivery.getId(), ConditionJson.fromJson(lastNameIs(token)));

        assertTrue(
                Polling.eventually(
                        PATIENCE,
                        () -> SandboxMessages.containing(outbox, token).size() == 3),
                "3 messages arrive");
        assertTrue(
                Polling.eventually(
                        PATIENCE, () -> deliveries.get(delivery.getId()).getStatus() == DeliveryStatus.SENT),
                "the delivery is sent");
        Set<String> ledgerIds = deliveries.ledger(delivery.getId(), null, 0, 10).stream()
                .map(LedgerEntry::messageId)
                .collect(Collectors.toSet());
        for (OutboxMessage m : SandboxMessages.containing(outbox, token)) {
            byte[] raw = outbox.raw(m.id()).orElseThrow();
            SignatureRecord signature = verified(raw, keys);
            assertEquals(DOMAIN, signature.getDToken().toString());
            MimeMessage received = parse(raw);
            assertEquals(
                    "0:" + delivery.getId() + ":email:crosscast",
                    received.getHeader("Feedback-ID")[0],
                    "no campaign: 0");
            assertTrue(received.getHeader("List-Unsubscribe")[0].contains("/t/u/"));
            assertTrue(ledgerIds.contains(received.getMessageID()), "the Message-ID the ledger knows: " + ledgerIds);
        }

        String tester = "tester." + token + "@example.org";
        assertEquals(1, proofs.proof(delivery.getId(), 0, List.of(tester)));
        byte[] proof = outbox.raw(
                        SandboxMessages.received(outbox, tester).message().id())
                .orElseThrow();
        verified(proof, keys);
        assertTrue(parse(proof).getSubject().startsWith("[Proof]"));
    }

    @Test
    void aConfiguredKeyThatCannotBeReadSendsNothing() {
        Delivery delivery = deliveries.create(Channel.EMAIL, content("broken", "news@broken.example.com"));
        String tester = "tester." + UUID.randomUUID() + "@example.org";
        DeliveryException refused =
                assertThrows(DeliveryException.class, () -> proofs.proof(delivery.getId(), 0, List.of(tester)));
        assertTrue(refused.getMessage().contains("broken.example.com"), refused.getMessage());
        assertTrue(refused.getMessage().contains("missing.pem"), refused.getMessage());
        assertEquals(null, SandboxMessages.find(outbox, tester), "nothing was sent unsigned");
    }

    /** A fresh key pair, its private key written (PEM, PKCS#8) where the server reads the domain's key. */
    private static KeyPair writeKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path file = Path.of(System.getProperty(DkimKeys.keyFileProperty(DOMAIN)));
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(keys.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        return keys;
    }

    private static SignatureRecord verified(byte[] raw, KeyPair keys) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            if (!SELECTOR.equals(selector.toString()) || !DOMAIN.equals(domain.toString())) {
                return List.of();
            }
            return List.of("v=DKIM1; k=rsa; p="
                    + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        });
        List<SignatureRecord> verified = verifier.verify(new ByteArrayInputStream(raw));
        assertEquals(1, verified.size());
        return verified.get(0);
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static DeliveryContent content(String token, String sender) {
        return new DeliveryContent(
                "Signed " + token,
                "Signed Shop",
                sender,
                null,
                "Hello {{firstName}}, été offer",
                "<html><body><p>Dear {{firstName}},</p>"
                        + "<p><a href=\"https://shop.example.com/offer\" data-label=\"offer\">See the offer</a></p>"
                        + "</body></html>",
                null);
    }

    private static String lastNameIs(String token) {
        return "{\"field\": \"lastName\", \"operator\": \"equals\", \"values\": [\"" + token + "\"]}";
    }
}
