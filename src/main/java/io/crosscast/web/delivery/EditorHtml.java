package io.crosscast.web.delivery;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The HTML body as the rich text editor ({@code p:textEditor}) gets and gives it. The editor writes its
 * value into the page as markup, and a delivery's HTML is written by any marketer: it is cleaned first
 * (jsoup's relaxed safelist, plus styles, classes and {@code data-label}; no script, no event handler, no
 * {@code javascript:} link; personalised links such as {@code {{unsubscribeUrl}}} kept). Full email
 * documents (head, styles, tables) are edited as source instead. Plain Java.
 */
public final class EditorHtml {

    private static final String BASE = "https://editor.invalid/";
    private static final Pattern FULL_EMAIL =
            Pattern.compile("<\\s*(html|head|body|style|table|center)\\b", Pattern.CASE_INSENSITIVE);

    private EditorHtml() {}

    /** The HTML the rich editor may show: cleaned; empty for none. */
    public static String forEditor(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Safelist safelist = Safelist.relaxed()
                .addAttributes(":all", "style", "class", "align")
                .addAttributes("a", "target", "data-label")
                .preserveRelativeLinks(true);
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, BASE, safelist, output);
    }

    /** What the editor submitted, or null when it holds nothing (an empty editor still sends a paragraph). */
    public static String fromEditor(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document document = Jsoup.parseBodyFragment(html);
        boolean empty = document.body().text().isBlank()
                && document.body().select("img, hr, table").isEmpty();
        return empty ? null : html;
    }

    /** Whether the HTML is a full email document, which only the source view keeps intact. */
    public static boolean isFullEmail(String html) {
        return html != null && FULL_EMAIL.matcher(html).find();
    }
}
