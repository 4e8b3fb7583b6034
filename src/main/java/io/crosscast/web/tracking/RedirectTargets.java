package io.crosscast.web.tracking;

import io.crosscast.content.LinkUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a click on a stored link leads: the stored URL normalised as it is when a delivery is saved (links frozen
 * before links were normalised may hold characters a URI cannot: {@code |}, spaces...), worked out once per link and
 * kept (at most {@value #MAX_TARGETS} URLs, then forgotten all at once), not once per click. Shared by the
 * tracking servlet and its fast path, {@link TrackingHandler}. Thread-safe.
 */
final class RedirectTargets {

    private static final int MAX_TARGETS = 10_000;

    private final Map<String, Optional<URI>> targets = new ConcurrentHashMap<>();

    /** The address a click on the stored link {@code url} is redirected to; empty when it cannot be a web address. */
    Optional<URI> of(String url) {
        Optional<URI> target = targets.get(url);
        if (target == null) {
            target = redirectTarget(url);
            if (targets.size() > MAX_TARGETS) {
                targets.clear();
            }
            targets.put(url, target);
        }
        return target;
    }

    /** The stored link normalised into a web address; empty when even that cannot make it one. */
    static Optional<URI> redirectTarget(String stored) {
        LinkUrl link = LinkUrl.read(stored);
        if (link.kind() != LinkUrl.Kind.WEB) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(link.url()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
