package io.crosscast.delivery;

import java.time.Instant;

/**
 * How a recent delivery's messages were received: bounces and opt-outs over what left.
 *
 * @param sent         messages the server accepted (SENT, DELIVERED, UNDELIVERED)
 * @param failed       messages refused at sending or by a hard bounce (FAILED)
 * @param softBounced  distinct recipients with a soft bounce (their message stays sent)
 * @param unsubscribed distinct recipients who unsubscribed through the delivery
 */
public record DeliveryRates(
        long id,
        String label,
        Channel channel,
        Long campaignId,
        Instant startedAt,
        long sent,
        long failed,
        long softBounced,
        long unsubscribed) {

    /**
     * The share of the messages tried ({@code sent + failed}) that were refused, bounced hard (both FAILED) or
     * bounced soft.
     */
    public double bounceRate() {
        long tried = sent + failed;
        return tried == 0 ? 0 : (double) Math.min(tried, failed + softBounced) / tried;
    }

    /** The share of the sent messages whose recipient unsubscribed. */
    public double optOutRate() {
        return sent == 0 ? 0 : (double) unsubscribed / sent;
    }
}
