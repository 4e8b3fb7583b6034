package io.crosscast.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a subscription accepts: http(s) URLs, known events, a sound secret; and how its events are stored. */
class WebhookInputTest {

    @Test
    void urlsMustBeAbsoluteHttpOrHttps() {
        assertEquals(
                "https://hooks.example.com/crosscast?x=1",
                WebhookService.checkedUrl(" https://hooks.example.com/crosscast?x=1 "));
        assertEquals("http://127.0.0.1:8099/", WebhookService.checkedUrl("http://127.0.0.1:8099/"));
        assertEquals("webhook.urlRequired", code(() -> WebhookService.checkedUrl(" ")));
        for (String bad : List.of(
                "ftp://example.com/",
                "/relative",
                "javascript:alert(1)",
                "https:///nohost",
                "https://example.com/#f",
                "ht tp://x")) {
            WebhookException e = assertThrows(WebhookException.class, () -> WebhookService.checkedUrl(bad), bad);
            assertEquals("webhook.urlInvalid", e.code(), bad);
            assertEquals("url", e.field());
            assertTrue(e.getMessage().contains(bad.trim()), e.getMessage());
        }
    }

    @Test
    void eventsMustBeKnownAndAtLeastOne() {
        assertEquals(
                EnumSet.of(WebhookEvent.RUN_FAILED, WebhookEvent.RECIPIENT_BOUNCED),
                WebhookService.checkedEvents(List.of("recipient.bounced", "run.failed")));
        assertEquals("webhook.eventsRequired", code(() -> WebhookService.checkedEvents(List.of())));
        WebhookException unknown =
                assertThrows(WebhookException.class, () -> WebhookService.checkedEvents(List.of("run.started")));
        assertEquals("Unknown event 'run.started'.", unknown.getMessage());
    }

    @Test
    void eventsAreStoredBetweenCommasForOneLike() {
        assertEquals(
                ",run.finished,recipient.bounced,",
                WebhookSubscription.stored(List.of(WebhookEvent.RECIPIENT_BOUNCED, WebhookEvent.RUN_FINISHED)));
    }

    @Test
    void secretsAreMadeLongOrGivenSound() {
        String made = WebhookService.newSecret();
        assertTrue(made.matches("whsec_[0-9a-f]{64}"), made);
        assertTrue(!made.equals(WebhookService.newSecret()));
        assertEquals("0123456789abcdef", WebhookService.checkedSecret("0123456789abcdef"));
        assertEquals("webhook.secretInvalid", code(() -> WebhookService.checkedSecret("short")));
        assertEquals("webhook.secretInvalid", code(() -> WebhookService.checkedSecret("with a space in it!!")));
    }

    private static String code(Runnable call) {
        return assertThrows(WebhookException.class, call::run).code();
    }
}
