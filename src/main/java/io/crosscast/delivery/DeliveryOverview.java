package io.crosscast.delivery;

import java.time.Instant;

/** One delivery with its figures, as the lists of deliveries show it (the deliveries page, a campaign's). */
public record DeliveryOverview(
        long id,
        String label,
        Channel channel,
        DeliveryStatus status,
        Instant createdAt,
        Instant startedAt,
        DeliveryStats stats)
        implements java.io.Serializable {

    /** A text message: no opens or clicks. */
    public boolean sms() {
        return channel == Channel.SMS;
    }

    /** Drafts open in the editor, the others on their report. */
    public boolean draft() {
        return status == DeliveryStatus.DRAFT;
    }

    public boolean sending() {
        return status == DeliveryStatus.SENDING;
    }
}
