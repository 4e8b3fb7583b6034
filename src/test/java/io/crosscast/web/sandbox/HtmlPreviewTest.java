package io.crosscast.web.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlPreviewTest {

    @Test
    void theBaseGoesRightAfterTheOpeningHead() {
        assertEquals(
                "<!DOCTYPE html><html lang=\"fr\"><HEAD class=\"x\"><base target=\"_blank\"><title>t</title></head>"
                        + "<body><a href=\"http://a\">a</a></body></html>",
                HtmlPreview.withLinksInNewTab(
                        "<!DOCTYPE html><html lang=\"fr\"><HEAD class=\"x\"><title>t</title></head>"
                                + "<body><a href=\"http://a\">a</a></body></html>"));
    }

    @Test
    void aHeaderElementIsNotTakenForTheHead() {
        assertEquals(
                "<html><base target=\"_blank\"><body><header>h</header></body></html>",
                HtmlPreview.withLinksInNewTab("<html><body><header>h</header></body></html>"));
    }

    @Test
    void withoutHeadOrHtmlTheBaseFollowsTheDoctypeOrComesFirst() {
        assertEquals(
                "<!doctype html><base target=\"_blank\"><p>x</p>",
                HtmlPreview.withLinksInNewTab("<!doctype html><p>x</p>"));
        assertEquals("<base target=\"_blank\"><p>x</p>", HtmlPreview.withLinksInNewTab("<p>x</p>"));
    }

    @Test
    void thePolicyRunsNoScriptAndTheIdMustBeANumber() {
        assertTrue(OutboxMessageServlet.CONTENT_SECURITY_POLICY.contains("script-src 'none'"));
        assertEquals(Optional.of(42L), OutboxMessageServlet.id(" 42 "));
        assertEquals(Optional.empty(), OutboxMessageServlet.id("42<script>"));
        assertEquals(Optional.empty(), OutboxMessageServlet.id(null));
    }
}
