package io.crosscast.delivery.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Makes an HTML template trackable, reading it with jsoup (an HTML parser, never patterns):
 * <ul>
 * <li>every {@code <a href>} to an {@code http(s)} URL is numbered in document order from 0, and its href
 * becomes the variable the composer fills with that link's click-tracking URL; its optional
 * {@code data-label} attribute names it (at most {@value #MAX_LABEL_LENGTH} characters) and is removed;
 * <li>other links stay as they are: {@code mailto:}, {@code tel:}, {@code #anchors}, {@code javascript:};
 * links whose href is personalized ({@code {{...}}}), relative or too long stay too, with a warning;
 * <li>an unsubscription link is added in a small paragraph at the end, unless the template already uses
 * {@code {{unsubscribeUrl}}};
 * <li>the open pixel, a 1x1 image, is added last in the body.
 * </ul>
 * A template without {@code <html>}, {@code <head>} or {@code <body>} tags stays a fragment; a full document
 * keeps its doctype and head as jsoup reads them. Mustache sections should wrap whole elements: jsoup
 * moves text it finds between table rows before the table, as browsers do.
 */
public final class LinkRewriter {

    /** The longest label kept; longer ones are cut. */
    public static final int MAX_LABEL_LENGTH = 100;

    /** The longest URL tracked ({@code delivery_link.url}); longer links stay untracked. */
    public static final int MAX_URL_LENGTH = 2000;

    private static final String LABEL_ATTRIBUTE = "data-label";

    private LinkRewriter() {
    }

    /**
     * @param htmlTemplate    the marketer's HTML body
     * @param unsubscribeText the text of the added unsubscription link, in the recipients' language
     * @throws IllegalArgumentException if the unsubscription text is blank or contains {@code {{}
     */
    public static RewrittenHtml rewrite(String htmlTemplate, String unsubscribeText) {
        Objects.requireNonNull(htmlTemplate, "htmlTemplate");
        checkUnsubscribeText(unsubscribeText);
        Document document = Jsoup.parse(htmlTemplate, "", Parser.htmlParser().setTrackPosition(true));
        document.outputSettings().prettyPrint(false);
        boolean fragment = isFragment(document);

        List<TrackedLink> links = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Element anchor : document.select("a")) {
            String label = anchor.hasAttr(LABEL_ATTRIBUTE) ? anchor.attr(LABEL_ATTRIBUTE).strip() : "";
            anchor.removeAttr(LABEL_ATTRIBUTE);
            if (!anchor.hasAttr("href")) {
                continue;
            }
            String url = anchor.attr("href").strip();
            switch (kindOf(url)) {
                case TRACKED -> {
                    int index = links.size();
                    links.add(new TrackedLink(index, url, label(label, url, warnings)));
                    anchor.attr("href", "{{" + Personalization.linkVariable(index) + "}}");
                }
                case PERSONALIZED -> {
                    if (!isUnsubscribeTag(url)) {
                        warnings.add("The link " + url + " is personalized, so its clicks are not tracked");
                    }
                }
                case TOO_LONG -> warnings.add("The link " + shorten(url) + " is longer than " + MAX_URL_LENGTH
                        + " characters, so its clicks are not tracked");
                case NOT_ABSOLUTE -> warnings.add("The link '" + shorten(url)
                        + "' is not an http or https address: it is left as it is and not tracked");
                case OTHER -> {
                    // mailto:, tel:, #anchors, javascript:... stay as they are
                }
            }
        }

        Element body = document.body();
        if (!Personalization.uses(htmlTemplate, Personalization.UNSUBSCRIBE_URL)) {
            Element paragraph = body.appendElement("p")
                    .attr("style", "margin:24px 0 0;font-size:12px;color:#666666;text-align:center");
            paragraph.appendElement("a")
                    .attr("href", "{{" + Personalization.UNSUBSCRIBE_URL + "}}")
                    .attr("style", "color:#666666")
                    .text(unsubscribeText.strip());
        }
        body.appendElement("img")
                .attr("src", "{{" + Personalization.OPEN_PIXEL + "}}")
                .attr("width", "1")
                .attr("height", "1")
                .attr("alt", "")
                .attr("style", "display:block;border:0");

        String template = fragment ? body.html() : document.outerHtml();
        return new RewrittenHtml(template, links, warnings);
    }

    static void checkUnsubscribeText(String unsubscribeText) {
        Objects.requireNonNull(unsubscribeText, "unsubscribeText");
        if (unsubscribeText.isBlank()) {
            throw new IllegalArgumentException("The unsubscription link needs a text");
        }
        if (unsubscribeText.contains("{{")) {
            throw new IllegalArgumentException("The unsubscription text cannot contain Mustache tags: " + unsubscribeText);
        }
    }

    /** Whether the marketer wrote no html, head or body tag and nothing that belongs in the head. */
    private static boolean isFragment(Document document) {
        Element html = document.selectFirst("html");
        return html != null && html.sourceRange().isImplicit() && document.head().sourceRange().isImplicit()
                && document.body().sourceRange().isImplicit() && document.head().childNodeSize() == 0;
    }

    private enum LinkKind { TRACKED, PERSONALIZED, TOO_LONG, NOT_ABSOLUTE, OTHER }

    private static LinkKind kindOf(String url) {
        if (url.contains("{{")) {
            return LinkKind.PERSONALIZED;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            if (url.length() > MAX_URL_LENGTH) {
                return LinkKind.TOO_LONG;
            }
            return lower.length() > lower.indexOf("//") + 2 ? LinkKind.TRACKED : LinkKind.NOT_ABSOLUTE;
        }
        if (lower.isEmpty() || lower.startsWith("#") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("sms:") || lower.startsWith("javascript:")) {
            return LinkKind.OTHER;
        }
        return LinkKind.NOT_ABSOLUTE;
    }

    /** Whether the href is the unsubscription URL and nothing else, which is not tracked on purpose. */
    private static boolean isUnsubscribeTag(String url) {
        String inner = url;
        if (inner.startsWith("{{{") && inner.endsWith("}}}")) {
            inner = inner.substring(3, inner.length() - 3);
        } else if (inner.startsWith("{{") && inner.endsWith("}}")) {
            inner = inner.substring(2, inner.length() - 2);
        } else {
            return false;
        }
        inner = inner.strip();
        if (inner.startsWith("&")) {
            inner = inner.substring(1).strip();
        }
        return inner.equals(Personalization.UNSUBSCRIBE_URL);
    }

    private static String label(String label, String url, List<String> warnings) {
        if (label.isEmpty()) {
            return null;
        }
        if (label.length() <= MAX_LABEL_LENGTH) {
            return label;
        }
        int end = MAX_LABEL_LENGTH;
        if (Character.isHighSurrogate(label.charAt(end - 1))) {
            end--;
        }
        warnings.add("The label of the link " + shorten(url) + " is longer than " + MAX_LABEL_LENGTH
                + " characters: it is cut to '" + label.substring(0, end) + "'");
        return label.substring(0, end);
    }

    private static String shorten(String url) {
        return url.length() <= 80 ? url : url.substring(0, 77) + "...";
    }
}
