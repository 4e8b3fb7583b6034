package io.crosscast.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/** The headers every answer of the application carries (SecurityHeadersFilter, and the tracking fast path). */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    /** No MIME sniffing, framed only by the application, no address sent to other sites. */
    public static void assertOn(HttpResponse<?> answer) {
        String where = answer.uri() + " (" + answer.statusCode() + ")";
        assertEquals(
                "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), where);
        assertEquals(
                "SAMEORIGIN", answer.headers().firstValue("X-Frame-Options").orElse(null), where);
        assertEquals(
                "same-origin", answer.headers().firstValue("Referrer-Policy").orElse(null), where);
    }
}
