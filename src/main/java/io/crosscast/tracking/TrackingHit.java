package io.crosscast.tracking;

import io.crosscast.tracking.token.TrackingKind;
import java.time.Instant;

/**
 * One hit on a tracking URL, as written to {@code tracking_log}. {@code url} and {@code label} are those
 * of the clicked link (null for an open); user agent and IP are cut to their column sizes; {@code method} is
 * the request's HTTP method (GET, or HEAD for a scanner checking the link; null when unknown).
 */
public record TrackingHit(
        long deliveryId,
        long recipientId,
        TrackingKind kind,
        String url,
        String label,
        Instant at,
        String userAgent,
        String ip,
        String method) {

    public TrackingHit {
        userAgent = cut(userAgent, 500);
        ip = cut(ip, 45);
        method = cut(method, 8);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
