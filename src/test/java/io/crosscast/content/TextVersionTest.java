package io.crosscast.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextVersionTest {

    @Test
    void blocksBecomeLinesAndParagraphsBlankLines() {
        assertEquals(
                "Title\n\nFirst   paragraph\nline two\n\nA\nB",
                TextVersion.of("<h1>Title</h1><p>First &nbsp; paragraph<br>line\n   two</p><div>A</div><div>B</div>")
                        .replace('\u00A0', ' '));
    }

    @Test
    void linksShowTheirAddress() {
        assertEquals(
                "Go (https://example.com/x) or write (info@example.com), top, https://same.example",
                TextVersion.of("<p><a href=\"https://example.com/x\">Go</a> or <a href=\"mailto:info@example.com\">"
                        + "write</a>, <a href=\"#top\">top</a>, <a href=\"https://same.example\">https://same.example</a>"
                        + "</p>"));
    }

    @Test
    void listsGetDashes() {
        assertEquals("Offers:\n\n- one\n- two", TextVersion.of("<p>Offers:</p><ul><li>one</li><li>two</li></ul>"));
    }

    @Test
    void headStylesAndScriptsAreLeftOut() {
        assertEquals(
                "Hello",
                TextVersion.of("<html><head><title>T</title><style>p{color:red}</style></head>"
                        + "<body><script>alert(1)</script><p>Hello</p></body></html>"));
    }

    @Test
    void imagesGiveTheirAlternativeText() {
        assertEquals(
                "Crosscast\n\nHi",
                TextVersion.of("<img src=\"logo.png\" alt=\"Crosscast\"><p>Hi</p>"
                        + "<img src=\"{{ccOpenPixel}}\" alt=\"\">"));
    }

    @Test
    void tableCellsAreSeparated() {
        assertEquals(
                "Name Jean\nTier Gold",
                TextVersion.of(
                        "<table><tr><td>Name</td><td>Jean</td></tr><tr><td>Tier</td><td>Gold</td></tr></table>"));
    }

    @Test
    void mustacheTagsAndDecodedEntitiesComeThrough() {
        assertEquals(
                "{{#firstName}}Hi {{firstName}}{{/firstName}} <b> & co ({{ccLink0}})",
                TextVersion.of("<p>{{#firstName}}Hi {{firstName}}{{/firstName}} &lt;b&gt; &amp; "
                        + "<a href=\"{{ccLink0}}\">co</a></p>"));
    }
}
