package io.crosscast.content;

/**
 * The tracking URLs of one delivery, implemented by the caller (typically with signed tokens under the
 * server's public address), so the composer depends on no web layer. Implementations must be thread-safe
 * and return absolute URLs; the unsubscription URL should be {@code https} for RFC 8058 one-click.
 */
public interface TrackingUrls {

    /** The open pixel's URL for the recipient. */
    String open(long recipientId);

    /** The URL that records the recipient's click on the link numbered {@code linkIndex}, then redirects. */
    String click(long recipientId, int linkIndex);

    /** The URL where the recipient unsubscribes (a page, and the target of one-click POSTs). */
    String unsubscribe(long recipientId);
}
