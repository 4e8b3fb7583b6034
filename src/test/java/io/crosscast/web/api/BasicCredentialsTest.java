package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsUserAndPassword() {
        assertEquals(
                Optional.of(new BasicCredentials("marketer", "marketer")),
                BasicCredentials.parse("Basic " + encode("marketer:marketer")));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSpacesAroundAreIgnored() {
        assertEquals(
                "admin",
                BasicCredentials.parse("  basic   " + encode("admin:admin") + " ")
                        .orElseThrow()
                        .user());
        assertEquals(
                "admin",
                BasicCredentials.parse("BASIC " + encode("admin:admin"))
                        .orElseThrow()
                        .user());
    }

    @Test
    void thePasswordMayHoldColonsAndBeEmpty() {
        assertEquals(
                "a:b:c",
                BasicCredentials.parse("Basic " + encode("u:a:b:c"))
                        .orElseThrow()
                        .password());
        assertEquals(
                "",
                BasicCredentials.parse("Basic " + encode("u:")).orElseThrow().password());
    }

    @Test
    void textIsUtf8() {
        BasicCredentials credentials =
                BasicCredentials.parse("Basic " + encode("Zoé:mot de passe €")).orElseThrow();
        assertEquals("Zoé", credentials.user());
        assertEquals("mot de passe €", credentials.password());
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoCredentials() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc.def").isEmpty());
        assertTrue(BasicCredentials.parse("").isEmpty());
        assertTrue(BasicCredentials.parse("Basicx " + encode("a:b")).isEmpty());
    }

    @Test
    void aBrokenBasicHeaderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.parse("Basic"));
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.parse("Basic !!not base64!!"));
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.parse("Basic " + encode("no colon")));
        assertThrows(IllegalArgumentException.class, () -> BasicCredentials.parse("Basic " + encode(":password")));
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertFalse(new BasicCredentials("u", "s3cret").toString().contains("s3cret"));
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
