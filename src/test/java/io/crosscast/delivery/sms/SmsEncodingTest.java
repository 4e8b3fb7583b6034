package io.crosscast.delivery.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsEncodingTest {

    private static final String EMOJI = "😀"; // U+1F600: a surrogate pair

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    @Test
    void emptyTextIsOneEmptyGsmMessage() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 0, 1, 160), SmsEncoding.measure(""));
        assertEquals(List.of(""), SmsEncoding.split(""));
    }

    @Test
    void shortGsmText() {
        SmsLength length = SmsEncoding.measure("Hello Zoé!");
        assertEquals(new SmsLength(SmsEncoding.GSM7, 10, 1, 150), length);
        assertFalse(length.concatenated());
        assertEquals((byte) 0, SmsEncoding.GSM7.dataCoding());
        assertEquals("GSM-7", SmsEncoding.GSM7.label());
    }

    @Test
    void gsmBoundaryIs160Then153PerPart() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 160, 1, 0), SmsEncoding.measure(repeat("a", 160)));
        SmsLength over = SmsEncoding.measure(repeat("a", 161));
        assertEquals(new SmsLength(SmsEncoding.GSM7, 161, 2, 153 - 8), over);
        assertTrue(over.concatenated());
        assertEquals(List.of(repeat("a", 153), repeat("a", 8)), SmsEncoding.split(repeat("a", 161)));
        assertEquals(new SmsLength(SmsEncoding.GSM7, 306, 2, 0), SmsEncoding.measure(repeat("a", 306)));
        assertEquals(new SmsLength(SmsEncoding.GSM7, 307, 3, 152), SmsEncoding.measure(repeat("a", 307)));
    }

    @Test
    void extensionCharactersCountTwoSeptets() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 20, 1, 140), SmsEncoding.measure("^{}\\[~]|€\f"));
        // 158 + 2 = 160 septets: still one message; one more septet makes two.
        assertEquals(new SmsLength(SmsEncoding.GSM7, 160, 1, 0), SmsEncoding.measure(repeat("a", 158) + "€"));
        assertEquals(2, SmsEncoding.measure(repeat("a", 159) + "€").parts());
        // 80 euro signs are 160 septets in 80 characters.
        assertEquals(new SmsLength(SmsEncoding.GSM7, 160, 1, 0), SmsEncoding.measure(repeat("€", 80)));
    }

    @Test
    void anExtensionCharacterIsNeverCutBetweenTwoParts() {
        // 152 septets, then € (2) does not fit in the 153 of the first part: it opens the second.
        String text = repeat("a", 152) + "€" + repeat("b", 10);
        assertEquals(List.of(repeat("a", 152), "€" + repeat("b", 10)), SmsEncoding.split(text));
        assertEquals(new SmsLength(SmsEncoding.GSM7, 164, 2, 153 - 12), SmsEncoding.measure(text));
    }

    @Test
    void aMovedExtensionCharacterCanAddAPart() {
        // 306 septets would fill two parts exactly, but the euro sign cannot straddle them.
        String text = repeat("a", 152) + "€" + repeat("b", 152);
        SmsLength length = SmsEncoding.measure(text);
        assertEquals(306, length.units());
        assertEquals(3, length.parts());
        assertEquals(152, length.unitsLeftInLastPart());
        assertEquals(List.of(repeat("a", 152), "€" + repeat("b", 151), "b"), SmsEncoding.split(text));
    }

    @Test
    void oneCharacterOutsideGsmMakesTheWholeTextUcs2() {
        SmsLength length = SmsEncoding.measure("Ça coûte 5€");
        assertEquals(new SmsLength(SmsEncoding.UCS2, 11, 1, 59), length);
        assertEquals((byte) 8, SmsEncoding.UCS2.dataCoding());
        assertEquals(SmsEncoding.UCS2, SmsEncoding.of("ç"));
        assertEquals(SmsEncoding.GSM7, SmsEncoding.of("Ç"));
    }

    @Test
    void ucs2BoundaryIs70Then67PerPart() {
        assertEquals(new SmsLength(SmsEncoding.UCS2, 70, 1, 0), SmsEncoding.measure(repeat("ç", 70)));
        assertEquals(new SmsLength(SmsEncoding.UCS2, 71, 2, 63), SmsEncoding.measure(repeat("ç", 71)));
        assertEquals(List.of(repeat("ç", 67), repeat("ç", 4)), SmsEncoding.split(repeat("ç", 71)));
        assertEquals(new SmsLength(SmsEncoding.UCS2, 134, 2, 0), SmsEncoding.measure(repeat("ç", 134)));
        assertEquals(new SmsLength(SmsEncoding.UCS2, 135, 3, 66), SmsEncoding.measure(repeat("ç", 135)));
    }

    @Test
    void emojiAreUcs2AndCountTwoUnits() {
        assertEquals(new SmsLength(SmsEncoding.UCS2, 2, 1, 68), SmsEncoding.measure(EMOJI));
        assertEquals(new SmsLength(SmsEncoding.UCS2, 70, 1, 0), SmsEncoding.measure(repeat("a", 68) + EMOJI));
        assertEquals(new SmsLength(SmsEncoding.UCS2, 71, 2, 63), SmsEncoding.measure(repeat("a", 69) + EMOJI));
        assertEquals(new SmsLength(SmsEncoding.UCS2, 70, 1, 0), SmsEncoding.measure(repeat(EMOJI, 35)));
    }

    @Test
    void aSurrogatePairIsNeverCutBetweenTwoParts() {
        String text = repeat("ç", 66) + EMOJI + repeat("é", 10);
        assertEquals(List.of(repeat("ç", 66), EMOJI + repeat("é", 10)), SmsEncoding.split(text));
        assertEquals(new SmsLength(SmsEncoding.UCS2, 78, 2, 67 - 12), SmsEncoding.measure(text));
        // 134 units would fill two parts, but the pair moves whole: three parts.
        String tight = repeat("ç", 66) + EMOJI + repeat("é", 66);
        assertEquals(3, SmsEncoding.measure(tight).parts());
    }

    @Test
    void gsmTextsWithLineBreaksStayGsm() {
        assertEquals(new SmsLength(SmsEncoding.GSM7, 5, 1, 155), SmsEncoding.measure("a\nb\rc"));
        assertEquals(SmsEncoding.UCS2, SmsEncoding.of("a\tb"), "tab is not in GSM-7");
    }
}
