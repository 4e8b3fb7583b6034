package io.crosscast.sandbox;

import java.io.Serializable;
import java.util.List;

/**
 * A received message opened: its headers in order, its HTML part and its text part.
 *
 * @param message the message as the outbox lists it
 * @param headers every header, in the message's order
 * @param html the HTML part (the first text/html part that is not an attachment), or null
 * @param text the text part (the first text/plain part that is not an attachment), or null
 */
public record MessageContent(OutboxMessage message, List<MailHeader> headers, String html, String text)
        implements Serializable {

    public MessageContent {
        headers = List.copyOf(headers);
    }

    /** The value of the first header called {@code name} (any case), or null. */
    public String header(String name) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(MailHeader::value)
                .findFirst()
                .orElse(null);
    }
}
