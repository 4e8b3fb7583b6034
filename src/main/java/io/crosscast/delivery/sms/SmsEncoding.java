package io.crosscast.delivery.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an SMS text travels, and how long it is.
 *
 * <p>A text whose every character is in the GSM 7-bit default alphabet or its extension table
 * ({@link Gsm7}) is sent in {@link #GSM7}: 160 septets in a single message, 153 per part when it has to be
 * concatenated (the 6-octet concatenation header takes 7 septets); extension characters ({@code ^ { } \ [ ~ ]
 * | €}, form feed) count 2 septets. Any other character (ç, ê, ő, emoji...) makes the whole text
 * {@link #UCS2}: 70 UTF-16 units in a single message, 67 per part; a character outside the Basic
 * Multilingual Plane (most emoji) takes 2 units, a surrogate pair. A part never ends between the two
 * septets of an extension character nor between the two halves of a surrogate pair: such a character moves
 * whole to the next part, which can add a part.
 */
public enum SmsEncoding {

    /** GSM 7-bit default alphabet: SMPP {@code data_coding} 0, one septet per octet. */
    GSM7("GSM-7", (byte) 0x00, 160, 153),

    /** UCS-2 (UTF-16 big-endian, surrogate pairs as two units): SMPP {@code data_coding} 8. */
    UCS2("UCS-2", (byte) 0x08, 70, 67);

    private final String label;
    private final byte dataCoding;
    private final int singleLimit;
    private final int partLimit;

    SmsEncoding(String label, byte dataCoding, int singleLimit, int partLimit) {
        this.label = label;
        this.dataCoding = dataCoding;
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    /** {@code GSM-7} or {@code UCS-2}. */
    public String label() {
        return label;
    }

    /** The SMPP {@code data_coding} of texts sent this way: 0 (GSM-7, unpacked septets) or 8 (UCS-2). */
    public byte dataCoding() {
        return dataCoding;
    }

    /** Units that fit in a single, unconcatenated message: 160 septets or 70 UCS-2 units. */
    public int singleLimit() {
        return singleLimit;
    }

    /** Units that fit in each part of a concatenated message: 153 septets or 67 UCS-2 units. */
    public int partLimit() {
        return partLimit;
    }

    /** The encoding {@code text} needs: GSM-7 when every character has a GSM-7 form, else UCS-2. */
    public static SmsEncoding of(CharSequence text) {
        return Gsm7.canEncode(Objects.requireNonNull(text, "text")) ? GSM7 : UCS2;
    }

    /** The length of {@code text} in its encoding, and how many parts it takes. */
    public static SmsLength measure(CharSequence text) {
        SmsEncoding encoding = of(text);
        int units = encoding.units(text);
        int[] bounds = encoding.bounds(text);
        int parts = bounds.length - 1;
        int lastPartUnits = encoding.units(text.subSequence(bounds[parts - 1], bounds[parts]));
        int limit = parts == 1 ? encoding.singleLimit : encoding.partLimit;
        return new SmsLength(encoding, units, parts, limit - lastPartUnits);
    }

    /** The texts of the parts of {@code text} sent in its encoding: one part when it fits in a single message. */
    public static List<String> split(CharSequence text) {
        SmsEncoding encoding = of(text);
        int[] bounds = encoding.bounds(text);
        List<String> parts = new ArrayList<>(bounds.length - 1);
        for (int i = 1; i < bounds.length; i++) {
            parts.add(text.subSequence(bounds[i - 1], bounds[i]).toString());
        }
        return List.copyOf(parts);
    }

    /** Units {@code text} takes in this encoding (it must be encodable: GSM-7 ones are checked first). */
    int units(CharSequence text) {
        return this == GSM7 ? Gsm7.septets(text) : text.length();
    }

    /**
     * Where the parts of {@code text} start, in chars, followed by its length: {@code [0, length]} for a single
     * message. Characters are never cut: an escape pair or a surrogate pair that does not fit moves on.
     */
    int[] bounds(CharSequence text) {
        int length = text.length();
        if (units(text) <= singleLimit) {
            return new int[] {0, length};
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int used = 0;
        int i = 0;
        while (i < length) {
            int chars = charsAt(text, i);
            int units = this == GSM7 ? Gsm7.septets(text.charAt(i)) : chars;
            if (used + units > partLimit) {
                starts.add(i);
                used = 0;
            }
            used += units;
            i += chars;
        }
        int[] bounds = new int[starts.size() + 1];
        for (int p = 0; p < starts.size(); p++) {
            bounds[p] = starts.get(p);
        }
        bounds[starts.size()] = length;
        return bounds;
    }

    /** 2 at a surrogate pair in UCS-2 (kept together), else 1. */
    private int charsAt(CharSequence text, int i) {
        return this == UCS2
                        && Character.isHighSurrogate(text.charAt(i))
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))
                ? 2
                : 1;
    }
}
