package io.crosscast.content;

import java.util.List;
import java.util.Objects;

/**
 * An HTML body's links as saved ({@link LinkRewriter#checkLinks}).
 *
 * @param html     the body with every link's href normalised in place, the rest of its source as written
 * @param problems the links that cannot be links of an email, by line ({@link ContentProblem.Code#LINK})
 */
public record CheckedLinks(String html, List<ContentProblem> problems) {

    /** Freezes the problems. */
    public CheckedLinks {
        Objects.requireNonNull(html, "html");
        problems = List.copyOf(problems);
    }
}
