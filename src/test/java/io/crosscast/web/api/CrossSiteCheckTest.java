package io.crosscast.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossSiteCheckTest {

    private static final String HOST = "crosscast.example.com:8080";

    @Test
    void readingIsNeverRefused() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "get"}) {
            assertTrue(
                    refusal(method, true, headers("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"))
                            .isEmpty(),
                    method);
        }
    }

    @Test
    void aChangeFromAnotherSiteIsRefusedWhateverTheCredentials() {
        for (boolean bySession : new boolean[] {true, false}) {
            assertEquals(
                    "auth.crossSite",
                    code(refusal("POST", bySession, headers("Sec-Fetch-Site", "cross-site", "X-Requested-With", "x"))));
            assertEquals(
                    "auth.crossSite",
                    code(refusal("POST", bySession, headers("Sec-Fetch-Site", "same-site", "X-Requested-With", "x"))));
            assertEquals(
                    "auth.crossSite",
                    code(refusal(
                            "DELETE", bySession, headers("Origin", "http://evil.example", "X-Requested-With", "x"))));
            assertEquals(
                    "auth.crossSite",
                    code(refusal("PUT", bySession, headers("Origin", "null", "X-Requested-With", "x"))));
            assertEquals(
                    "auth.crossSite",
                    code(refusal(
                            "POST",
                            bySession,
                            headers("Origin", "http://crosscast.example.com:9090", "X-Requested-With", "x"))));
        }
    }

    @Test
    void aSessionCallMustSendTheHeaderThatFormsCannotSend() {
        assertEquals("auth.sessionHeaderRequired", code(refusal("POST", true, headers())));
        assertEquals(
                "auth.sessionHeaderRequired",
                code(refusal(
                        "POST",
                        true,
                        headers("Origin", "http://crosscast.example.com:8080", "Sec-Fetch-Site", "same-origin"))));
        assertEquals("auth.sessionHeaderRequired", code(refusal("POST", true, headers("X-Requested-With", " "))));
        assertTrue(refusal(
                        "POST",
                        true,
                        headers(
                                "Origin",
                                "http://crosscast.example.com:8080",
                                "Sec-Fetch-Site",
                                "same-origin",
                                "X-Requested-With",
                                "XMLHttpRequest"))
                .isEmpty());
        assertTrue(refusal("POST", true, headers("X-Requested-With", "XMLHttpRequest"))
                .isEmpty());
    }

    @Test
    void basicClientsThatAreNotBrowsersAreUnaffected() {
        assertTrue(refusal("POST", false, headers()).isEmpty());
        assertTrue(refusal("DELETE", false, headers()).isEmpty());
        assertTrue(refusal("POST", false, headers("Sec-Fetch-Site", "none")).isEmpty());
    }

    @Test
    void theOriginIsComparedWithTheAddressedHostAndPort() {
        assertTrue(CrossSiteCheck.sameHost("http://crosscast.example.com:8080", HOST));
        assertTrue(CrossSiteCheck.sameHost("https://Crosscast.Example.com", "crosscast.example.com"));
        assertTrue(CrossSiteCheck.sameHost("https://crosscast.example.com", "crosscast.example.com:443"));
        assertTrue(CrossSiteCheck.sameHost("http://[::1]:8180", "[::1]:8180"));
        assertFalse(CrossSiteCheck.sameHost("https://crosscast.example.com", "crosscast.example.com:8443"));
        assertFalse(CrossSiteCheck.sameHost("http://crosscast.example.com.evil.example:8080", HOST));
        assertFalse(CrossSiteCheck.sameHost("null", HOST));
        assertFalse(CrossSiteCheck.sameHost("http://crosscast.example.com:8080", null));
        assertFalse(CrossSiteCheck.sameHost("not an origin", HOST));
    }

    @Test
    void theRefusalSaysWhatCameFromWhere() {
        ApiError error =
                refusal("POST", true, headers("Origin", "https://evil.example")).orElseThrow();
        assertEquals(403, error.status());
        assertTrue(error.message().contains("https://evil.example"), error.message());
    }

    private static Optional<ApiError> refusal(String method, boolean bySession, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("host", HOST);
        return CrossSiteCheck.refusal(method, bySession, name -> all.get(name.toLowerCase(Locale.ROOT)));
    }

    private static String code(Optional<ApiError> error) {
        return error.map(ApiError::code).orElse("accepted");
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i].toLowerCase(Locale.ROOT), namesAndValues[i + 1]);
        }
        return map;
    }
}
