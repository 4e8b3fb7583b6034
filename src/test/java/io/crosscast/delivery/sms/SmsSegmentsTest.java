package io.crosscast.delivery.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void aShortGsmTextIsOneSegmentOfUnpackedSeptets() {
        List<byte[]> segments = SmsSegments.segments("Hi @ 5€_", 9);
        assertEquals(1, segments.size());
        assertArrayEquals(hex("48 69 20 00 20 35 1B65 11"), segments.get(0));
        assertEquals((byte) 0x00, SmsSegments.dataCoding("Hi @ 5€_"));
        assertEquals((byte) 0x00, SmsSegments.esmClass(1));
        assertArrayEquals(segments.get(0), SmsSegments.encode("Hi @ 5€_"));
    }

    @Test
    void aLongGsmTextIsSplitBehindConcatenationHeaders() {
        String text = "a".repeat(153) + "b".repeat(47);
        List<byte[]> segments = SmsSegments.segments(text, 0xA7);
        assertEquals(2, segments.size());
        byte[] first = segments.get(0);
        byte[] second = segments.get(1);
        assertArrayEquals(hex("05 00 03 A7 02 01"), Arrays.copyOf(first, 6));
        assertArrayEquals(hex("05 00 03 A7 02 02"), Arrays.copyOf(second, 6));
        assertEquals(6 + 153, first.length);
        assertEquals(6 + 47, second.length);
        assertEquals(0x61, first[6]);
        assertEquals(0x62, second[6]);
        assertEquals((byte) 0x40, SmsSegments.esmClass(2));
        assertTrue(first.length <= 254 && second.length <= 254, "a short_message holds at most 254 octets");
    }

    @Test
    void anExtensionCharacterAtThePartBoundaryStaysWhole() {
        String text = "a".repeat(152) + "€" + "b".repeat(10);
        List<byte[]> segments = SmsSegments.segments(text, 1);
        assertEquals(2, segments.size());
        assertEquals(6 + 152, segments.get(0).length);
        assertArrayEquals(hex("05 00 03 01 02 02 1B 65"), Arrays.copyOf(segments.get(1), 8));
    }

    @Test
    void aLongUcs2TextIsSplitIn67UnitParts() {
        String text = "ç".repeat(150);
        List<byte[]> segments = SmsSegments.segments(text, 255);
        assertEquals(3, segments.size());
        for (int i = 0; i < 3; i++) {
            byte[] segment = segments.get(i);
            assertArrayEquals(
                    new byte[] {0x05, 0x00, 0x03, (byte) 0xFF, 0x03, (byte) (i + 1)}, Arrays.copyOf(segment, 6));
            assertArrayEquals(hex("00 E7"), Arrays.copyOfRange(segment, 6, 8));
        }
        assertEquals(6 + 134, segments.get(0).length);
        assertEquals(6 + 134, segments.get(1).length);
        assertEquals(6 + 32, segments.get(2).length);
        assertEquals((byte) 0x08, SmsSegments.dataCoding(text));
    }

    @Test
    void emojiAreSentAsSurrogatePairsNeverCut() {
        String text = "ç".repeat(66) + "😀" + "é".repeat(10);
        List<byte[]> segments = SmsSegments.segments(text, 3);
        assertEquals(2, segments.size());
        assertEquals(6 + 132, segments.get(0).length);
        assertArrayEquals(hex("05 00 03 03 02 02 D8 3D DE 00 00 E9"), Arrays.copyOf(segments.get(1), 12));
        assertArrayEquals("😀".getBytes(StandardCharsets.UTF_16BE), SmsSegments.encode("😀"));
    }

    @Test
    void badReferencesAndTooLongTextsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SmsSegments.segments("x", -1));
        assertThrows(IllegalArgumentException.class, () -> SmsSegments.segments("x", 256));
        assertThrows(IllegalArgumentException.class, () -> SmsSegments.segments("a".repeat(255 * 153 + 1), 0));
        assertEquals(255, SmsSegments.segments("a".repeat(255 * 153), 0).size());
    }

    @Test
    void segmentsDecodeBackToTheirText() {
        for (String text : List.of(
                "Bonjour Zoé, -20% sur tout {ce} week-end €",
                "a".repeat(400) + "[]", "ç".repeat(150), "Offre 🎁 " + "é".repeat(140))) {
            byte dataCoding = SmsSegments.dataCoding(text);
            List<byte[]> segments = SmsSegments.segments(text, 42);
            byte esmClass = SmsSegments.esmClass(segments.size());
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < segments.size(); i++) {
                SmsSegments.Segment segment = SmsSegments.decode(dataCoding, esmClass, segments.get(i));
                assertEquals(segments.size() > 1, segment.concatenated());
                if (segment.concatenated()) {
                    assertEquals(42, segment.reference());
                    assertEquals(segments.size(), segment.total());
                    assertEquals(i + 1, segment.number());
                }
                joined.append(segment.text());
            }
            assertEquals(text, joined.toString());
        }
    }

    @Test
    void sixteenBitReferencesAndOtherElementsAreRead() {
        SmsSegments.Segment sixteen = SmsSegments.decode((byte) 0, (byte) 0x40, hex("06 08 04 12 34 03 02 61 62 63"));
        assertEquals(new SmsSegments.Segment("abc", 0x1234, 3, 2), sixteen);
        // Port addressing (IEI 05) before the concatenation element.
        SmsSegments.Segment ported =
                SmsSegments.decode((byte) 0, (byte) 0x43, hex("0B 05 04 0B 84 23 F0 00 03 AA 02 01 78"));
        assertEquals(new SmsSegments.Segment("x", 0xAA, 2, 1), ported);
    }

    @Test
    void withoutTheIndicatorOrWithABrokenHeaderTheOctetsAreText() {
        assertEquals(new SmsSegments.Segment("\u00c5", 0, 1, 1), SmsSegments.decode((byte) 0, (byte) 0, hex("0E")));
        SmsSegments.Segment noIndicator = SmsSegments.decode((byte) 0, (byte) 0, hex("05 00 03 01 02 01 61"));
        assertFalse(noIndicator.concatenated());
        assertEquals(7, noIndicator.text().length());
        SmsSegments.Segment tooLong = SmsSegments.decode((byte) 0, (byte) 0x40, hex("09 00 03 01 02 01"));
        assertFalse(tooLong.concatenated());
        SmsSegments.Segment badNumber = SmsSegments.decode((byte) 0, (byte) 0x40, hex("05 00 03 01 02 03 61"));
        assertFalse(badNumber.concatenated());
        assertEquals("a", badNumber.text());
    }

    @Test
    void dataCodingsAreRead() {
        byte[] ascii = "Hi_$".getBytes(StandardCharsets.US_ASCII);
        assertEquals("Hi_$", SmsSegments.decodeText((byte) 0x01, ascii, 0, ascii.length));
        assertEquals(
                "Hi§¤", SmsSegments.decodeText((byte) 0x00, ascii, 0, ascii.length), "GSM-7 reads _ and $ otherwise");
        assertEquals("café", SmsSegments.decodeText((byte) 0x03, hex("63 61 66 E9"), 0, 4));
        assertEquals("ç😀", SmsSegments.decodeText((byte) 0x08, hex("00E7 D83D DE00"), 0, 6));
        assertEquals("ç", SmsSegments.decodeText((byte) 0x18, hex("00E7"), 0, 2), "general group, UCS-2 with a class");
        assertEquals("ab", SmsSegments.decodeText((byte) 0xF1, hex("61 62"), 0, 2), "class group, GSM-7");
        assertEquals("[binary: 0102]", SmsSegments.decodeText((byte) 0xF5, hex("01 02"), 0, 2));
        assertEquals("[binary: ff]", SmsSegments.decodeText((byte) 0x04, hex("FF"), 0, 1));
    }
}
