package io.crosscast.delivery.sms;

import java.util.List;
import java.util.Objects;

/**
 * One recipient's SMS, as {@link SmsComposer} renders it: the text, its length and, when the caller sends
 * it split rather than as one {@code message_payload}, its parts as SMPP octets. Immutable.
 */
public final class SmsContent {

    private final String text;
    private final SmsLength length;

    private SmsContent(String text) {
        this.text = text;
        this.length = SmsEncoding.measure(text);
    }

    /** {@code text} as it will be sent. */
    public static SmsContent of(String text) {
        return new SmsContent(Objects.requireNonNull(text, "text"));
    }

    /** The text, personalized, tracked link included. */
    public String text() {
        return text;
    }

    /** Its encoding, length and number of parts. */
    public SmsLength length() {
        return length;
    }

    public SmsEncoding encoding() {
        return length.encoding();
    }

    /** How many messages it takes. */
    public int parts() {
        return length.parts();
    }

    /** The {@code data_coding} to submit it with: 0 (GSM-7) or 8 (UCS-2), whichever way it is sent. */
    public byte dataCoding() {
        return length.encoding().dataCoding();
    }

    /** The {@code esm_class} of the {@link #segments}: {@code 0x40} (UDHI) when there are several, else 0. */
    public byte esmClass() {
        return SmsSegments.esmClass(length.parts());
    }

    /** The whole text in its encoding, without header: a single {@code short_message} or a {@code message_payload}. */
    public byte[] payload() {
        return SmsSegments.encode(text);
    }

    /** The texts of its parts (one when it fits in a single message). */
    public List<String> partTexts() {
        return SmsEncoding.split(text);
    }

    /**
     * One {@code short_message} per part, with its concatenation header when there are several
     * ({@link SmsSegments#segments}); submit each with {@link #dataCoding()} and {@link #esmClass()}.
     *
     * @param reference 0 to 255, the same for every part of this message
     */
    public List<byte[]> segments(int reference) {
        return SmsSegments.segments(text, reference);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SmsContent content && content.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "SmsContent[" + length + ": " + text + "]";
    }
}
