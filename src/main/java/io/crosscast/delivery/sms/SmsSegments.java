package io.crosscast.delivery.sms;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * SMS texts as SMPP octets, both ways.
 *
 * <p>Sending: {@link #encode} gives the whole text in its encoding (for a single message, or for the
 * {@code message_payload} TLV of a long one, which the SMSC then splits), {@link #segments} one
 * {@code short_message} per part, each behind a 6-octet concatenation header when there are several:
 * <pre>
 *   05 00 03 ref total n   (UDH length 5; IEI 00: concatenation, 8-bit reference; IE length 3)
 * </pre>
 * followed by the part's text: GSM-7 as unpacked septets (one per octet, {@code data_coding} 0, which SMSCs
 * pack themselves), UCS-2 as UTF-16BE ({@code data_coding} 8). Submit every part with the text's
 * {@link #dataCoding} and {@link #esmClass} ({@code 0x40}, UDH indicator, when there are several parts).
 *
 * <p>Receiving: {@link #decode} reads a {@code short_message} (or {@code message_payload}) by its
 * {@code data_coding} and, with the UDH indicator, its concatenation header (8- or 16-bit reference).
 */
public final class SmsSegments {

    /** {@code esm_class} of a message without a user data header. */
    public static final byte ESM_CLASS_DEFAULT = 0x00;

    /** {@code esm_class} of a message whose {@code short_message} starts with a user data header (UDHI). */
    public static final byte ESM_CLASS_UDHI = 0x40;

    /** The most parts an 8-bit concatenation header can number. */
    public static final int MAX_PARTS = 255;

    private static final int IEI_CONCAT_8 = 0x00;
    private static final int IEI_CONCAT_16 = 0x08;

    private SmsSegments() {}

    /** The {@code data_coding} to send {@code text} with: 0 (GSM-7, unpacked septets) or 8 (UCS-2). */
    public static byte dataCoding(String text) {
        return SmsEncoding.of(text).dataCoding();
    }

    /** The {@code esm_class} of a text sent in {@code parts} segments: {@code 0x40} (UDHI) for 2 or more. */
    public static byte esmClass(int parts) {
        return parts > 1 ? ESM_CLASS_UDHI : ESM_CLASS_DEFAULT;
    }

    /** {@code text} in its encoding, without any header: unpacked GSM-7 septets or UTF-16BE. */
    public static byte[] encode(String text) {
        return encode(text, SmsEncoding.of(text));
    }

    private static byte[] encode(String text, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM7 ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }

    /**
     * The {@code short_message} of each part of {@code text}: the text alone when it fits in one message,
     * else each part's text behind its concatenation header numbered with {@code reference}.
     *
     * @param reference the concatenation reference, 0 to 255, the same for every part of this text and
     *                  different from the other long texts recently sent to the same number
     * @throws IllegalArgumentException if the reference is out of range or the text needs more than 255 parts
     */
    public static List<byte[]> segments(String text, int reference) {
        Objects.requireNonNull(text, "text");
        if (reference < 0 || reference > 0xFF) {
            throw new IllegalArgumentException("The concatenation reference is 0 to 255: " + reference);
        }
        SmsEncoding encoding = SmsEncoding.of(text);
        List<String> parts = SmsEncoding.split(text);
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("The text takes " + parts.size() + " parts; at most " + MAX_PARTS);
        }
        if (parts.size() == 1) {
            return List.of(encode(text, encoding));
        }
        List<byte[]> segments = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            byte[] body = encode(parts.get(i), encoding);
            byte[] segment = new byte[6 + body.length];
            segment[0] = 0x05;
            segment[1] = IEI_CONCAT_8;
            segment[2] = 0x03;
            segment[3] = (byte) reference;
            segment[4] = (byte) parts.size();
            segment[5] = (byte) (i + 1);
            System.arraycopy(body, 0, segment, 6, body.length);
            segments.add(segment);
        }
        return List.copyOf(segments);
    }

    /**
     * One received message read: its text, and where it belongs when it is a part of a concatenated one.
     *
     * @param text      the text of this message or part
     * @param reference the concatenation reference (8 or 16 bits), or 0 when not concatenated
     * @param total     how many parts the whole message has: 1 when not concatenated
     * @param number    which part this is, from 1
     */
    public record Segment(String text, int reference, int total, int number) {

        /** Whether this is one part of a concatenated message. */
        public boolean concatenated() {
            return total > 1;
        }
    }

    /**
     * Reads a {@code short_message}: a concatenation header first when {@code esmClass} has the UDH indicator
     * (other information elements are skipped), then the text by {@code dataCoding}.
     */
    public static Segment decode(byte dataCoding, byte esmClass, byte[] octets) {
        Objects.requireNonNull(octets, "octets");
        int start = 0;
        int reference = 0;
        int total = 1;
        int number = 1;
        if ((esmClass & ESM_CLASS_UDHI) != 0 && octets.length > 0) {
            int headerLength = octets[0] & 0xFF;
            if (1 + headerLength <= octets.length) {
                start = 1 + headerLength;
                int i = 1;
                while (i + 1 < start) {
                    int iei = octets[i] & 0xFF;
                    int length = octets[i + 1] & 0xFF;
                    int data = i + 2;
                    if (data + length > start) {
                        break;
                    }
                    if (iei == IEI_CONCAT_8 && length == 3) {
                        reference = octets[data] & 0xFF;
                        total = octets[data + 1] & 0xFF;
                        number = octets[data + 2] & 0xFF;
                    } else if (iei == IEI_CONCAT_16 && length == 4) {
                        reference = (octets[data] & 0xFF) << 8 | (octets[data + 1] & 0xFF);
                        total = octets[data + 2] & 0xFF;
                        number = octets[data + 3] & 0xFF;
                    }
                    i = data + length;
                }
                if (total < 1 || number < 1 || number > total) {
                    reference = 0;
                    total = 1;
                    number = 1;
                }
            }
        }
        return new Segment(decodeText(dataCoding, octets, start, octets.length - start), reference, total, number);
    }

    /**
     * Octets as text by their SMPP {@code data_coding}: 0 GSM-7 (unpacked septets), 1 IA5 (ASCII), 3 Latin-1,
     * 6 Latin/Cyrillic, 7 Latin/Hebrew, 8 UCS-2 (UTF-16BE); the GSM data coding groups of TS 23.038 (general,
     * message waiting, message class) by their alphabet. Binary or unknown codings read as
     * {@code [binary: 0a1b...]}.
     */
    public static String decodeText(byte dataCoding, byte[] octets, int offset, int length) {
        int coding = dataCoding & 0xFF;
        Charset charset = null;
        boolean gsm = false;
        if (coding < 0x10) {
            switch (coding) {
                case 0x00 -> gsm = true;
                case 0x01 -> charset = StandardCharsets.US_ASCII;
                case 0x03 -> charset = StandardCharsets.ISO_8859_1;
                case 0x06 -> charset = Charset.forName("ISO-8859-5");
                case 0x07 -> charset = Charset.forName("ISO-8859-8");
                case 0x08 -> charset = StandardCharsets.UTF_16BE;
                default -> charset = null;
            }
        } else if ((coding & 0xC0) == 0x00 && (coding & 0x20) == 0) {
            int alphabet = (coding >> 2) & 0x03;
            gsm = alphabet == 0;
            charset = alphabet == 2 ? StandardCharsets.UTF_16BE : null;
        } else if ((coding & 0xF0) == 0xC0 || (coding & 0xF0) == 0xD0) {
            gsm = true;
        } else if ((coding & 0xF0) == 0xE0) {
            charset = StandardCharsets.UTF_16BE;
        } else if ((coding & 0xF0) == 0xF0) {
            gsm = (coding & 0x04) == 0;
        }
        if (gsm) {
            return Gsm7.decode(octets, offset, length);
        }
        if (charset != null) {
            return new String(octets, offset, length, charset);
        }
        return "[binary: " + HexFormat.of().formatHex(octets, offset, offset + length) + "]";
    }
}
