package io.crosscast.content;

import java.util.Objects;

/**
 * A link of a delivery's HTML body that is tracked: a click token names its index, and the tracking
 * server redirects to its URL. Stored in {@code delivery_link}.
 *
 * @param index the link's number in document order, from 0
 * @param url   where the link leads, as written (entities decoded), at most {@link LinkRewriter#MAX_URL_LENGTH}
 * @param label the marketer's name for it ({@code data-label}), at most {@link LinkRewriter#MAX_LABEL_LENGTH}
 *              characters, or null
 */
public record TrackedLink(int index, String url, String label) {

    /** Checks the values. */
    public TrackedLink {
        if (index < 0) {
            throw new IllegalArgumentException("A link index is 0 or more: " + index);
        }
        Objects.requireNonNull(url, "url");
    }
}
