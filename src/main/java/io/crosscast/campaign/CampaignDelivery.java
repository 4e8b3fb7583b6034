package io.crosscast.campaign;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import java.time.Instant;

/** One delivery of a campaign with its figures. */
public record CampaignDelivery(
        long id,
        String label,
        Channel channel,
        DeliveryStatus status,
        Instant createdAt,
        Instant startedAt,
        DeliveryStats stats) {

    /** A text message: no opens or clicks. */
    public boolean sms() {
        return channel == Channel.SMS;
    }

    /** Drafts open in the editor, the others on their report. */
    public boolean draft() {
        return status == DeliveryStatus.DRAFT;
    }
}
