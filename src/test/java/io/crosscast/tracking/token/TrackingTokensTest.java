package io.crosscast.tracking.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "0123456789abcdef0123456789abcdeF".getBytes(StandardCharsets.US_ASCII);
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TrackingTokens tokens = new TrackingTokens(KEY);

    @Test
    void roundTripsEveryKind() {
        for (TrackingToken token : List.of(
                TrackingToken.open(12, 3456), TrackingToken.click(12, 3456, 7), TrackingToken.unsubscribe(12, 3456))) {
            assertEquals(Optional.of(token), tokens.verify(tokens.issue(token)), token.toString());
        }
    }

    @Test
    void keepsTheLinkIndexOfAClick() {
        for (int index : new int[] {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE}) {
            TrackingToken click = TrackingToken.click(5, 6, index);
            assertEquals(index, tokens.verify(tokens.issue(click)).orElseThrow().linkIndex());
        }
    }

    @Test
    void roundTripsExtremeIds() {
        long[] ids = {0, 1, 127, 128, 300, 1L << 35, Long.MAX_VALUE};
        for (long delivery : ids) {
            for (long recipient : ids) {
                TrackingToken token = TrackingToken.click(delivery, recipient, 2);
                String issued = tokens.issue(token);
                assertEquals(Optional.of(token), tokens.verify(issued));
                assertTrue(issued.length() <= TrackingTokens.MAX_TOKEN_CHARS, issued);
            }
        }
    }

    @Test
    void tokensAreShortAndUrlSafe() {
        String click = tokens.issue(TrackingToken.click(1234, 5_000_000, 12));
        assertTrue(click.length() <= 32, click + " is " + click.length() + " characters");
        for (char c : click.toCharArray()) {
            assertTrue(URL_SAFE.indexOf(c) >= 0, "unexpected character " + c + " in " + click);
        }
    }

    @Test
    void theKindIsPartOfTheSignedPayload() {
        String open = tokens.issue(TrackingToken.open(1, 2));
        String unsubscribe = tokens.issue(TrackingToken.unsubscribe(1, 2));
        assertNotEquals(open, unsubscribe);
        assertEquals(TrackingKind.OPEN, tokens.verify(open).orElseThrow().kind());
        assertEquals(
                TrackingKind.UNSUBSCRIBE,
                tokens.verify(unsubscribe).orElseThrow().kind());
    }

    @Test
    void sameTokenIssuedTwiceIsTheSameText() {
        assertEquals(
                tokens.issue(TrackingToken.click(9, 8, 7)),
                new TrackingTokens(KEY.clone()).issue(TrackingToken.click(9, 8, 7)));
    }

    @Test
    void everyChangedCharacterIsRefused() {
        String token = tokens.issue(TrackingToken.click(42, 99_999, 3));
        for (int i = 0; i < token.length(); i++) {
            for (char replacement : URL_SAFE.toCharArray()) {
                if (replacement == token.charAt(i)) {
                    continue;
                }
                String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
                assertEquals(Optional.empty(), tokens.verify(tampered), "position " + i + ": " + tampered);
            }
        }
    }

    @Test
    void everyFlippedBitOfTheBytesIsRefused() {
        String token = tokens.issue(TrackingToken.open(42, 99_999));
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = bytes.clone();
                tampered[i] ^= (byte) (1 << bit);
                String text = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
                assertEquals(Optional.empty(), tokens.verify(text), "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void truncatedOrExtendedTokensAreRefused() {
        String token = tokens.issue(TrackingToken.click(42, 99_999, 3));
        for (int length = 0; length < token.length(); length++) {
            assertEquals(Optional.empty(), tokens.verify(token.substring(0, length)), "first " + length);
            assertEquals(Optional.empty(), tokens.verify(token.substring(token.length() - length)), "last " + length);
        }
        assertEquals(Optional.empty(), tokens.verify(token + "A"));
        assertEquals(Optional.empty(), tokens.verify(token + "AA"));
        assertEquals(Optional.empty(), tokens.verify(token + "="));
        assertEquals(Optional.empty(), tokens.verify(" " + token));
    }

    @Test
    void anotherKeyRefusesTheToken() {
        String token = tokens.issue(TrackingToken.unsubscribe(1, 2));
        assertTrue(tokens.verify(token).isPresent());
        assertEquals(Optional.empty(), new TrackingTokens(OTHER_KEY).verify(token));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "====",
                "%%%%",
                "not a token",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "////////////////////////////",
                "ÀÉÎõü",
                "abc\u0000def",
                "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"
            })
    void garbageIsRefusedWithoutThrowing(String garbage) {
        assertEquals(Optional.empty(), tokens.verify(garbage));
    }

    @Test
    void nullIsRefused() {
        assertEquals(Optional.empty(), tokens.verify(null));
    }

    @Test
    void veryLongInputIsRefused() {
        String token = tokens.issue(TrackingToken.open(1, 2));
        assertEquals(Optional.empty(), tokens.verify(token.repeat(1_000)));
        assertEquals(Optional.empty(), tokens.verify("A".repeat(10_000_000)));
    }

    @Test
    void aWellSignedButMalformedPayloadIsRefused() {
        // Signed with the right key, but the payloads are wrong: unknown kind, missing or extra values,
        // a varint longer than needed, another version.
        List<byte[]> payloads = List.of(
                new byte[] {0x14, 1, 2},
                new byte[] {0x10, 1, 2},
                new byte[] {0x21, 1, 2},
                new byte[] {0x12, 1, 2},
                new byte[] {0x11, 1},
                new byte[] {0x11, 1, 2, 3},
                new byte[] {0x11, (byte) 0x81, 0x00, 2},
                new byte[] {
                    0x11,
                    1,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    (byte) 0xFF,
                    1
                },
                new byte[] {0x12, 1, 2, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08});
        for (byte[] payload : payloads) {
            String forged = TestSigning.sign(KEY, payload);
            assertEquals(Optional.empty(), tokens.verify(forged), forged);
        }
        // The helper signs like the real thing: a valid payload passes.
        assertEquals(
                Optional.of(TrackingToken.click(1, 2, 3)),
                tokens.verify(TestSigning.sign(KEY, new byte[] {0x12, 1, 2, 3})));
    }

    @Test
    void refusesShortKeys() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new TrackingTokens(new byte[31]));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
    }

    @Test
    void readsTheKeyFromBase64() {
        String standard = Base64.getEncoder().encodeToString(KEY);
        TrackingTokens fromText = TrackingTokens.fromBase64(standard);
        assertEquals(tokens.issue(TrackingToken.open(3, 4)), fromText.issue(TrackingToken.open(3, 4)));
        byte[] tricky = new byte[32];
        java.util.Arrays.fill(tricky, (byte) 0xFB);
        String urlSafe = Base64.getUrlEncoder().encodeToString(tricky);
        assertTrue(urlSafe.contains("-") || urlSafe.contains("_"));
        assertEquals(
                new TrackingTokens(tricky).issue(TrackingToken.open(1, 1)),
                TrackingTokens.fromBase64(urlSafe).issue(TrackingToken.open(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> TrackingTokens.fromBase64("not base64 at all!"));
    }

    @Test
    void theCallerCannotChangeTheKeyAfterwards() {
        byte[] key = KEY.clone();
        TrackingTokens own = new TrackingTokens(key);
        String before = own.issue(TrackingToken.open(1, 1));
        key[0] ^= 1;
        assertEquals(before, own.issue(TrackingToken.open(1, 1)));
    }

    @Test
    void tokenValuesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TrackingToken.click(1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> TrackingToken.open(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> TrackingToken.open(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new TrackingToken(TrackingKind.OPEN, 1, 1, 0));
    }

    @Test
    void isSafeAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        TrackingToken token = TrackingToken.click(thread, i, i % 50);
                        if (!tokens.verify(tokens.issue(token)).equals(Optional.of(token))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void messageIdsAreStableAndKeyed() {
        String id = tokens.messageId(123, 456, "news.example.com");
        assertTrue(id.startsWith("<d123.r456."), id);
        assertTrue(id.endsWith("@news.example.com>"), id);
        String tag = id.substring("<d123.r456.".length(), id.indexOf('@'));
        assertEquals(8, tag.length(), id);
        for (char c : tag.toCharArray()) {
            assertTrue(URL_SAFE.indexOf(c) >= 0, id);
        }
        assertEquals(id, new TrackingTokens(KEY.clone()).messageId(123, 456, "news.example.com"));
        assertNotEquals(id, new TrackingTokens(OTHER_KEY).messageId(123, 456, "news.example.com"));
        assertNotEquals(tag(id), tag(tokens.messageId(123, 457, "news.example.com")));
        assertNotEquals(tag(id), tag(tokens.messageId(124, 456, "news.example.com")));
    }

    @Test
    void messageIdTagsDoNotRepeat() {
        Set<String> tags = new HashSet<>();
        for (long recipient = 0; recipient < 5_000; recipient++) {
            tags.add(tag(tokens.messageId(1, recipient, "example.com")));
        }
        assertEquals(5_000, tags.size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "exa mple.com", "a@b.com", "example.com>", ".example.com", "example..com", "example.com."})
    void messageIdRefusesBadDomains(String domain) {
        assertThrows(IllegalArgumentException.class, () -> tokens.messageId(1, 2, domain));
    }

    @Test
    void aMessageIdTagIsNotAToken() {
        String id = tokens.messageId(1, 2, "example.com");
        assertFalse(tokens.verify(tag(id)).isPresent());
    }

    private static String tag(String messageId) {
        return messageId.substring(messageId.lastIndexOf('.', messageId.indexOf('@')) + 1, messageId.indexOf('@'));
    }
}
