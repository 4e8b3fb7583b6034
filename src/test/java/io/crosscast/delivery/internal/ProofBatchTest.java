package io.crosscast.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.content.RecipientValues;
import io.crosscast.content.RenderedEmail;
import io.crosscast.content.TrackedLink;
import io.crosscast.delivery.Channel;
import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProofBatchTest {

    private static final String UNSUBSCRIBE = "https://campaigns.example.com/crosscast/t/u/token-for-recipient-0";

    private static Delivery delivery(String sender) {
        return new Delivery(
                Channel.EMAIL,
                new DeliveryContent(
                        "Offer",
                        "Shop",
                        sender,
                        null,
                        "Hello {{firstName}}",
                        "<p>Dear {{firstName}},</p><p><a href=\"https://shop.example.com/offer?a=1&amp;b=2\" data-label=\"offer\">"
                                + "Offer</a> <a href=\"https://shop.example.com/a b\">spaced</a></p>",
                        null),
                Instant.parse("2026-11-29T10:00:00Z"));
    }

    private static RecipientValues ana() {
        return new RecipientValues(0, "Ana", "Lopez", "ana@example.com", null, "GOLD", "FR", "fr", null);
    }

    @Test
    void aPreviewIsPersonalisedAndTracksNothing() {
        RenderedEmail email = ProofBatch.preview(delivery(null), UNSUBSCRIBE).render(ana(), "fr");
        assertEquals("Hello Ana", email.subject());
        assertTrue(email.html().contains("Dear Ana,"), email.html());
        assertTrue(email.html().contains("href=\"https://shop.example.com/offer?a&#61;1&amp;b&#61;2\""), email.html());
        assertTrue(email.html().contains("https://shop.example.com/a%20b"), email.html());
        assertFalse(email.html().contains("/t/c/") || email.html().contains("/t/o/"), email.html());
        assertTrue(email.html().contains(PreviewUrls.PIXEL), "the open pixel is inline");
        assertTrue(email.html().contains(UNSUBSCRIBE) && email.html().contains("Se désinscrire"), email.html());
        assertTrue(email.text().contains("Dear Ana"), email.text());
    }

    @Test
    void aProofHasThePrefixedSubjectAndTheGivenAddress() throws Exception {
        ProofBatch batch = ProofBatch.proof(delivery("shop@example.com"), UNSUBSCRIBE);
        MimeMessage message = batch.compose(
                Session.getInstance(new Properties()), ana(), "en", "tester@example.org", "<proof.1.abc@example.com>");
        assertEquals("[Proof] Hello Ana", message.getSubject());
        assertEquals("tester@example.org", message.getAllRecipients()[0].toString());
        assertEquals("<proof.1.abc@example.com>", message.getMessageID());
        assertEquals("<" + UNSUBSCRIBE + ">", message.getHeader("List-Unsubscribe")[0]);
    }

    @Test
    void previewUrlsLeadStraightToTheLinks() {
        PreviewUrls urls =
                new PreviewUrls(List.of(new TrackedLink(0, "https://a.example.com/x\"y<z>", null)), UNSUBSCRIBE);
        assertEquals("https://a.example.com/x%22y%3Cz%3E", urls.click(7, 0));
        assertEquals(UNSUBSCRIBE, urls.click(7, 5), "an unknown link leads nowhere harmful");
        assertEquals(UNSUBSCRIBE, urls.unsubscribe(7));
        assertEquals(PreviewUrls.PIXEL, urls.open(7));
    }
}
