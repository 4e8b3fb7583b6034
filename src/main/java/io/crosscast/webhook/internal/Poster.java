package io.crosscast.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs one event to its subscriber with {@link HttpClient}: JSON body, {@code Crosscast-Event},
 * {@code Crosscast-Delivery-Id} (the outbox row's id: the same on every retry, the receiver's idempotency key),
 * {@code Crosscast-Event-Id} and {@code Crosscast-Signature}. No redirects are followed (a 3xx is a failure); the
 * answer's body is discarded.
 */
public final class Poster {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Clock clock;

    public Poster(Clock clock) {
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends {@code row} once; never throws for the receiver's failures (they are the result). */
    public Outbox.Result post(Outbox.Due row) {
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(row.url()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Crosscast-Webhooks/1")
                    .header("Crosscast-Event", row.event())
                    .header("Crosscast-Event-Id", row.eventId())
                    .header("Crosscast-Delivery-Id", Long.toString(row.id()))
                    .header(
                            "Crosscast-Signature",
                            Signature.header(row.secret(), clock.instant().getEpochSecond(), row.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(row.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outbox.Result(response.statusCode(), null, millisSince(start));
        } catch (IOException | IllegalArgumentException e) {
            return new Outbox.Result(null, e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outbox.Result(null, "interrupted", millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
