package io.crosscast.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where to POST which events, signed with which secret. The events are stored as their names between commas
 * ({@code ,run.finished,recipient.bounced,}) so that the outbox finds a event's subscribers with one LIKE. The
 * secret never leaves the server after its creation (see {@link WebhookService#create}).
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "url", nullable = false, length = 2000)
    private String url;

    @Column(name = "events", nullable = false, length = 500)
    private String events;

    @Column(name = "secret", nullable = false, length = 200)
    private String secret;

    @Column(name = "description", length = 500)
    private String description;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WebhookSubscription() {}

    WebhookSubscription(String url, Set<WebhookEvent> events, String secret, String description, boolean active) {
        this.secret = secret;
        change(url, events, description, active);
    }

    void change(String newUrl, Set<WebhookEvent> newEvents, String newDescription, boolean newActive) {
        this.url = newUrl;
        this.events = stored(newEvents);
        this.description = newDescription;
        this.active = newActive;
    }

    /** The events as stored: their names in declaration order, between commas. */
    static String stored(Collection<WebhookEvent> events) {
        return EnumSet.copyOf(events).stream().map(WebhookEvent::wireName).collect(Collectors.joining(",", ",", ","));
    }

    @PrePersist
    void beforeInsert() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public Set<WebhookEvent> getEvents() {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(events.split(","))
                .filter(name -> !name.isEmpty())
                .forEach(name -> WebhookEvent.of(name).ifPresent(set::add));
        return set;
    }

    String getSecret() {
        return secret;
    }

    public String getDescription() {
        return description;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
