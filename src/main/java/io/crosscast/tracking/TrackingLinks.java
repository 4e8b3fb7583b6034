package io.crosscast.tracking;

import io.crosscast.content.LinkUrl;
import io.crosscast.platform.Datasources;
import io.crosscast.settings.SettingsService;
import io.crosscast.tracking.token.TrackingKind;
import io.crosscast.tracking.token.TrackingToken;
import io.crosscast.tracking.token.TrackingTokens;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The application's tracking URLs: issues signed tokens for the open pixel, the links and the unsubscribe
 * page, and reads them back. A delivery's links are frozen when its sending starts, so they are cached
 * here once read; a token can only ever lead to a URL its delivery contains.
 *
 * <p>The public address of the server, which every URL starts with, is the system property
 * {@code crosscast.public.url} (e.g. {@code https://campaigns.example.com/crosscast}); by default
 * {@code http://localhost:<8080 + port offset>/crosscast}.
 */
@ApplicationScoped
public class TrackingLinks {

    static final String SECRET = "tracking.secret";

    @EJB
    private SettingsService settings;

    @Resource(lookup = Datasources.NON_JTA)
    private DataSource dataSource;

    /** Deliveries started this many days ago or less have their links read at startup. */
    static final int PRELOAD_DAYS = 120;

    private volatile TrackingTokens tokens;
    private final Map<Long, Map<Integer, LinkTarget>> links = new ConcurrentHashMap<>();

    /**
     * Where a tracked link leads (its URL) and the marketer's name for it (or null), as its delivery stored
     * them in {@code delivery_link} when its sending started.
     */
    public record LinkTarget(String url, String label) {}

    /** The server's public base URL, without a trailing slash. */
    public String publicUrl() {
        return resolvedPublicUrl().url();
    }

    /** The public URL and its host, worked out again only when the configuration changed (read for every link). */
    private PublicUrl resolvedPublicUrl() {
        String configured = System.getProperty("crosscast.public.url");
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        PublicUrl known = resolved;
        if (known == null || known.offset() != offset || !Objects.equals(known.configured(), configured)) {
            String url = publicUrl(configured, offset);
            known = new PublicUrl(configured, offset, url, host(url));
            resolved = known;
        }
        return known;
    }

    private record PublicUrl(String configured, int offset, String url, String host) {}

    private volatile PublicUrl resolved;

    /**
     * The public base URL from the configured value, normalised as links are ({@link LinkUrl}): a space, an
     * accented host name or a {@code |} in it would otherwise make every tracking URL, every Message-ID and
     * so every message of every delivery fail.
     *
     * @throws IllegalStateException if the configured value cannot be an http(s) address, saying why
     */
    static String publicUrl(String configured, int portOffset) {
        if (configured == null || configured.isBlank()) {
            return "http://localhost:" + (8080 + portOffset) + "/crosscast";
        }
        String url;
        try {
            url = LinkUrl.normalise(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The system property crosscast.public.url is not an http or https" + " address: " + e.getMessage(),
                    e);
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    public String openUrl(long deliveryId, long recipientId) {
        return publicUrl() + "/t/o/" + tokens().issue(TrackingToken.open(deliveryId, recipientId));
    }

    public String clickUrl(long deliveryId, long recipientId, int linkIndex) {
        return publicUrl() + "/t/c/" + tokens().issue(TrackingToken.click(deliveryId, recipientId, linkIndex));
    }

    public String unsubscribeUrl(long deliveryId, long recipientId) {
        return publicUrl() + "/t/u/" + tokens().issue(TrackingToken.unsubscribe(deliveryId, recipientId));
    }

    /** The token's content if it is genuine and of the expected kind. */
    public Optional<TrackingToken> read(String token, TrackingKind kind) {
        return tokens().verify(token).filter(t -> t.kind() == kind);
    }

    /** A stable, unguessable Message-ID for one recipient's message of a delivery. */
    public String messageId(long deliveryId, long recipientId) {
        return tokens().messageId(deliveryId, recipientId, host());
    }

    /** The link numbered {@code index} of a delivery that has started sending, if there is one. */
    public Optional<LinkTarget> link(long deliveryId, int index) {
        return Optional.ofNullable(links(deliveryId).get(index));
    }

    /**
     * The link numbered {@code index} of a delivery whose links are in memory (read earlier, or preloaded); empty
     * when they are not, without reading the database: for a caller that must not wait for it.
     */
    public Optional<LinkTarget> cachedLink(long deliveryId, int index) {
        Map<Integer, LinkTarget> cached = links.get(deliveryId);
        return cached == null ? Optional.empty() : Optional.ofNullable(cached.get(index));
    }

    /**
     * Reads the secret and the links of every delivery started in the last {@value #PRELOAD_DAYS} days into the
     * cache, so clicks keep their redirects while the database is unreachable. Called at startup; a failure only
     * leaves the cache to fill on demand.
     */
    public void preload() {
        try {
            tokens();
            Map<Long, Map<Integer, LinkTarget>> read = new HashMap<>();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT l.delivery_id, l.link_index,"
                            + " l.url, l.label FROM delivery_link l JOIN delivery d ON d.id = l.delivery_id"
                            + " WHERE d.started_at >= CAST(? AS TIMESTAMP(6) WITH TIME ZONE)")) {
                select.setObject(
                        1,
                        io.crosscast.platform.sql.SqlValues.timestamp(
                                java.time.Instant.now().minus(java.time.Duration.ofDays(PRELOAD_DAYS))));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read.computeIfAbsent(rows.getLong(1), id -> new HashMap<>())
                                .put(rows.getInt(2), new LinkTarget(rows.getString(3), rows.getString(4)));
                    }
                }
            }
            read.forEach((delivery, targets) -> links.putIfAbsent(delivery, Map.copyOf(targets)));
        } catch (SQLException | RuntimeException e) {
            java.util.logging.Logger.getLogger(TrackingLinks.class.getName())
                    .warning("Tracking links not preloaded: " + e.getMessage());
        }
    }

    private Map<Integer, LinkTarget> links(long deliveryId) {
        Map<Integer, LinkTarget> cached = links.get(deliveryId);
        if (cached != null) {
            return cached;
        }
        Map<Integer, LinkTarget> read = readLinks(deliveryId);
        if (!read.isEmpty()) {
            links.put(deliveryId, read);
        }
        return read;
    }

    private Map<Integer, LinkTarget> readLinks(long deliveryId) {
        Map<Integer, LinkTarget> read = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT link_index, url, label FROM delivery_link WHERE delivery_id = ?")) {
            select.setLong(1, deliveryId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read.put(rows.getInt(1), new LinkTarget(rows.getString(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot read the links of delivery " + deliveryId + ": " + e.getMessage(), e);
        }
        return Map.copyOf(read);
    }

    private String host() {
        return resolvedPublicUrl().host();
    }

    private static final Pattern MESSAGE_ID_DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    /** The host of a (normalised) public URL, in ASCII: what a Message-ID may hold. */
    static String host(String publicUrl) {
        URI uri = URI.create(publicUrl);
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // A registry-based authority (a host name with _): the host is what comes before the port.
            String authority = uri.getRawAuthority();
            host = authority.lastIndexOf(':') < 0 ? authority : authority.substring(0, authority.lastIndexOf(':'));
        }
        // An IP literal or a name with other characters than letters, digits, - and . cannot be the domain of a
        // Message-ID.
        return host == null || !MESSAGE_ID_DOMAIN.matcher(host).matches() ? "crosscast.invalid" : host;
    }

    private TrackingTokens tokens() {
        TrackingTokens current = tokens;
        if (current == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = TrackingTokens.fromBase64(settings.secret(SECRET));
                }
                current = tokens;
            }
        }
        return current;
    }
}
