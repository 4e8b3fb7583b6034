package io.crosscast.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Makes an HTML template trackable, reading it with jsoup (an HTML parser, never patterns):
 * <ul>
 * <li>every {@code <a href>} to an {@code http(s)} URL is numbered in document order from 0 with its URL
 * normalised ({@link LinkUrl}), and its href becomes the variable the composer fills with that link's
 * click-tracking URL; its optional {@code data-label} attribute names it (at most
 * {@value #MAX_LABEL_LENGTH} characters) and is removed;
 * <li>other links stay as they are: {@code mailto:}, {@code tel:}, {@code sms:}, {@code #anchors}; links
 * of other schemes, too long, or whose href is personalized ({@code {{...}}}) stay too (normalised), with a
 * warning; in a personalized http(s) link each recipient variable becomes its percent-encoded
 * {@code ccUrl_} variable;
 * <li>links that cannot be links of an email ({@link LinkUrl.Kind#REFUSED}: {@code javascript:}, relative...)
 * lose their href, with a warning: {@link #checkLinks} refuses them when the content is saved;
 * <li>when the body has tracked links, one more is added after them: the <em>honeypot</em>, a link no person
 * can follow (hidden, {@code aria-hidden}, out of the tab order, without text for screen readers), labelled
 * {@value #HONEYPOT_LABEL} and leading where the first link leads. Link scanners follow every link of a
 * message, so a click on it is a machine's, and so are the recipient's other clicks around it;
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

    /**
     * The label of the honeypot link; a marketer's link labelled so loses its label (with a warning), so the
     * label only ever names the honeypot.
     */
    public static final String HONEYPOT_LABEL = "crosscast-honeypot";

    private LinkRewriter() {}

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
            String label = anchor.hasAttr(LABEL_ATTRIBUTE)
                    ? anchor.attr(LABEL_ATTRIBUTE).strip()
                    : "";
            anchor.removeAttr(LABEL_ATTRIBUTE);
            if (!anchor.hasAttr("href")) {
                continue;
            }
            String href = anchor.attr("href");
            String url = LinkUrl.trim(href);
            Read read = read(href);
            switch (read.kind()) {
                case TRACKED -> {
                    int index = links.size();
                    links.add(new TrackedLink(index, read.url(), label(label, read.url(), warnings)));
                    anchor.attr("href", "{{" + Personalization.linkVariable(index) + "}}");
                }
                case PERSONALIZED -> {
                    if (!isUnsubscribeTag(url)) {
                        warnings.add("The link " + url + " is personalized, so its clicks are not tracked");
                    }
                    if (read.url() != null) {
                        // The values filled in per recipient are percent-encoded too.
                        anchor.attr("href", urlEncodedTags(read.url()));
                    }
                }
                case TOO_LONG -> {
                    anchor.attr("href", read.url());
                    warnings.add("The link " + shorten(url) + " is longer than " + MAX_URL_LENGTH
                            + " characters, so its clicks are not tracked");
                }
                case NOT_ABSOLUTE ->
                    warnings.add("The link '" + shorten(url)
                            + "' is not an http or https address: it is left as it is and not tracked");
                case REFUSED -> {
                    // Refused when the content is saved; content saved before is never sent as a live link.
                    anchor.removeAttr("href");
                    warnings.add("The link '" + shorten(url) + "' cannot be a link of an email: it is sent as text");
                }
                case OTHER -> {
                    // mailto:, tel:, sms:, #anchors stay as they are
                }
            }
        }

        Element body = document.body();
        if (!links.isEmpty()) {
            int index = links.size();
            links.add(new TrackedLink(index, links.get(0).url(), HONEYPOT_LABEL));
            body.appendElement("a")
                    .attr("href", "{{" + Personalization.linkVariable(index) + "}}")
                    .attr("aria-hidden", "true")
                    .attr("tabindex", "-1")
                    .attr(
                            "style",
                            "display:none;font-size:0;line-height:0;max-height:0;max-width:0;opacity:0;"
                                    + "overflow:hidden;mso-hide:all");
        }
        if (!Personalization.uses(htmlTemplate, Personalization.UNSUBSCRIBE_URL)) {
            Element paragraph = body.appendElement("p")
                    .attr("style", "margin:24px 0 0;font-size:12px;color:#666666;text-align:center");
            paragraph
                    .appendElement("a")
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

    /**
     * The links of an HTML body checked as it is saved: the body with each link's href normalised in place
     * ({@link LinkUrl}; nothing else of the source changes, and a personalized link keeps its tags), and
     * the links that cannot be links of an email, by line.
     */
    public static CheckedLinks checkLinks(String html) {
        Objects.requireNonNull(html, "html");
        Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        List<ContentProblem> problems = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        for (Element anchor : document.select("a[href]")) {
            Attribute attribute = anchor.attribute("href");
            String href = attribute.getValue();
            Read read = read(href);
            Range.AttributeRange range = attribute.sourceRange();
            if (read.kind() == LinkKind.REFUSED) {
                int line = range.isTracked()
                        ? range.nameRange().start().lineNumber()
                        : anchor.sourceRange().start().lineNumber();
                String shown = shorten(LinkUrl.trim(href));
                problems.add(ContentProblem.of(
                        ContentPart.HTML, Math.max(line, 0), read.link().reason(), shown, shown));
            } else if (read.url() != null
                    && !read.url().equals(href)
                    && range.isTracked()
                    && range.valueRange().isTracked()) {
                edits.add(new Edit(
                        range.valueRange().startPos(), range.valueRange().endPos(), attributeText(read.url())));
            }
        }
        StringBuilder normalised = new StringBuilder(html);
        edits.sort((a, b) -> Integer.compare(b.start(), a.start()));
        for (Edit edit : edits) {
            normalised.replace(edit.start(), edit.end(), edit.text());
        }
        return new CheckedLinks(normalised.toString(), problems);
    }

    private record Edit(int start, int end, String text) {}

    /** A URL written as an attribute's value, whatever its quotes (a normalised URL has no space, {@code <} or {@code >}). */
    private static String attributeText(String url) {
        return url.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static void checkUnsubscribeText(String unsubscribeText) {
        Objects.requireNonNull(unsubscribeText, "unsubscribeText");
        if (unsubscribeText.isBlank()) {
            throw new IllegalArgumentException("The unsubscription link needs a text");
        }
        if (unsubscribeText.contains("{{")) {
            throw new IllegalArgumentException(
                    "The unsubscription text cannot contain Mustache tags: " + unsubscribeText);
        }
    }

    /** Whether the marketer wrote no html, head or body tag and nothing that belongs in the head. */
    private static boolean isFragment(Document document) {
        Element html = document.selectFirst("html");
        return html != null
                && html.sourceRange().isImplicit()
                && document.head().sourceRange().isImplicit()
                && document.body().sourceRange().isImplicit()
                && document.head().childNodeSize() == 0;
    }

    private enum LinkKind {
        TRACKED,
        PERSONALIZED,
        TOO_LONG,
        NOT_ABSOLUTE,
        REFUSED,
        OTHER
    }

    /**
     * What an href is and, for a tracked or a personalized http(s) link, its normalised URL (personalized:
     * with its tags as written; null when the href starts with a tag, so cannot be read before it is filled).
     */
    private record Read(LinkKind kind, String url, LinkUrl link) {}

    private static Read read(String href) {
        String url = LinkUrl.trim(href);
        if (url.contains("{{")) {
            if (url.startsWith("{{")) {
                return new Read(LinkKind.PERSONALIZED, null, null);
            }
            LinkUrl link = readPersonalized(url);
            if (link == null) {
                return new Read(LinkKind.PERSONALIZED, null, null);
            }
            return switch (link.kind()) {
                case WEB -> new Read(LinkKind.PERSONALIZED, link.url(), link);
                case REFUSED -> new Read(LinkKind.REFUSED, null, link);
                case KEPT -> new Read(LinkKind.OTHER, null, link);
                case OTHER_SCHEME -> new Read(LinkKind.NOT_ABSOLUTE, null, link);
            };
        }
        LinkUrl link = LinkUrl.read(url);
        return switch (link.kind()) {
            case WEB ->
                link.url().length() > MAX_URL_LENGTH
                        ? new Read(LinkKind.TOO_LONG, link.url(), link)
                        : new Read(LinkKind.TRACKED, link.url(), link);
            case REFUSED -> new Read(LinkKind.REFUSED, null, link);
            case KEPT -> new Read(LinkKind.OTHER, null, link);
            case OTHER_SCHEME -> new Read(LinkKind.NOT_ABSOLUTE, null, link);
        };
    }

    private static final String TAG_MARK = "zqcctag";

    /**
     * A personalized href read with each Mustache tag standing for a placeholder that every part of a URL
     * keeps as it is, then the tags put back; null when its tags cannot be told apart (not closed: that is a
     * personalization problem) or it already holds the placeholder's text.
     */
    private static LinkUrl readPersonalized(String href) {
        if (href.toLowerCase(Locale.ROOT).contains(TAG_MARK)) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        StringBuilder masked = new StringBuilder(href.length());
        int i = 0;
        while (i < href.length()) {
            int open = href.indexOf("{{", i);
            if (open < 0) {
                masked.append(href, i, href.length());
                break;
            }
            String closing = href.startsWith("{{{", open) ? "}}}" : "}}";
            int close = href.indexOf(closing, open + 2);
            if (close < 0) {
                return null;
            }
            masked.append(href, i, open).append(TAG_MARK).append(tags.size()).append("qz");
            tags.add(href.substring(open, close + closing.length()));
            i = close + closing.length();
        }
        LinkUrl link = LinkUrl.read(masked.toString());
        if (link.kind() != LinkUrl.Kind.WEB) {
            return link;
        }
        String url = link.url();
        for (int t = 0; t < tags.size(); t++) {
            String mark = TAG_MARK + t + "qz";
            if (!url.contains(mark)) {
                return null;
            }
            url = url.replace(mark, tags.get(t));
        }
        return new LinkUrl(LinkUrl.Kind.WEB, url, null);
    }

    /** Each value tag of a recipient variable in a personalized URL becomes its percent-encoded variable. */
    private static String urlEncodedTags(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        int i = 0;
        while (i < url.length()) {
            int open = url.indexOf("{{", i);
            int close = open < 0 ? -1 : url.indexOf("}}", open + 2);
            if (open < 0 || close < 0) {
                out.append(url, i, url.length());
                break;
            }
            String name = url.substring(open + 2, close).strip();
            out.append(url, i, open);
            if (Personalization.isVariable(name) && !url.startsWith("{{{", open)) {
                out.append("{{").append(Personalization.urlVariable(name)).append("}}");
            } else {
                out.append(url, open, close + 2);
            }
            i = close + 2;
        }
        return out.toString();
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
        if (label.equalsIgnoreCase(HONEYPOT_LABEL)) {
            warnings.add("The label '" + label + "' of the link " + shorten(url)
                    + " is reserved for the hidden link that catches link scanners: the link has no label");
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
