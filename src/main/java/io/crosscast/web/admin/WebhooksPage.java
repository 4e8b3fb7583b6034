package io.crosscast.web.admin;

import io.crosscast.web.Messages;
import io.crosscast.webhook.NewSubscription;
import io.crosscast.webhook.WebhookCall;
import io.crosscast.webhook.WebhookEvent;
import io.crosscast.webhook.WebhookException;
import io.crosscast.webhook.WebhookService;
import io.crosscast.webhook.WebhookSubscription;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backing bean of admin/webhooks.xhtml: the subscriptions, one form to create or edit one (the secret shown once,
 * after its creation), and a subscription's delivery log.
 */
@Named
@ViewScoped
public class WebhooksPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private WebhookService webhooks;

    private List<WebhookSubscription> all;
    private Long editing;
    private String url;
    private List<String> events = new ArrayList<>();
    private String description;
    private boolean active = true;
    private String secret;
    private Long secretOf;
    private String shownSecret;
    private Long logOf;
    private List<WebhookCall> calls = List.of();

    @PostConstruct
    void load() {
        all = webhooks.all();
        if (logOf != null) {
            calls = all.stream().anyMatch(s -> s.getId().equals(logOf)) ? webhooks.log(logOf) : List.of();
        }
    }

    /** Empties the form for a new subscription. */
    public void startNew() {
        editing = null;
        url = null;
        events = new ArrayList<>();
        description = null;
        active = true;
        secret = null;
    }

    /** Fills the form with a subscription to edit. */
    public void startEdit(WebhookSubscription subscription) {
        editing = subscription.getId();
        url = subscription.getUrl();
        events = new ArrayList<>(
                subscription.getEvents().stream().map(WebhookEvent::wireName).toList());
        description = subscription.getDescription();
        active = subscription.isActive();
        secret = null;
    }

    public void save() {
        try {
            shownSecret = null;
            secretOf = null;
            if (editing == null) {
                NewSubscription created = webhooks.create(url, events, secret, description, active);
                shownSecret = created.secret();
                secretOf = created.subscription().getId();
                Messages.info("webhooks.created", Long.toString(secretOf));
            } else {
                webhooks.update(editing, url, events, description, active);
                Messages.info("webhooks.saved", Long.toString(editing));
            }
            secret = null;
            load();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (WebhookException e) {
            String field = e.field() == null ? null : "webhooksForm:" + field(e.field());
            Messages.error(field, Messages.text(e.code(), e.arguments()));
        }
    }

    private static String field(String name) {
        return switch (name) {
            case "url" -> "url";
            case "events" -> "events";
            case "secret" -> "secret";
            default -> "description";
        };
    }

    public void delete(WebhookSubscription subscription) {
        try {
            webhooks.delete(subscription.getId());
            Messages.info("webhooks.deleted", Long.toString(subscription.getId()));
            if (subscription.getId().equals(logOf)) {
                logOf = null;
                calls = List.of();
            }
        } catch (WebhookException e) {
            Messages.error(null, Messages.text(e.code(), e.arguments()));
        }
        load();
    }

    public void showLog(WebhookSubscription subscription) {
        logOf = subscription.getId();
        load();
    }

    public void refreshLog() {
        load();
    }

    /** The names of every event, for the checkboxes. */
    public List<String> getEventNames() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wireName).toList();
    }

    public String eventNames(WebhookSubscription subscription) {
        return String.join(
                ", ",
                subscription.getEvents().stream().map(WebhookEvent::wireName).toList());
    }

    /** One attempt as the log shows it: its number, HTTP status or error, and time taken. */
    public String attempt(WebhookCall.Attempt attempt) {
        String outcome = attempt.httpStatus() != null
                ? Messages.text("webhooks.call.httpStatus", Integer.toString(attempt.httpStatus()))
                : attempt.error();
        return "#" + attempt.number() + " " + attempt.at() + " " + outcome + " (" + attempt.millis() + " ms)";
    }

    public String getSecretNotice() {
        return secretOf == null ? "" : Messages.text("webhooks.secretOnce", Long.toString(secretOf));
    }

    public String getLogTitle() {
        return logOf == null ? "" : Messages.text("webhooks.logOf", Long.toString(logOf));
    }

    public List<WebhookSubscription> getAll() {
        return all;
    }

    public boolean isEditing() {
        return editing != null;
    }

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

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getShownSecret() {
        return shownSecret;
    }

    public Long getSecretOf() {
        return secretOf;
    }

    public Long getLogOf() {
        return logOf;
    }

    public List<WebhookCall> getCalls() {
        return calls;
    }
}
