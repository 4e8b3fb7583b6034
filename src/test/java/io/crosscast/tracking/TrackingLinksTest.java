package io.crosscast.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.tracking.token.TrackingTokens;
import org.junit.jupiter.api.Test;

/** The configured public address, which every tracking URL and Message-ID of every message starts from. */
class TrackingLinksTest {

    @Test
    void theDefaultIsLocalhostWithThePortOffset() {
        assertEquals("http://localhost:8480/crosscast", TrackingLinks.publicUrl(null, 400));
        assertEquals("http://localhost:8080/crosscast", TrackingLinks.publicUrl("  ", 0));
    }

    @Test
    void theConfiguredAddressIsNormalisedAsLinksAre() {
        assertEquals(
                "https://campaigns.example.com/crosscast",
                TrackingLinks.publicUrl(" https://Campaigns.Example.com/crosscast/ ", 0));
        assertEquals(
                "https://xn--campagnes-socit-onbb.fr/mes%20campagnes",
                TrackingLinks.publicUrl("https://campagnes-société.fr/mes campagnes", 0));
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> TrackingLinks.publicUrl("campaigns.example.com/crosscast", 0));
        assertTrue(e.getMessage().contains("crosscast.public.url"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> TrackingLinks.publicUrl("https://exa mple.com/", 0));
    }

    @Test
    void theHostOfAMessageIdIsAsciiAndADomain() {
        TrackingTokens tokens =
                TrackingTokens.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32]));
        for (String configured : new String[] {
            "https://campagnes-société.fr/c",
            "http://my_host.example:8080/c",
            "https://[::1]:8443/c",
            "HTTPS://News.Example.COM"
        }) {
            String host = TrackingLinks.host(TrackingLinks.publicUrl(configured, 0));
            String messageId = tokens.messageId(1, 2, host);
            assertTrue(messageId.chars().allMatch(c -> c > ' ' && c < 0x7F), messageId);
        }
        assertEquals(
                "xn--campagnes-socit-onbb.fr",
                TrackingLinks.host(TrackingLinks.publicUrl("https://campagnes-société.fr/c", 0)));
        assertEquals("crosscast.invalid", TrackingLinks.host("http://my_host.example:8080/c"));
        assertEquals("crosscast.invalid", TrackingLinks.host("https://[::1]:8443/c"));
    }
}
