package io.crosscast.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook subscription may ask for, by their names on the wire. */
public enum WebhookEvent {
    RUN_FINISHED("run.finished"),
    RUN_FAILED("run.failed"),
    DELIVERY_FINISHED("delivery.finished"),
    RECIPIENT_UNSUBSCRIBED("recipient.unsubscribed"),
    RECIPIENT_BOUNCED("recipient.bounced");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name in payloads, headers and subscriptions ({@code run.finished}...). */
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> of(String wireName) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
    }
}
