package io.crosscast.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final String SECRET = "whsec_test_secret_0123456789";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"run.finished\"}";

    @Test
    void theHeaderIsTheTimestampAndTheHmacOfTimestampDotBody() {
        // RFC 4231-style known answer, computed independently: HMAC-SHA256("key", "The quick brown fox jumps over
        // the lazy dog").
        assertEquals(
                "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                Signature.hmac("key", "The quick brown fox jumps over the lazy dog"));
        assertEquals(
                "t=1700000000,v1=" + Signature.hmac(SECRET, "1700000000." + BODY),
                Signature.header(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void aReceiverVerifiesTheBodyItGotAndNothingElse() {
        String header = Signature.header(SECRET, 1_700_000_000L, BODY);
        assertTrue(Signature.verifies(SECRET, header, BODY));
        assertFalse(Signature.verifies(SECRET, header, BODY + " "), "a changed body");
        assertFalse(Signature.verifies("another secret", header, BODY), "another secret");
        assertFalse(
                Signature.verifies(SECRET, header.replace("t=1700000000", "t=1700000001"), BODY),
                "a changed timestamp");
        assertFalse(Signature.verifies(SECRET, "v1=abc", BODY), "no timestamp");
    }
}
