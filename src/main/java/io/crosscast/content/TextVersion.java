package io.crosscast.content;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of an HTML body: its text with line breaks where blocks end, and each link's address in
 * parentheses after its text. Applied to the template (once per delivery), so the Mustache tags of the
 * HTML text and links come through as tags of the text template.
 */
final class TextVersion {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "table",
            "tr",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "hr",
            "pre",
            "address",
            "center",
            "dl",
            "dt",
            "dd",
            "form",
            "main",
            "nav",
            "aside",
            "figure",
            "figcaption");
    private static final Set<String> PARAGRAPHS =
            Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "template", "noscript");

    private TextVersion() {}

    /** The text of the HTML, trimmed, with at most one empty line in a row. */
    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, body);
        return tidy(collector.out.toString());
    }

    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                newlines++;
                continue;
            }
            if (out.length() > 0) {
                out.append(newlines > 1 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            newlines = 1;
        }
        return out.toString();
    }

    /**
     * Walks the body. Line breaks are asked for rather than written ({@link #pending}): they are written,
     * the largest one asked, before the next text, so nested blocks give one break, not several.
     */
    private static final class Collector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int skipped;
        private int preformatted;
        private int pending;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (skipped == 0) {
                    appendText(text.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String name = element.normalName().toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(name) || hidden(element)) {
                skipped++;
            } else if (name.equals("pre")) {
                preformatted++;
            }
            if (skipped > 0) {
                return;
            }
            if (name.equals("br")) {
                pending = pending == 0 ? 1 : 2;
            } else if (name.equals("li")) {
                lineBreak(1);
                write("- ");
            } else if (name.equals("td") || name.equals("th")) {
                if (pending == 0 && out.length() > 0) {
                    write(" ");
                }
            } else if (name.equals("img")) {
                String alt = element.attr("alt").strip();
                if (!alt.isEmpty()) {
                    write(alt);
                }
            } else if (BLOCKS.contains(name)) {
                lineBreak(PARAGRAPHS.contains(name) ? 2 : 1);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String name = element.normalName().toLowerCase(Locale.ROOT);
            if (SKIPPED.contains(name) || hidden(element)) {
                skipped--;
                return;
            }
            if (name.equals("pre")) {
                preformatted--;
            }
            if (skipped > 0) {
                return;
            }
            if (name.equals("a")) {
                String href = element.attr("href").strip();
                String lower = href.toLowerCase(Locale.ROOT);
                if (!href.isEmpty()
                        && !lower.startsWith("#")
                        && !lower.startsWith("javascript:")
                        && !href.equals(element.text().strip())) {
                    write(" (" + (lower.startsWith("mailto:") ? href.substring(7) : href) + ")");
                }
            } else if (BLOCKS.contains(name)) {
                lineBreak(PARAGRAPHS.contains(name) ? 2 : 1);
            }
        }

        /** Hidden from every reader ({@code aria-hidden="true"}): the honeypot link, say. */
        private static boolean hidden(Element element) {
            return "true".equalsIgnoreCase(element.attr("aria-hidden").strip());
        }

        private void lineBreak(int lines) {
            pending = Math.max(pending, lines);
        }

        /** Writes the pending line breaks (none at the very start), then the text. */
        private void write(String text) {
            if (pending > 0) {
                if (out.length() > 0) {
                    out.append(pending > 1 ? "\n\n" : "\n");
                }
                pending = 0;
            }
            out.append(text);
        }

        /** Runs of white space become one space (a no-break space stays), except in {@code <pre>}. */
        private void appendText(String text) {
            if (preformatted > 0) {
                write(text);
                return;
            }
            StringBuilder collapsed = new StringBuilder(text.length());
            boolean space = pending > 0
                    || out.length() == 0
                    || out.charAt(out.length() - 1) == ' '
                    || out.charAt(out.length() - 1) == '\n';
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    if (!space) {
                        collapsed.append(' ');
                        space = true;
                    }
                } else {
                    collapsed.append(c);
                    space = false;
                }
            }
            if (collapsed.length() > 0) {
                write(collapsed.toString());
            }
        }
    }
}
