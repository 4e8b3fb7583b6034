package io.crosscast.delivery;

import io.crosscast.delivery.sms.SmsLength;
import java.io.Serializable;
import java.util.Objects;

/**
 * An SMS delivery's text as one recipient would receive it ({@link DeliveryProofs#previewSms}).
 *
 * @param sender the sender id, or null when none is written yet
 * @param to     the recipient's mobile number, or null (no recipient, or none known)
 * @param text   the text, personalized, as it would be sent
 * @param length its encoding, length and number of parts
 */
public record SmsPreview(String sender, String to, String text, SmsLength length) implements Serializable {

    public SmsPreview {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(length, "length");
    }
}
