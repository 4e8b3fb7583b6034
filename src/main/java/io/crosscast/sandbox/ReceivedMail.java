package io.crosscast.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A message as the sandbox's SMTP server received it: the raw bytes (headers and body, RFC 5322) and the
 * envelope (MAIL FROM, RCPT TO), which may differ from the From and To headers.
 */
public record ReceivedMail(Instant receivedAt, String envelopeFrom, List<String> envelopeTo, byte[] raw) {

    public ReceivedMail {
        envelopeTo = List.copyOf(envelopeTo);
    }
}
