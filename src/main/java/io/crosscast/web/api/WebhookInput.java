package io.crosscast.web.api;

import java.util.List;

/**
 * The body of {@code POST /api/webhooks} and {@code PUT /api/webhooks/{id}}: {@code {"url", "events": [...],
 * "description", "active", "secret"}}. {@code secret} is read by POST only (left out: the server makes one);
 * {@code active} left out is true.
 */
public class WebhookInput {

    private String url;
    private List<String> events;
    private String description;
    private Boolean active;
    private String secret;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }
}
