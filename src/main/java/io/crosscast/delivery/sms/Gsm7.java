package io.crosscast.delivery.sms;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 7-bit default alphabet of 3GPP TS 23.038 (section 6.2.1) and its default extension table, as
 * SMPP carries it with {@code data_coding} 0: unpacked, one septet per octet.
 *
 * <p>A character of the default alphabet takes one septet; one of the extension table ({@code ^ { } \ [ ~ ] |
 * €} and form feed) takes two, the escape septet {@code 0x1B} and its code. Anything else (ç, ê, emoji...)
 * has no GSM-7 form: a text holding one is sent in UCS-2 ({@link SmsEncoding}).
 */
public final class Gsm7 {

    /** The escape septet that announces a character of the extension table. */
    public static final int ESCAPE = 0x1B;

    /** The default alphabet by septet; {@code 0x1B} (escape) has no character. */
    private static final char[] BASIC = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
            .toCharArray();

    /** The extension table: characters and the septets that follow the escape. */
    private static final char[] EXTENSION_CHARS = {'\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'};

    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    /** Septet by character for the characters below U+0100 (-1: none), the rest looked up in {@link #OTHERS}. */
    private static final int[] LATIN = new int[0x100];

    private static final Map<Character, Integer> OTHERS = new HashMap<>();
    /** Extension character by code (0: none). */
    private static final char[] EXTENSION_BY_CODE = new char[0x80];

    static {
        if (BASIC.length != 0x80) {
            throw new ExceptionInInitializerError("GSM-7 table has " + BASIC.length + " entries");
        }
        Arrays.fill(LATIN, -1);
        for (int septet = 0; septet < BASIC.length; septet++) {
            if (septet != ESCAPE) {
                put(BASIC[septet], septet);
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length; i++) {
            put(EXTENSION_CHARS[i], 0x100 | EXTENSION_CODES[i]);
            EXTENSION_BY_CODE[EXTENSION_CODES[i]] = EXTENSION_CHARS[i];
        }
    }

    private Gsm7() {}

    private static void put(char c, int code) {
        if (c < 0x100) {
            LATIN[c] = code;
        } else {
            OTHERS.put(c, code);
        }
    }

    /** The code of {@code c}: its septet, or 0x100 plus its extension code; -1 when it has none. */
    private static int code(char c) {
        if (c < 0x100) {
            return LATIN[c];
        }
        Integer code = OTHERS.get(c);
        return code == null ? -1 : code;
    }

    /** How many septets {@code c} takes: 1 (default alphabet), 2 (extension table) or 0 (not in GSM-7). */
    public static int septets(char c) {
        int code = code(c);
        return code < 0 ? 0 : code > 0xFF ? 2 : 1;
    }

    /** Whether every character of {@code text} has a GSM-7 form. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (code(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** How many septets {@code text} takes, or -1 when a character has no GSM-7 form. */
    public static int septets(CharSequence text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = septets(text.charAt(i));
            if (n == 0) {
                return -1;
            }
            septets += n;
        }
        return septets;
    }

    /**
     * {@code text} as unpacked septets, one per octet (extension characters as the escape and their code).
     *
     * @throws IllegalArgumentException if a character has no GSM-7 form
     */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int code = code(c);
            if (code < 0) {
                throw new IllegalArgumentException(
                        String.format("'%c' (U+%04X, position %d) has no GSM-7 form", c, (int) c, i));
            }
            if (code > 0xFF) {
                out.write(ESCAPE);
            }
            out.write(code & 0x7F);
        }
        return out.toByteArray();
    }

    /** Unpacked septets (one per octet, the high bit ignored) as text. */
    public static String decode(byte[] septets) {
        return decode(septets, 0, septets.length);
    }

    /**
     * {@code length} unpacked septets from {@code offset} as text. An escape followed by a code the extension
     * table lacks reads as the default alphabet's character for that code, as TS 23.038 asks of receivers; a
     * final lone escape reads as a space.
     */
    public static String decode(byte[] septets, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int septet = septets[i] & 0x7F;
            if (septet != ESCAPE) {
                text.append(BASIC[septet]);
            } else if (i + 1 < end) {
                int code = septets[++i] & 0x7F;
                char extension = EXTENSION_BY_CODE[code];
                text.append(extension != 0 ? extension : code == ESCAPE ? ' ' : BASIC[code]);
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
