package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.content.RecipientValues;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A composed message signed with a key read from a file as the administrator configures it, then verified by another
 * implementation (Apache James jDKIM) with the matching public key given as the DNS record would: it verifies, and a
 * change of the body or of a signed header breaks it.
 */
class DkimSigningTest {

    private static final String UNSUBSCRIBE = "https://campaigns.example.com/crosscast/t/u/token-for-recipient-0";
    private static final String DOMAIN = "shop.example.com";
    private static final String SELECTOR = "cc2026";

    private static KeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private Path pemKey() throws Exception {
        Path file = dir.resolve("dkim.pem");
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return file;
    }

    private static DkimKeys configured(String domain, String selector, Path keyFile) {
        Map<String, String> properties = new HashMap<>();
        properties.put(DkimKeys.selectorProperty(domain), selector);
        if (keyFile != null) {
            properties.put(DkimKeys.keyFileProperty(domain), keyFile.toString());
        }
        return new DkimKeys(properties::get);
    }

    private static MimeMessage composed(String sender) throws Exception {
        Delivery delivery = new Delivery(
                Channel.EMAIL,
                new DeliveryContent(
                        "Offer",
                        "Shop",
                        sender,
                        null,
                        "Hello {{firstName}}, été offer",
                        "<p>Dear {{firstName}},</p><p><a href=\"https://shop.example.com/offer\">Offer</a></p>",
                        null),
                Instant.parse("2026-11-29T10:00:00Z"));
        RecipientValues ana = new RecipientValues(0, "Ana", "Lopez", "ana@example.org", null, "GOLD", "FR", "fr", null);
        return ProofBatch.proof(delivery, UNSUBSCRIBE)
                .compose(
                        Session.getInstance(new Properties()), ana, "fr", "ana@example.org", "<d7.r1.abc@example.com>");
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The signatures jDKIM verifies, with {@code key} as the selector's published record. */
    private static List<SignatureRecord> verify(byte[] raw, PublicKey key) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            assertEquals(SELECTOR, selector.toString());
            assertEquals(DOMAIN, domain.toString());
            return List.of("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded()));
        });
        return verifier.verify(new ByteArrayInputStream(raw));
    }

    @Test
    void aSignedMessageVerifiesAndKeepsItsHeaders() throws Exception {
        OutgoingEmail outgoing = new OutgoingEmail(
                OutgoingEmail.feedbackId(12L, 345, Channel.EMAIL),
                configured(DOMAIN, SELECTOR, pemKey())
                        .forSender("news@Shop.Example.com")
                        .orElseThrow());
        MimeMessage signed = outgoing.finish(composed("news@shop.example.com"));
        byte[] raw = bytes(signed);

        List<SignatureRecord> verified = verify(raw, keys.getPublic());
        assertEquals(1, verified.size());
        SignatureRecord signature = verified.get(0);
        assertEquals(DOMAIN, signature.getDToken().toString());
        assertEquals(SELECTOR, signature.getSelector().toString());
        List<String> signedHeaders = signature.getHeaders().stream()
                .map(h -> h.toString().toLowerCase(java.util.Locale.ROOT))
                .toList();
        for (String header : List.of(
                "from", "to", "subject", "message-id", "list-unsubscribe", "list-unsubscribe-post", "feedback-id")) {
            assertTrue(signedHeaders.contains(header), header + " is signed: " + signedHeaders);
        }

        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        assertEquals("<d7.r1.abc@example.com>", received.getMessageID(), "the Message-ID is kept");
        assertEquals("12:345:email:crosscast", received.getHeader("Feedback-ID")[0]);
        assertEquals("<" + UNSUBSCRIBE + ">", received.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(received.getHeader("DKIM-Signature")[0].contains("c=relaxed/relaxed"));
    }

    @Test
    void aChangedBodyOrHeaderOrAnotherKeyFailsVerification() throws Exception {
        DkimSigning signing = configured(DOMAIN, SELECTOR, pemKey())
                .forSender("news@shop.example.com")
                .orElseThrow();
        byte[] raw = bytes(new OutgoingEmail("0:1:email:crosscast", signing).finish(composed("news@shop.example.com")));
        String text = new String(raw, StandardCharsets.US_ASCII);
        assertTrue(text.contains("Dear Ana"), text);

        byte[] body = text.replace("Dear Ana", "Dear Bob").getBytes(StandardCharsets.US_ASCII);
        assertThrows(FailException.class, () -> verify(body, keys.getPublic()), "a changed body");

        byte[] header =
                text.replace("Feedback-ID: 0:1:email", "Feedback-ID: 0:2:email").getBytes(StandardCharsets.US_ASCII);
        assertTrue(!java.util.Arrays.equals(raw, header));
        assertThrows(FailException.class, () -> verify(header, keys.getPublic()), "a changed signed header");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PublicKey other = generator.generateKeyPair().getPublic();
        assertThrows(FailException.class, () -> verify(raw, other), "another domain's key");
    }

    @Test
    void aDerKeyIsReadToo() throws Exception {
        Path der = dir.resolve("dkim.der");
        Files.write(der, keys.getPrivate().getEncoded());
        DkimSigning signing = configured(DOMAIN, SELECTOR, der)
                .forSender("a@shop.example.com")
                .orElseThrow();
        verify(bytes(signing.sign(composed("a@shop.example.com"))), keys.getPublic());
    }

    @Test
    void otherDomainsAreSentUnsigned() throws Exception {
        DkimKeys dkim = configured(DOMAIN, SELECTOR, pemKey());
        assertTrue(dkim.forSender("news@example.com").isEmpty(), "a parent domain is another domain");
        assertTrue(dkim.forSender("news@mail.shop.example.com").isEmpty(), "so is a subdomain");
        assertTrue(dkim.forSender(null).isEmpty());

        OutgoingEmail unsigned = new OutgoingEmail("0:1:email:crosscast", null);
        byte[] raw = bytes(unsigned.finish(composed("news@example.com")));
        String text = new String(raw, StandardCharsets.US_ASCII);
        assertTrue(!text.contains("DKIM-Signature"), text);
        assertTrue(text.contains("Feedback-ID: 0:1:email:crosscast"), text);
    }

    @Test
    void aConfiguredKeyThatCannotBeReadFailsWithTheReason() throws Exception {
        Path missing = dir.resolve("missing.pem");
        DkimKeys.DkimKeyException e = assertThrows(
                DkimKeys.DkimKeyException.class,
                () -> configured(DOMAIN, SELECTOR, missing).forSender("news@shop.example.com"));
        assertTrue(e.getMessage().contains(DOMAIN) && e.getMessage().contains(missing.toString()), e.getMessage());

        e = assertThrows(
                DkimKeys.DkimKeyException.class,
                () -> configured(DOMAIN, SELECTOR, null).forSender("news@shop.example.com"));
        assertTrue(e.getMessage().contains(DkimKeys.keyFileProperty(DOMAIN)), e.getMessage());

        Path pkcs1 = dir.resolve("rsa.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        e = assertThrows(
                DkimKeys.DkimKeyException.class,
                () -> configured(DOMAIN, SELECTOR, pkcs1).forSender("news@shop.example.com"));
        assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());

        Path garbage = dir.resolve("garbage.der");
        Files.write(garbage, new byte[] {1, 2, 3});
        e = assertThrows(
                DkimKeys.DkimKeyException.class,
                () -> configured(DOMAIN, SELECTOR, garbage).forSender("news@shop.example.com"));
        assertTrue(e.getMessage().contains("no RSA private key"), e.getMessage());
    }

    @Test
    void theFeedbackIdNamesDeliveryOverviewAndChannel() {
        assertEquals("12:345:email:crosscast", OutgoingEmail.feedbackId(12L, 345, Channel.EMAIL));
        assertEquals("0:345:email:crosscast", OutgoingEmail.feedbackId(null, 345, Channel.EMAIL));
    }
}
