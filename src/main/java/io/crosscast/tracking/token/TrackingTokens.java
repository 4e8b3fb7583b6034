package io.crosscast.tracking.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the signed tokens of tracking URLs, and derives stable Message-IDs.
 *
 * <p>A token is URL-safe Base64 without padding of {@code payload || mac}: the payload is one byte for the
 * format version and the kind, then the delivery id, the recipient id and (for a click only) the link index
 * as unsigned variable-length integers (7 bits a byte, least significant first, shortest form only); the
 * MAC is HMAC-SHA256 of the payload under the server's key, truncated to its first 16 bytes (128 bits). A
 * typical click token is about 30 characters.
 *
 * <p>{@link #verify} never throws on bad input: anything tampered, truncated, malformed or too long is
 * simply not a token. The MAC is compared in constant time. Instances are immutable and thread-safe.
 */
public final class TrackingTokens {

    /** The fewest bytes of key accepted: the server keeps a 32-byte random secret. */
    public static final int MIN_KEY_BYTES = 32;

    /** Longer input is refused before decoding; real tokens are at most 54 characters. */
    public static final int MAX_TOKEN_CHARS = 64;

    static final int MAC_BYTES = 16;
    private static final int VERSION = 1;
    private static final int MESSAGE_ID_TAG_BYTES = 6;
    private static final String ALGORITHM = "HmacSHA256";
    /** Separates the MACs of tokens from those of Message-IDs, so one can never stand for the other. */
    private static final byte[] TOKEN_CONTEXT = "crosscast/tracking-token/v1\0".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] MESSAGE_ID_CONTEXT = "crosscast/message-id/v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /**
     * @param key the secret, at least {@link #MIN_KEY_BYTES} bytes (copied)
     * @throws IllegalArgumentException if the key is too short
     */
    public TrackingTokens(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "The tracking key must have at least " + MIN_KEY_BYTES + " bytes, it has " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail now, not on the first token, if HMAC-SHA256 is missing
    }

    /**
     * @param base64Key the secret in Base64 (standard or URL-safe alphabet), at least {@link #MIN_KEY_BYTES}
     *                  bytes once decoded
     * @throws IllegalArgumentException if the text is not Base64 or the key too short
     */
    public static TrackingTokens fromBase64(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        String text = base64Key.strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                key = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalArgumentException("The tracking key is not Base64 text", notUrlSafe);
            }
        }
        return new TrackingTokens(key);
    }

    /** The token that says what {@code token} says, signed. */
    public String issue(TrackingToken token) {
        Objects.requireNonNull(token, "token");
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        out.write(VERSION << 4 | kindCode(token.kind()));
        writeVarint(out, token.deliveryId());
        writeVarint(out, token.recipientId());
        if (token.kind() == TrackingKind.CLICK) {
            writeVarint(out, token.linkIndex());
        }
        byte[] payload = out.toByteArray();
        byte[] mac = mac(TOKEN_CONTEXT, payload);
        byte[] signed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac, 0, signed, payload.length, MAC_BYTES);
        return ENCODER.encodeToString(signed);
    }

    /**
     * What the token says, if this server issued it unchanged; empty for anything else (never throws on
     * bad input, whatever it is).
     */
    public Optional<TrackingToken> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS || !isUrlSafeBase64(token)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // One text per token: refuse other spellings of the same bytes (non-zero unused bits in the last character).
        if (bytes.length < MAC_BYTES + 3 || !ENCODER.encodeToString(bytes).equals(token)) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, payload.length, bytes.length);
        byte[] expected = Arrays.copyOf(mac(TOKEN_CONTEXT, payload), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, mac)) {
            return Optional.empty();
        }
        return parse(payload);
    }

    /**
     * A Message-ID for the delivery's message to the recipient: {@code <d123.r456.q7Zt0bXe@domain>}, where
     * the eight characters after the recipient are derived from the key. The same ids give the same
     * Message-ID (a retried send keeps it), and nobody without the key can forge one.
     *
     * @param domain the sending domain, as in {@code news.example.com}
     * @throws IllegalArgumentException if the domain is empty or contains characters a Message-ID cannot
     */
    public String messageId(long deliveryId, long recipientId, String domain) {
        if (deliveryId < 0 || recipientId < 0) {
            throw new IllegalArgumentException("Ids must not be negative: " + deliveryId + ", " + recipientId);
        }
        Objects.requireNonNull(domain, "domain");
        if (!isDotAtom(domain)) {
            throw new IllegalArgumentException("Not a domain for a Message-ID: '" + domain + "'");
        }
        ByteArrayOutputStream ids = new ByteArrayOutputStream(20);
        writeVarint(ids, deliveryId);
        writeVarint(ids, recipientId);
        byte[] tag = Arrays.copyOf(mac(MESSAGE_ID_CONTEXT, ids.toByteArray()), MESSAGE_ID_TAG_BYTES);
        return "<d" + deliveryId + ".r" + recipientId + "." + ENCODER.encodeToString(tag) + "@" + domain + ">";
    }

    private Optional<TrackingToken> parse(byte[] payload) {
        int header = payload[0] & 0xFF;
        if (header >>> 4 != VERSION) {
            return Optional.empty();
        }
        TrackingKind kind = kindOf(header & 0x0F);
        if (kind == null) {
            return Optional.empty();
        }
        Reader reader = new Reader(payload, 1);
        long deliveryId = reader.varint();
        long recipientId = reader.varint();
        long linkIndex = kind == TrackingKind.CLICK ? reader.varint() : TrackingToken.NO_LINK;
        if (deliveryId < 0
                || recipientId < 0
                || (kind == TrackingKind.CLICK && (linkIndex < 0 || linkIndex > Integer.MAX_VALUE))
                || !reader.atEnd()) {
            return Optional.empty();
        }
        return Optional.of(new TrackingToken(kind, deliveryId, recipientId, (int) linkIndex));
    }

    private byte[] mac(byte[] context, byte[] data) {
        Mac mac = macs.get();
        mac.update(context);
        return mac.doFinal(data);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static int kindCode(TrackingKind kind) {
        return switch (kind) {
            case OPEN -> 1;
            case CLICK -> 2;
            case UNSUBSCRIBE -> 3;
        };
    }

    private static TrackingKind kindOf(int code) {
        return switch (code) {
            case 1 -> TrackingKind.OPEN;
            case 2 -> TrackingKind.CLICK;
            case 3 -> TrackingKind.UNSUBSCRIBE;
            default -> null;
        };
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static boolean isUrlSafeBase64(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Labels of letters, digits and hyphens separated by single dots. */
    private static boolean isDotAtom(String domain) {
        if (domain.isEmpty() || domain.length() > 253 || domain.startsWith(".") || domain.endsWith(".")) {
            return false;
        }
        char previous = '.';
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || (c == '.' && previous != '.');
            if (!ok) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Reads varints from a payload; a malformed one yields -1 and stops the reading. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;
        private boolean failed;

        Reader(byte[] bytes, int position) {
            this.bytes = bytes;
            this.position = position;
        }

        /** The next value, or -1 if missing, over 63 bits or not in its shortest form. */
        long varint() {
            if (failed) {
                return -1;
            }
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                if (position >= bytes.length) {
                    break;
                }
                int b = bytes[position++] & 0xFF;
                if (shift == 56 && b > 0x7F) {
                    break; // a ninth byte may only carry the last 7 bits: no continuation past 63 bits
                }
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    if (b == 0 && shift > 0) {
                        break; // a trailing zero byte: not the shortest form
                    }
                    return value;
                }
            }
            failed = true;
            return -1;
        }

        boolean atEnd() {
            return !failed && position == bytes.length;
        }
    }
}
