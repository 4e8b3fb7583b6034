package io.crosscast.content;

import java.util.List;

/**
 * An HTML template with its links made trackable, the open pixel and an unsubscription link.
 *
 * @param template the HTML template to compile; tracked hrefs are Mustache variables filled per recipient
 * @param links    the tracked links, by index
 * @param warnings links left untracked that the marketer may want to know about, and labels cut short
 */
public record RewrittenHtml(String template, List<TrackedLink> links, List<String> warnings) {

    /** Freezes the lists. */
    public RewrittenHtml {
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
    }
}
