package io.crosscast.tracking;

import io.crosscast.audience.RecipientService;
import io.crosscast.platform.sql.NativeSql;
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
 * Unsubscription for the public tracking endpoints: the address a token concerns, and the opt-out written at
 * once with its log in one transaction. Opens and clicks do not come here: the endpoints submit them to the
 * node's {@link HitLog} (group commit, no transaction per hit).
 */
@Stateless
public class TrackingService {

    @Inject
    private TrackingLinks links;

    @EJB
    private RecipientService recipients;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<RecipientUnsubscribed> unsubscribed;

    private final Clock clock = Clock.systemUTC();

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
        TrackingHit hit = new TrackingHit(
                t.deliveryId(), t.recipientId(), TrackingKind.UNSUBSCRIBE, null, null, now, userAgent, ip, "POST");
        NativeSql.update(em, TrackingLogRow.INSERT, new TrackingLogRow(HitLog.newId(now), hit).parameters());
        unsubscribed.fire(new RecipientUnsubscribed(t.recipientId(), t.deliveryId(), now));
        return true;
    }

    private Optional<String> address(long recipientId) {
        List<?> found = NativeSql.query(em, "SELECT email FROM recipient WHERE id = ?", List.of(recipientId))
                .getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(found.get(0)));
    }
}
