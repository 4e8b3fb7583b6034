package io.crosscast.web.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a click leads from a stored link, including rows frozen before links were normalised. */
class RedirectTargetsTest {

    @Test
    void aStoredLinkIsRedirectedToNormalised() {
        assertEquals(
                Optional.of(URI.create("https://shop.example.com/offer?x=1&y=2")),
                RedirectTargets.redirectTarget("https://shop.example.com/offer?x=1&y=2"));
        assertEquals(
                Optional.of(URI.create("https://old.example/utm?c=spring%7C2026&t=a%20b")),
                RedirectTargets.redirectTarget("https://old.example/utm?c=spring|2026&t=a b"));
        assertEquals(
                Optional.of(URI.create("https://xn--bcher-kva.example/%C3%A9t%C3%A9")),
                RedirectTargets.redirectTarget(" https://Bücher.example/été "));
    }

    @Test
    void aStoredLinkThatCannotBeAWebAddressLeadsNowhere() {
        for (String stored : new String[] {
            "http://exa mple.com/",
            "https://example.com/100%",
            "http://",
            "javascript:alert(1)",
            "/relative",
            "mailto:a@example.com",
            ""
        }) {
            assertEquals(Optional.empty(), RedirectTargets.redirectTarget(stored), stored);
        }
    }
}
