package io.crosscast.web.delivery;

import io.crosscast.delivery.Channel;
import io.crosscast.delivery.DeliveryStats;
import io.crosscast.delivery.DeliveryStatus;
import io.crosscast.web.ViewParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Small helpers of the delivery pages. */
final class DeliveryPages {

    /** How long after its end an SMS delivery's report keeps refreshing while receipts are awaited. */
    static final Duration RECEIPT_WATCH = Duration.ofHours(1);

    private DeliveryPages() {}

    /** The delivery id of a view parameter, or null when it is not a positive number. */
    static Long parseId(String value) {
        return ViewParameters.id(value);
    }

    /** The channel of a view parameter: SMS when it says so (any case), else EMAIL. */
    static Channel parseChannel(String value) {
        return value != null && value.strip().toUpperCase(Locale.ROOT).equals(Channel.SMS.name())
                ? Channel.SMS
                : Channel.EMAIL;
    }

    /**
     * Whether a finished SMS delivery's report should keep refreshing for receipts: some sent messages still
     * await theirs, and the sending ended less than {@link #RECEIPT_WATCH} ago (receipts can take much
     * longer, or never come: an open page does not poll for ever).
     */
    static boolean awaitsReceipts(
            Channel channel, DeliveryStatus status, Instant finishedAt, DeliveryStats stats, Instant now) {
        return channel == Channel.SMS
                && (status == DeliveryStatus.SENT || status == DeliveryStatus.CANCELLED)
                && stats != null
                && stats.awaitingReceipt() > 0
                && finishedAt != null
                && now.isBefore(finishedAt.plus(RECEIPT_WATCH));
    }
}
