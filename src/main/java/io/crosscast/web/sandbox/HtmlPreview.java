package io.crosscast.web.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A received HTML part made ready for the Outbox's preview frame: links open in a new tab, not inside
 * the frame. The HTML is otherwise served as it was sent (the response's Content-Security-Policy keeps
 * its scripts from running). No HTML parser is bundled, so the {@code <base target="_blank">} goes in by
 * text: right after the opening {@code <head>}; else after {@code <html>}; else after the doctype; else
 * first. A base element placed first in a fragment still applies (parsers move it into the head).
 */
public final class HtmlPreview {

    static final String BASE = "<base target=\"_blank\">";

    private static final Pattern HEAD = Pattern.compile("<head(?:\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML = Pattern.compile("<html(?:\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE = Pattern.compile("^\\s*<!doctype[^>]*>", Pattern.CASE_INSENSITIVE);

    private HtmlPreview() {}

    public static String withLinksInNewTab(String html) {
        for (Pattern anchor : new Pattern[] {HEAD, HTML, DOCTYPE}) {
            Matcher m = anchor.matcher(html);
            if (m.find()) {
                return html.substring(0, m.end()) + BASE + html.substring(m.end());
            }
        }
        return BASE + html;
    }
}
