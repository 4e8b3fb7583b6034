package io.crosscast.apitoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aTokenIsThePrefixAnd32RandomBytesInBase64Url() {
        String token = TokenSecrets.generate();

        assertTrue(token.startsWith("cc_"), token);
        assertEquals(46, token.length(), token);
        byte[] secret = Base64.getUrlDecoder().decode(token.substring(3));
        assertEquals(32, secret.length);
        assertTrue(TokenSecrets.wellFormed(token));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(TokenSecrets.generate()));
        }
    }

    @Test
    void onlyTheTokenShapeIsWellFormed() {
        String token = TokenSecrets.generate();

        assertFalse(TokenSecrets.wellFormed(null));
        assertFalse(TokenSecrets.wellFormed(""));
        assertFalse(TokenSecrets.wellFormed("abc.def.ghi"));
        assertFalse(TokenSecrets.wellFormed(token.substring(0, 45)), "one character short");
        assertFalse(TokenSecrets.wellFormed(token + "A"), "one character more");
        assertFalse(TokenSecrets.wellFormed("xx_" + token.substring(3)), "another prefix");
        assertFalse(TokenSecrets.wellFormed(token.substring(0, 45) + "="), "not base64url");
        assertFalse(TokenSecrets.wellFormed(" " + token));
    }

    @Test
    void theHashIsTheHexSha256OfTheWholeToken() {
        // SHA-256("abc"), FIPS 180-2's example
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecrets.hash("abc"));
        String token = TokenSecrets.generate();
        assertEquals(64, TokenSecrets.hash(token).length());
        assertEquals(TokenSecrets.hash(token), TokenSecrets.hash(token));
        assertNotEquals(TokenSecrets.hash(token), TokenSecrets.hash(TokenSecrets.generate()));
    }

    @Test
    void theHintIsThePrefixAndFourCharacters() {
        String token = TokenSecrets.generate();

        assertEquals(token.substring(0, 7), TokenSecrets.hint(token));
    }

    @Test
    void theExpiryIsRequiredAndFromOneTo365Days() {
        assertEquals(NOW.plus(Duration.ofDays(1)), TokenSecrets.expiry(NOW, 1));
        assertEquals(NOW.plus(Duration.ofDays(365)), TokenSecrets.expiry(NOW, 365));

        assertEquals("apiToken.expiryRequired", code(() -> TokenSecrets.expiry(NOW, null)));
        assertEquals("apiToken.expiryRange", code(() -> TokenSecrets.expiry(NOW, 0)));
        assertEquals("apiToken.expiryRange", code(() -> TokenSecrets.expiry(NOW, -5)));
        assertEquals("apiToken.expiryRange", code(() -> TokenSecrets.expiry(NOW, 366)));
    }

    @Test
    void aNameIsTrimmedAndRefusedEmptyTooLongOrWithControlCharacters() {
        assertEquals("nightly export", TokenSecrets.name("  nightly export "));
        assertEquals("<b>x</b> & 'y'", TokenSecrets.name("<b>x</b> & 'y'"), "markup is text, escaped where shown");
        assertEquals("x".repeat(100), TokenSecrets.name("x".repeat(100)));

        assertEquals("apiToken.nameRequired", code(() -> TokenSecrets.name(null)));
        assertEquals("apiToken.nameRequired", code(() -> TokenSecrets.name("   ")));
        assertEquals("apiToken.nameTooLong", code(() -> TokenSecrets.name("x".repeat(101))));
        assertEquals("apiToken.nameInvalid", code(() -> TokenSecrets.name("forged\nINFO line")));
        assertEquals("apiToken.nameInvalid", code(() -> TokenSecrets.name("tab\there")));
    }

    @Test
    void aTokenIsValidUntilItExpiresOrIsRevoked() {
        ApiToken token =
                new ApiToken("n", "marketer", "marketer", TokenSecrets.generate(), NOW, NOW.plus(Duration.ofDays(1)));

        assertTrue(token.validAt(NOW));
        assertTrue(token.validAt(NOW.plus(Duration.ofDays(1)).minusMillis(1)));
        assertFalse(token.validAt(NOW.plus(Duration.ofDays(1))), "expired at its expiry");
        assertEquals(
                ApiTokenSummary.Status.ACTIVE, ApiTokenSummary.of(token, NOW).status());
        assertEquals(
                ApiTokenSummary.Status.EXPIRED,
                ApiTokenSummary.of(token, NOW.plus(Duration.ofDays(2))).status());

        token.revoke(NOW.plusSeconds(60));
        token.revoke(NOW.plusSeconds(120));

        assertFalse(token.validAt(NOW.plusSeconds(61)));
        assertEquals(NOW.plusSeconds(60), token.getRevokedAt(), "revoking again changes nothing");
        assertEquals(
                ApiTokenSummary.Status.REVOKED, ApiTokenSummary.of(token, NOW).status());
    }

    @Test
    void onlyTheHashAndHintAreKept() {
        String secret = TokenSecrets.generate();
        ApiToken token = new ApiToken("n", "marketer", "marketer", secret, NOW, NOW.plus(Duration.ofDays(1)));

        ApiTokenSummary summary = ApiTokenSummary.of(token, NOW);
        assertFalse(summary.toString().contains(secret.substring(7)), summary::toString);
        assertEquals(secret.substring(0, 7), summary.hint());
    }

    private static String code(Runnable action) {
        return assertThrows(ApiTokenException.class, action::run).code();
    }
}
