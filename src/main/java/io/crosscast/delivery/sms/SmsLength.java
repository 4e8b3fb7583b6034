package io.crosscast.delivery.sms;

import java.io.Serializable;
import java.util.Objects;

/**
 * How long an SMS text is, as {@link SmsEncoding#measure} counts it.
 *
 * @param encoding            GSM-7 or UCS-2
 * @param units               its length in septets (GSM-7: extension characters count 2) or in UTF-16 units
 *                            (UCS-2: a character outside the Basic Multilingual Plane, most emoji, counts 2)
 * @param parts               how many messages it takes: 1 up to 160 septets or 70 units, else one per 153
 *                            septets or 67 units (a character is never cut between two parts)
 * @param unitsLeftInLastPart how many more units the last part could hold: what can still be typed before
 *                            the text takes one more message
 */
public record SmsLength(SmsEncoding encoding, int units, int parts, int unitsLeftInLastPart) implements Serializable {

    public SmsLength {
        Objects.requireNonNull(encoding, "encoding");
    }

    /** Whether the text needs more than one message, hence concatenation. */
    public boolean concatenated() {
        return parts > 1;
    }
}
