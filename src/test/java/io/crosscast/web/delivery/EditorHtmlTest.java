package io.crosscast.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EditorHtmlTest {

    @Test
    void scriptsHandlersAndJavascriptLinksAreRemoved() {
        String clean = EditorHtml.forEditor(
                "<p onclick=\"steal()\">Hi <b>{{firstName}}</b></p><script>steal()</script>"
                        + "<a href=\"javascript:steal()\">x</a><img src=\"x\" onerror=\"steal()\"><iframe src=\"https://evil.example\"></iframe>");
        assertFalse(clean.contains("steal"), clean);
        assertFalse(clean.contains("iframe"), clean);
        assertTrue(clean.contains("<p>Hi <b>{{firstName}}</b></p>"), clean);
    }

    @Test
    void linksLabelsStylesAndPersonalisedLinksStay() {
        String clean = EditorHtml.forEditor("<p style=\"color:red\"><a href=\"https://shop.example.com/?a=1&amp;b=2\""
                + " data-label=\"offer\">Offer</a> <a href=\"{{unsubscribeUrl}}\">Unsubscribe</a>"
                + " <a href=\"mailto:help@example.com\">help</a></p>");
        assertTrue(clean.contains("style=\"color:red\""), clean);
        assertTrue(clean.contains("href=\"https://shop.example.com/?a=1&amp;b=2\""), clean);
        assertTrue(clean.contains("data-label=\"offer\""), clean);
        assertTrue(clean.contains("href=\"{{unsubscribeUrl}}\""), clean);
        assertTrue(clean.contains("href=\"mailto:help@example.com\""), clean);
    }

    @Test
    void nothingIsEmpty() {
        assertEquals("", EditorHtml.forEditor(null));
        assertEquals("", EditorHtml.forEditor("  "));
        assertNull(EditorHtml.fromEditor("<p><br></p>"));
        assertNull(EditorHtml.fromEditor(null));
        assertEquals("<p>Hi</p>", EditorHtml.fromEditor("<p>Hi</p>"));
        assertEquals(
                "<p><img src=\"https://x.example/a.png\"></p>",
                EditorHtml.fromEditor("<p><img src=\"https://x.example/a.png\"></p>"));
    }

    @Test
    void fullEmailsAreRecognised() {
        assertTrue(EditorHtml.isFullEmail("<!DOCTYPE html><html><head><style>p{}</style></head><body></body></html>"));
        assertTrue(EditorHtml.isFullEmail("<table role=\"presentation\"><tr><td>x</td></tr></table>"));
        assertFalse(EditorHtml.isFullEmail("<p>Hello <b>{{firstName}}</b></p>"));
        assertFalse(EditorHtml.isFullEmail(null));
    }
}
