package io.crosscast.tracking;

import io.crosscast.audience.RecipientService;
import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.tracking.token.TrackingKind;
import io.crosscast.tracking.token.TrackingToken;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the public tracking endpoints do: check the token, log the hit, and say where a click goes or
 * what an unsubscription concerns. Opens and clicks are queued ({@link TrackingRecorder}); an
 * unsubscription is written at once, with its log, in one transaction.
 */
@Stateless
public class TrackingService {

    @Inject
    private TrackingLinks links;

    @EJB
    private TrackingRecorder recorder;

    @EJB
    private RecipientService recipients;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<RecipientUnsubscribed> unsubscribed;

    private final Clock clock = Clock.systemUTC();

    /**
     * Logs an open; false when the token is not genuine. Tokens for recipient 0 (previews and proofs, sent
     * to people who are not recipients) work but are never logged. {@code method}: the HTTP method (HEAD
     * is logged too: a scanner checking the link, classified as such).
     */
    public boolean open(String token, String userAgent, String ip, String method) {
        Optional<TrackingToken> read = links.read(token, TrackingKind.OPEN);
        read.filter(t -> t.recipientId() != 0)
                .ifPresent(t -> recorder.record(new TrackingHit(
                        t.deliveryId(),
                        t.recipientId(),
                        TrackingKind.OPEN,
                        null,
                        null,
                        Instant.now(clock),
                        userAgent,
                        ip,
                        method)));
        return read.isPresent();
    }

    /** Logs a click and returns the link's URL; empty when the token is not genuine or names no link. */
    public Optional<String> click(String token, String userAgent, String ip, String method) {
        Optional<TrackingToken> read = links.read(token, TrackingKind.CLICK);
        Optional<TrackingLinks.LinkTarget> link = read.flatMap(t -> links.link(t.deliveryId(), t.linkIndex()));
        if (link.isPresent() && read.get().recipientId() != 0) {
            TrackingToken t = read.get();
            recorder.record(new TrackingHit(
                    t.deliveryId(),
                    t.recipientId(),
                    TrackingKind.CLICK,
                    link.get().url(),
                    link.get().label(),
                    Instant.now(clock),
                    userAgent,
                    ip,
                    method));
        }
        return link.map(TrackingLinks.LinkTarget::url);
    }

    /** The address an unsubscribe token concerns (for the confirmation page); empty when not genuine. */
    public Optional<String> unsubscribeAddress(String token) {
        return links.read(token, TrackingKind.UNSUBSCRIBE).flatMap(t -> address(t.recipientId()));
    }

    /**
     * Sets the recipient's email opt-out and logs it; false when the token is not genuine or its recipient
     * is gone. Doing it twice is harmless (logged once).
     */
    public boolean unsubscribe(String token, String userAgent, String ip) {
        Optional<TrackingToken> read = links.read(token, TrackingKind.UNSUBSCRIBE);
        if (read.isEmpty()) {
            return false;
        }
        TrackingToken t = read.get();
        Instant now = Instant.now(clock);
        if (!recipients.optOutOfEmail(t.recipientId(), now)) {
            return address(t.recipientId()).isPresent();
        }
        NativeSql.update(
                em,
                "INSERT INTO tracking_log (delivery_id, recipient_id, type, logged_at, user_agent, ip, request_method)"
                        + " SELECT d.id, CAST(? AS BIGINT), 'UNSUBSCRIBE', CAST(? AS TIMESTAMP(6) WITH TIME ZONE),"
                        + " CAST(? AS VARCHAR(500)), CAST(? AS VARCHAR(45)), 'POST' FROM delivery d WHERE d.id = ?",
                java.util.Arrays.asList(
                        t.recipientId(), SqlValues.timestamp(now), cut(userAgent, 500), cut(ip, 45), t.deliveryId()));
        unsubscribed.fire(new RecipientUnsubscribed(t.recipientId(), t.deliveryId(), now));
        return true;
    }

    private Optional<String> address(long recipientId) {
        List<?> found = NativeSql.query(em, "SELECT email FROM recipient WHERE id = ?", List.of(recipientId))
                .getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(found.get(0)));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
