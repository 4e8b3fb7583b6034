package io.crosscast.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class LinkRewriterTest {

    private static final String UNSUBSCRIBE = "Se désinscrire";

    @Test
    void numbersHttpLinksInDocumentOrder() {
        RewrittenHtml rewritten = LinkRewriter.rewrite("""
                <p><a href="https://example.com/a">A</a></p>
                <div><p>text <a href="HTTP://Example.com/b?x=1&amp;y=2">B</a></p></div>
                <a href="https://example.com/a">A again</a>
                """, UNSUBSCRIBE);
        assertEquals(
                List.of(
                        new TrackedLink(0, "https://example.com/a", null),
                        new TrackedLink(1, "http://example.com/b?x=1&y=2", null),
                        new TrackedLink(2, "https://example.com/a", null),
                        new TrackedLink(3, "https://example.com/a", LinkRewriter.HONEYPOT_LABEL)),
                rewritten.links());
        List<String> hrefs = parse(rewritten).select("a").eachAttr("href");
        assertEquals(List.of("{{ccLink0}}", "{{ccLink1}}", "{{ccLink2}}", "{{ccLink3}}", "{{unsubscribeUrl}}"), hrefs);
        assertEquals(List.of(), rewritten.warnings());
    }

    @Test
    void keepsTheLinksTextAndOtherAttributes() {
        RewrittenHtml rewritten = LinkRewriter.rewrite(
                "<a class=\"btn\" style=\"color:red\" href=\" https://example.com/x \" target=\"_blank\"><b>Go</b></a>",
                UNSUBSCRIBE);
        Element link = parse(rewritten).selectFirst("a");
        assertEquals("btn", link.attr("class"));
        assertEquals("color:red", link.attr("style"));
        assertEquals("_blank", link.attr("target"));
        assertEquals("<b>Go</b>", link.html());
        assertEquals("https://example.com/x", rewritten.links().get(0).url());
    }

    @Test
    void readsAndRemovesLabels() {
        String longLabel = "L".repeat(150);
        RewrittenHtml rewritten = LinkRewriter.rewrite(
                "<a href=\"https://a.example\" data-label=\"  Offer  \">a</a>"
                        + "<a href=\"https://b.example\" data-label=\"\">b</a>"
                        + "<a href=\"https://c.example\" data-label=\"" + longLabel + "\">c</a>"
                        + "<a href=\"mailto:x@example.com\" data-label=\"mail\">m</a>",
                UNSUBSCRIBE);
        assertEquals("Offer", rewritten.links().get(0).label());
        assertNull(rewritten.links().get(1).label());
        assertEquals("L".repeat(100), rewritten.links().get(2).label());
        assertFalse(rewritten.template().contains("data-label"), rewritten.template());
        assertEquals(1, rewritten.warnings().size(), rewritten.warnings().toString());
        assertTrue(
                rewritten.warnings().get(0).contains("label"),
                rewritten.warnings().toString());
    }

    @Test
    void aCutLabelDoesNotSplitACharacter() {
        String label = "x".repeat(99) + "\uD83D\uDE00" + "y";
        RewrittenHtml rewritten =
                LinkRewriter.rewrite("<a href=\"https://a.example\" data-label=\"" + label + "\">a</a>", UNSUBSCRIBE);
        assertEquals("x".repeat(99), rewritten.links().get(0).label());
    }

    @Test
    void leavesOtherLinksAlone() {
        String html = "<a href=\"mailto:info@example.com\">m</a><a href=\"tel:+33123456789\">t</a>"
                + "<a href=\"#top\">anchor</a><a name=\"top\">target</a>"
                + "<a href=\"\">empty</a><a href=\"ftp://example.com/f\">ftp</a>";
        RewrittenHtml rewritten = LinkRewriter.rewrite(html, UNSUBSCRIBE);
        assertEquals(List.of(), rewritten.links());
        assertEquals(
                List.of(
                        "mailto:info@example.com",
                        "tel:+33123456789",
                        "#top",
                        "",
                        "ftp://example.com/f",
                        "{{unsubscribeUrl}}"),
                parse(rewritten).select("a[href]").eachAttr("href"));
        assertTrue(parse(rewritten).selectFirst("a[name=top]") != null);
        // Only the links that look like mistakes are reported.
        assertEquals(1, rewritten.warnings().size(), rewritten.warnings().toString());
        assertTrue(rewritten.warnings().get(0).contains("ftp://example.com/f"));
    }

    @Test
    void linksThatCannotBeLinksOfAnEmailAreNeverSentLive() {
        // Refused when saved; content saved before that is sent with these links as text.
        RewrittenHtml rewritten = LinkRewriter.rewrite(
                "<a href=\"javascript:void(0)\">js</a>"
                        + "<a href=\"/relative\">rel</a><a href=\"http://exa mple.com/\">space</a>",
                UNSUBSCRIBE);
        assertEquals(List.of(), rewritten.links());
        assertEquals(
                List.of("{{unsubscribeUrl}}"),
                parse(rewritten).select("a[href]").eachAttr("href"));
        assertEquals(
                List.of("js", "rel", "space"),
                parse(rewritten).select("a:not([href])").eachText());
        assertEquals(3, rewritten.warnings().size(), rewritten.warnings().toString());
    }

    @Test
    void trackedLinksAreNormalisedAsBrowsersReadThem() {
        RewrittenHtml rewritten = LinkRewriter.rewrite(
                "<a href=\" https://Shop.example.com/offer?utm_campaign=Spring Sale|2026&amp;utm_medium=email \">a</a>"
                        + "<a href=\"https://bücher.example/été\">b</a>",
                UNSUBSCRIBE);
        assertEquals(
                List.of(
                        new TrackedLink(
                                0,
                                "https://shop.example.com/offer?utm_campaign=Spring%20Sale%7C2026&utm_medium=email",
                                null),
                        new TrackedLink(1, "https://xn--bcher-kva.example/%C3%A9t%C3%A9", null)),
                rewritten.links().subList(0, 2));
    }

    @Test
    void checkingLinksNormalisesEachHrefInPlaceAndNothingElse() {
        String html = """
                <!DOCTYPE html>
                <html><head><style>a{color:red}</style></head><body>
                <p>Hi {{firstName}},<br>
                <A HREF = " https://Shop.example.com/a b?utm_campaign=x|y&amp;z=1 " class=btn>one</A>
                <a href='https://exemple.fr/été?q=l&#39;été'>two</a> <a href=https://ok.example/x|y>three</a>
                <a href="https://ok.example/fine?a=1&amp;b=2">same</a> <a href="mailto:a@example.com">m</a>
                <a href="https://exemple.fr/p?id={{email}}&c=a|b">perso</a>
                {{#lastName}}<table><tr><td>{{lastName}}</td></tr></table>{{/lastName}}
                </body></html>""";
        CheckedLinks checked = LinkRewriter.checkLinks(html);
        assertEquals(List.of(), checked.problems());
        assertEquals("""
                <!DOCTYPE html>
                <html><head><style>a{color:red}</style></head><body>
                <p>Hi {{firstName}},<br>
                <A HREF = "https://shop.example.com/a%20b?utm_campaign=x%7Cy&amp;z=1" class=btn>one</A>
                <a href='https://exemple.fr/%C3%A9t%C3%A9?q=l&#39;%C3%A9t%C3%A9'>two</a> <a href=https://ok.example/x%7Cy>three</a>
                <a href="https://ok.example/fine?a=1&amp;b=2">same</a> <a href="mailto:a@example.com">m</a>
                <a href="https://exemple.fr/p?id={{email}}&amp;c=a%7Cb">perso</a>
                {{#lastName}}<table><tr><td>{{lastName}}</td></tr></table>{{/lastName}}
                </body></html>""", checked.html());
        assertEquals(checked.html(), LinkRewriter.checkLinks(checked.html()).html(), "checking again changes nothing");
    }

    @Test
    void checkingLinksRefusesWhatCannotBeALinkWithItsLine() {
        CheckedLinks checked = LinkRewriter.checkLinks(
                "<p>Hi</p>\n<a href=\"javascript:alert(1)\">x</a>\n"
                        + "<p><a href=\"/offer\">y</a> <a href=\"https://example.com/50%off\">z</a></p>\n"
                        + "<a href=\"https://u:p@example.com/\">u</a><a href=\"https://example.com/?m={{email}}&p=100%\">p</a>");
        assertEquals(
                List.of(
                        ContentProblem.Reason.LINK_SCRIPT,
                        ContentProblem.Reason.LINK_RELATIVE,
                        ContentProblem.Reason.LINK_BAD_PERCENT,
                        ContentProblem.Reason.LINK_USERINFO,
                        ContentProblem.Reason.LINK_BAD_PERCENT),
                checked.problems().stream().map(ContentProblem::reason).toList());
        assertEquals(
                List.of(2, 3, 3, 4, 4),
                checked.problems().stream().map(ContentProblem::line).toList());
        ContentProblem first = checked.problems().get(0);
        assertEquals(ContentPart.HTML, first.part());
        assertEquals(ContentProblem.Code.LINK, first.code());
        assertEquals(List.of("javascript:alert(1)"), first.arguments());
        assertEquals(
                "HTML body, line 2: the link javascript:alert(1) would run a script or open embedded data: it"
                        + " cannot be sent",
                first.message());
    }

    @Test
    void personalizedLinksStayUntrackedWithAWarning() {
        RewrittenHtml rewritten = LinkRewriter.rewrite(
                "<a href=\"https://example.com/?m={{email}}\">p</a>" + "<a href=\"https://example.com/fixed\">f</a>",
                UNSUBSCRIBE);
        assertEquals(
                List.of(
                        new TrackedLink(0, "https://example.com/fixed", null),
                        new TrackedLink(1, "https://example.com/fixed", LinkRewriter.HONEYPOT_LABEL)),
                rewritten.links());
        // The value is percent-encoded when filled in (EmailComposerTest).
        assertEquals(
                List.of("https://example.com/?m={{ccUrl_email}}", "{{ccLink0}}", "{{ccLink1}}", "{{unsubscribeUrl}}"),
                parse(rewritten).select("a").eachAttr("href"));
        assertEquals(1, rewritten.warnings().size());
        assertTrue(rewritten.warnings().get(0).contains("https://example.com/?m={{email}}"));
    }

    @Test
    void tooLongLinksStayUntracked() {
        String url = "https://example.com/" + "x".repeat(2000);
        RewrittenHtml rewritten = LinkRewriter.rewrite("<a href=\"" + url + "\">long</a>", UNSUBSCRIBE);
        assertEquals(List.of(), rewritten.links());
        assertEquals(url, parse(rewritten).selectFirst("a").attr("href"));
        assertEquals(1, rewritten.warnings().size());
    }

    @Test
    void addsThePixelOnceAtTheEndOfTheBody() {
        RewrittenHtml rewritten =
                LinkRewriter.rewrite("<html><head><title>T</title></head><body><p>Hi</p></body></html>", UNSUBSCRIBE);
        Document document = parse(rewritten);
        Elements pixels = document.select("img[src={{ccOpenPixel}}]");
        assertEquals(1, pixels.size(), rewritten.template());
        Element pixel = pixels.first();
        assertEquals("1", pixel.attr("width"));
        assertEquals("1", pixel.attr("height"));
        assertTrue(pixel.hasAttr("alt") && pixel.attr("alt").isEmpty());
        assertEquals("display:block;border:0", pixel.attr("style"));
        assertEquals(document.body(), pixel.parent());
        assertEquals(pixel, document.body().child(document.body().childrenSize() - 1));
        assertTrue(
                rewritten
                        .template()
                        .contains("<img src=\"{{ccOpenPixel}}\" width=\"1\" height=\"1\" alt=\"\" "
                                + "style=\"display:block;border:0\"></body>"),
                rewritten.template());
    }

    @Test
    void addsTheUnsubscribeLinkWithTheGivenText() {
        RewrittenHtml rewritten = LinkRewriter.rewrite("<p>Hi</p>", "Se désinscrire <maintenant> & après");
        Elements links = parse(rewritten).select("a[href={{unsubscribeUrl}}]");
        assertEquals(1, links.size());
        assertEquals("Se désinscrire <maintenant> & après", links.first().text());
        assertTrue(rewritten.template().contains("&lt;maintenant&gt; &amp; après"), rewritten.template());
        assertEquals("p", links.first().parent().tagName());
        assertEquals(List.of(), rewritten.links());
    }

    @Test
    void noUnsubscribeLinkIsAddedWhenTheTemplateHasOne() {
        for (String html : List.of(
                "<p><a href=\"{{unsubscribeUrl}}\">bye</a></p>",
                "<p>Unsubscribe: {{ unsubscribeUrl }}</p>",
                "<p>{{#firstName}}<a href=\"{{unsubscribeUrl}}\">bye</a>{{/firstName}}</p>")) {
            RewrittenHtml rewritten = LinkRewriter.rewrite(html, UNSUBSCRIBE);
            assertFalse(rewritten.template().contains(UNSUBSCRIBE), rewritten.template());
            assertEquals(1, count(rewritten.template(), "unsubscribeUrl"), rewritten.template());
            assertEquals(List.of(), rewritten.warnings(), "the unsubscription link is untracked on purpose");
        }
    }

    @Test
    void aFragmentStaysAFragment() {
        RewrittenHtml rewritten = LinkRewriter.rewrite("<p>Hello {{firstName}}</p>", UNSUBSCRIBE);
        assertTrue(rewritten.template().startsWith("<p>Hello {{firstName}}</p><p "), rewritten.template());
        assertFalse(rewritten.template().contains("<html"), rewritten.template());
        assertFalse(rewritten.template().contains("<body"), rewritten.template());
    }

    @Test
    void aDocumentKeepsItsDoctypeAndHead() {
        String html = """
                <!DOCTYPE html>
                <html lang="fr">
                <head><meta charset="utf-8"><title>Offre</title><style>p > a { color: #c00; }</style></head>
                <body style="margin:0">
                <p>Bonjour {{firstName}}, <a href="https://example.com/offre">l'offre</a></p>
                </body>
                </html>
                """;
        RewrittenHtml rewritten = LinkRewriter.rewrite(html, UNSUBSCRIBE);
        String template = rewritten.template();
        assertTrue(template.toLowerCase().startsWith("<!doctype html>"), template);
        assertTrue(template.contains("<html lang=\"fr\">"), template);
        assertTrue(
                template.contains("<head><meta charset=\"utf-8\"><title>Offre</title>"
                        + "<style>p > a { color: #c00; }</style></head>"),
                template);
        assertTrue(template.contains("<body style=\"margin:0\">"), template);
        assertTrue(template.contains("<p>Bonjour {{firstName}}, <a href=\"{{ccLink0}}\">l'offre</a></p>"), template);
    }

    @Test
    void aHeadWithoutTagsIsKept() {
        RewrittenHtml rewritten = LinkRewriter.rewrite("<title>Offre</title><p>Hi</p>", UNSUBSCRIBE);
        assertTrue(rewritten.template().contains("<head><title>Offre</title></head>"), rewritten.template());
    }

    @Test
    void theResultCompilesAndRendersTheTrackingUrls() {
        String html = "<p>{{#firstName}}Hi {{firstName}}{{/firstName}}</p>"
                + "<a href=\"https://example.com/a\">a</a> <a href=\"https://example.com/b\">b</a>"
                + "<img alt=\"{{lastName}}\" src=\"https://example.com/logo.png\">";
        RewrittenHtml rewritten = LinkRewriter.rewrite(html, UNSUBSCRIBE);
        PersonalizedTemplate template = Personalization.compileRewritten(
                ContentPart.HTML, rewritten.template(), rewritten.links().size());
        Map<String, String> scope = new HashMap<>(Map.of("firstName", "Jo & Co", "lastName", "\"D\""));
        scope.put("ccLink0", "https://t.example/c/AAA");
        scope.put("ccLink1", "https://t.example/c/BBB");
        scope.put("ccLink2", "https://t.example/c/HONEY");
        scope.put("ccOpenPixel", "https://t.example/o/CCC");
        scope.put("unsubscribeUrl", "https://t.example/u/DDD");
        Document rendered = Jsoup.parseBodyFragment(template.render(scope));
        assertEquals(
                List.of(
                        "https://t.example/c/AAA",
                        "https://t.example/c/BBB",
                        "https://t.example/c/HONEY",
                        "https://t.example/u/DDD"),
                rendered.select("a").eachAttr("href"));
        assertEquals("https://t.example/o/CCC", rendered.select("img").last().attr("src"));
        assertEquals("\"D\"", rendered.selectFirst("img").attr("alt"));
        assertEquals("Hi Jo & Co", rendered.selectFirst("p").text());
    }

    @Test
    void aHoneypotLinkNoPersonCanFollowComesAfterTheLinks() {
        RewrittenHtml rewritten = LinkRewriter.rewrite(
                "<p><a href=\"https://example.com/a\" data-label=\"crosscast-honeypot\">A</a></p>", UNSUBSCRIBE);
        assertEquals(
                List.of(
                        new TrackedLink(0, "https://example.com/a", null),
                        new TrackedLink(1, "https://example.com/a", LinkRewriter.HONEYPOT_LABEL)),
                rewritten.links());
        assertTrue(
                rewritten.warnings().get(0).contains("reserved"),
                rewritten.warnings().toString());
        Element honeypot = parse(rewritten).selectFirst("a[href={{ccLink1}}]");
        assertEquals("true", honeypot.attr("aria-hidden"));
        assertEquals("-1", honeypot.attr("tabindex"));
        assertTrue(honeypot.attr("style").startsWith("display:none"), honeypot.attr("style"));
        assertEquals("", honeypot.html());
        // The text version derived from the HTML does not show it.
        assertFalse(TextVersion.of(rewritten.template()).contains("ccLink1"), TextVersion.of(rewritten.template()));
        assertTrue(TextVersion.of(rewritten.template()).contains("ccLink0"));
    }

    @Test
    void noHoneypotWithoutTrackedLinks() {
        RewrittenHtml rewritten = LinkRewriter.rewrite("<p><a href=\"mailto:a@example.com\">A</a></p>", UNSUBSCRIBE);
        assertEquals(List.of(), rewritten.links());
        assertEquals(
                List.of("mailto:a@example.com", "{{unsubscribeUrl}}"),
                parse(rewritten).select("a").eachAttr("href"));
    }

    @Test
    void refusesABadUnsubscribeText() {
        assertThrows(IllegalArgumentException.class, () -> LinkRewriter.rewrite("<p>x</p>", " "));
        assertThrows(IllegalArgumentException.class, () -> LinkRewriter.rewrite("<p>x</p>", "Bye {{firstName}}"));
    }

    private static Document parse(RewrittenHtml rewritten) {
        return Jsoup.parse(rewritten.template());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
