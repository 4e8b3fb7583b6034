package io.crosscast.delivery;

/**
 * What a marketer writes for an email delivery: its label, sender, subject and bodies. Subject and
 * bodies may hold personalisation fields such as {@code {{firstName}}}.
 */
public record DeliveryContent(
        String label,
        String senderName,
        String senderAddress,
        String replyTo,
        String subject,
        String htmlBody,
        String textBody) {

    /** An empty draft with a label. */
    public static DeliveryContent labelled(String label) {
        return new DeliveryContent(label, null, null, null, null, null, null);
    }
}
