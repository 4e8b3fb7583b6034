package io.crosscast.web.api;

import io.crosscast.delivery.Delivery;
import io.crosscast.delivery.DeliveryContent;
import io.crosscast.delivery.DeliveryStats;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A delivery as the API shows it and takes it: content fields, plus (read only) channel, status, times
 * and, once targeted, its figures.
 */
@JsonbPropertyOrder({
    "id",
    "label",
    "channel",
    "status",
    "senderName",
    "senderAddress",
    "replyTo",
    "subject",
    "htmlBody",
    "textBody",
    "runId",
    "createdAt",
    "startedAt",
    "finishedAt",
    "stats"
})
public record DeliveryDto(
        Long id,
        String label,
        String channel,
        String status,
        String senderName,
        String senderAddress,
        String replyTo,
        String subject,
        String htmlBody,
        String textBody,
        Long runId,
        String createdAt,
        String startedAt,
        String finishedAt,
        DeliveryStats stats) {

    public static DeliveryDto of(Delivery d, DeliveryStats stats) {
        return new DeliveryDto(
                d.getId(),
                d.getLabel(),
                d.getChannel().name(),
                d.getStatus().name(),
                d.getSenderName(),
                d.getSenderAddress(),
                d.getReplyTo(),
                d.getSubject(),
                d.getHtmlBody(),
                d.getTextBody(),
                d.getRunId(),
                text(d.getCreatedAt()),
                text(d.getStartedAt()),
                text(d.getFinishedAt()),
                stats);
    }

    /** The content fields of a request body. */
    public DeliveryContent content() {
        return new DeliveryContent(label, senderName, senderAddress, replyTo, subject, htmlBody, textBody);
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
