package io.crosscast.tracking;

import io.crosscast.tracking.token.TrackingKind;
import java.time.Instant;

/**
 * One hit on a tracking URL, as written to {@code tracking_log}. {@code url} and {@code label} are those
 * of the clicked link (null for an open); user agent and IP are cut to their column sizes.
 */
public record TrackingHit(
        long deliveryId,
        long recipientId,
        TrackingKind kind,
        String url,
        String label,
        Instant at,
        String userAgent,
        String ip) {

    public TrackingHit {
        userAgent = cut(userAgent, 500);
        ip = cut(ip, 45);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
