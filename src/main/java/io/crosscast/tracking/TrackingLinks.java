package io.crosscast.tracking;

import io.crosscast.platform.Datasources;
import io.crosscast.settings.SettingsService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.crosscast.delivery.content.TrackedLink;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private volatile TrackingTokens tokens;
    private final Map<Long, Map<Integer, TrackedLink>> links = new ConcurrentHashMap<>();

    /** The server's public base URL, without a trailing slash. */
    public String publicUrl() {
        String configured = System.getProperty("crosscast.public.url");
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return "http://localhost:" + port + "/crosscast";
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
    public Optional<TrackedLink> link(long deliveryId, int index) {
        return Optional.ofNullable(links(deliveryId).get(index));
    }

    private Map<Integer, TrackedLink> links(long deliveryId) {
        Map<Integer, TrackedLink> cached = links.get(deliveryId);
        if (cached != null) {
            return cached;
        }
        Map<Integer, TrackedLink> read = readLinks(deliveryId);
        if (!read.isEmpty()) {
            links.put(deliveryId, read);
        }
        return read;
    }

    /** Forgets a delivery's links (it was deleted). */
    public void forget(long deliveryId) {
        links.remove(deliveryId);
    }

    private Map<Integer, TrackedLink> readLinks(long deliveryId) {
        Map<Integer, TrackedLink> read = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT link_index, url, label FROM delivery_link WHERE delivery_id = ?")) {
            select.setLong(1, deliveryId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read.put(rows.getInt(1), new TrackedLink(rows.getInt(1), rows.getString(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the links of delivery " + deliveryId + ": " + e.getMessage(), e);
        }
        return Map.copyOf(read);
    }

    private String host() {
        String url = publicUrl();
        String rest = url.substring(url.indexOf("//") + 2);
        int end = rest.indexOf('/');
        String hostPort = end < 0 ? rest : rest.substring(0, end);
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
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
