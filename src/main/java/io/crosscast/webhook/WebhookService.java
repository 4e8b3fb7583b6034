package io.crosscast.webhook;

import io.crosscast.platform.sql.NativeSql;
import io.crosscast.platform.sql.SqlValues;
import io.crosscast.webhook.internal.EventJson;
import io.crosscast.webhook.internal.Outbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook subscriptions (administrators only), their delivery logs, and the recording of events in the outbox. The
 * sending itself is {@link WebhookSending}'s.
 */
@Stateless
public class WebhookService {

    /** Rows of a delivery log shown at most. */
    public static final int LOG_MAX = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Announced> announced;

    private final Clock clock = Clock.systemUTC();

    /** CDI event: events were recorded in the outbox by the current transaction (the sender is kicked after it). */
    public record Announced(int rows) {}

    @RolesAllowed("admin")
    public List<WebhookSubscription> all() {
        return em.createQuery("SELECT s FROM WebhookSubscription s ORDER BY s.id", WebhookSubscription.class)
                .getResultList();
    }

    @RolesAllowed("admin")
    public WebhookSubscription get(long id) {
        WebhookSubscription found = em.find(WebhookSubscription.class, id);
        if (found == null) {
            throw new WebhookException("webhook.notFound", null, Long.toString(id));
        }
        return found;
    }

    /**
     * Creates a subscription; {@code secret} null or blank = one made by the server. The answer carries the secret:
     * the only time it is shown.
     */
    @RolesAllowed("admin")
    public NewSubscription create(
            String url, Collection<String> events, String secret, String description, boolean active) {
        String key = secret == null || secret.isBlank() ? newSecret() : checkedSecret(secret);
        WebhookSubscription subscription = new WebhookSubscription(
                checkedUrl(url), checkedEvents(events), key, checkedDescription(description), active);
        em.persist(subscription);
        em.flush();
        return new NewSubscription(subscription, key);
    }

    /** Changes a subscription's URL, events, description and whether it is active; its secret stays. */
    @RolesAllowed("admin")
    public WebhookSubscription update(
            long id, String url, Collection<String> events, String description, boolean active) {
        WebhookSubscription subscription = get(id);
        subscription.change(checkedUrl(url), checkedEvents(events), checkedDescription(description), active);
        em.flush();
        return subscription;
    }

    /** Deletes a subscription with its delivery log (events not yet delivered to it are dropped). */
    @RolesAllowed("admin")
    public void delete(long id) {
        em.remove(get(id));
    }

    /** A subscription's latest {@value #LOG_MAX} events, newest first, each with its attempts. */
    @RolesAllowed("admin")
    public List<WebhookCall> log(long subscriptionId) {
        get(subscriptionId);
        List<?> rows = NativeSql.query(
                        em,
                        "SELECT id, event_id, event, status, attempts, created_at, next_attempt_at, delivered_at"
                                + " FROM webhook_event WHERE subscription_id = ? ORDER BY id DESC FETCH FIRST "
                                + LOG_MAX + " ROWS ONLY",
                        List.of(subscriptionId))
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        long oldest = SqlValues.number(((Object[]) rows.get(rows.size() - 1))[0]);
        Map<Long, List<WebhookCall.Attempt>> attempts = new LinkedHashMap<>();
        for (Object row : NativeSql.query(
                        em,
                        "SELECT a.event_row_id, a.attempt, a.attempted_at, a.http_status, a.error, a.millis"
                                + " FROM webhook_attempt a JOIN webhook_event e ON e.id = a.event_row_id"
                                + " WHERE e.subscription_id = ? AND e.id >= ? ORDER BY a.event_row_id, a.attempt",
                        List.of(subscriptionId, oldest))
                .getResultList()) {
            Object[] a = (Object[]) row;
            attempts.computeIfAbsent(SqlValues.number(a[0]), k -> new ArrayList<>())
                    .add(new WebhookCall.Attempt(
                            (int) SqlValues.number(a[1]),
                            SqlValues.instant(a[2]),
                            a[3] == null ? null : (int) SqlValues.number(a[3]),
                            (String) a[4],
                            SqlValues.number(a[5])));
        }
        List<WebhookCall> calls = new ArrayList<>();
        for (Object row : rows) {
            Object[] e = (Object[]) row;
            long id = SqlValues.number(e[0]);
            calls.add(new WebhookCall(
                    id,
                    (String) e[1],
                    (String) e[2],
                    (String) e[3],
                    (int) SqlValues.number(e[4]),
                    SqlValues.instant(e[5]),
                    "PENDING".equals(e[3]) ? SqlValues.instant(e[6]) : null,
                    e[7] == null ? null : SqlValues.instant(e[7]),
                    attempts.getOrDefault(id, List.of())));
        }
        return calls;
    }

    /**
     * Records {@code event} for every active subscription that wants it, in the caller's transaction (so it is
     * kept exactly when the fact it reports is); returns how many rows. The sender is kicked once it commits.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int announce(WebhookEvent event, JsonObject data) {
        Instant at = Instant.now(clock);
        String eventId = UUID.randomUUID().toString();
        int rows = NativeSql.update(
                em,
                Outbox.ENQUEUE,
                Outbox.enqueueParameters(eventId, event, EventJson.payload(eventId, event, at, data), at));
        if (rows > 0) {
            announced.fire(new Announced(rows));
        }
        return rows;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    /** An absolute http or https URL with a host, at most 2,000 characters. */
    static String checkedUrl(String url) {
        String value = url == null ? "" : url.trim();
        if (value.isEmpty()) {
            throw new WebhookException("webhook.urlRequired", "url");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (value.length() > 2000
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawFragment() != null) {
                throw new WebhookException("webhook.urlInvalid", "url", value);
            }
        } catch (URISyntaxException e) {
            throw new WebhookException("webhook.urlInvalid", "url", value);
        }
        return value;
    }

    static Set<WebhookEvent> checkedEvents(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new WebhookException("webhook.eventsRequired", "events");
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String name : names) {
            events.add(WebhookEvent.of(name)
                    .orElseThrow(() -> new WebhookException("webhook.unknownEvent", "events", name)));
        }
        return events;
    }

    /** A secret given by the administrator: 16 to 200 visible ASCII characters. */
    static String checkedSecret(String secret) {
        if (secret.length() < 16 || secret.length() > 200 || !secret.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new WebhookException("webhook.secretInvalid", "secret");
        }
        return secret;
    }

    static String checkedDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.trim().length() > 500) {
            throw new WebhookException("webhook.descriptionTooLong", "description");
        }
        return description.trim();
    }
}
