package io.crosscast.web.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crosscast.delivery.sms.SmsEncoding;
import io.crosscast.delivery.sms.SmsLength;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class SmsCounterTest {

    private static final ResourceBundle ENGLISH = bundle(Locale.ENGLISH);
    private static final ResourceBundle FRENCH = bundle(Locale.FRENCH);

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "io.crosscast.web.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void aShortGsmTextIsOnePart() {
        SmsLength length = SmsCounter.measure("a".repeat(87));
        assertEquals("GSM-7 · 87 characters · 1 part", SmsCounter.describe(length, ENGLISH));
        assertEquals("GSM-7 · 87 caractères · 1 partie", SmsCounter.describe(length, FRENCH));
        assertEquals("Room for 73 more characters before another part", SmsCounter.left(length, ENGLISH));
        assertEquals("Encore 73 caractères avant une partie de plus", SmsCounter.left(length, FRENCH));
    }

    @Test
    void anEmojiSwitchesToUcs2AndCountsTwo() {
        SmsLength length = SmsCounter.measure("b".repeat(73) + "😀");
        assertEquals(SmsEncoding.UCS2, length.encoding());
        assertEquals("UCS-2 (Unicode) · 75 characters · 2 parts", SmsCounter.describe(length, ENGLISH));
        assertEquals("UCS-2 (Unicode) · 75 caractères · 2 parties", SmsCounter.describe(length, FRENCH));
    }

    @Test
    void singularsAndAFullPart() {
        SmsLength one = SmsCounter.measure("x");
        assertEquals("GSM-7 · 1 character · 1 part", SmsCounter.describe(one, ENGLISH));
        assertEquals("GSM-7 · 1 caractère · 1 partie", SmsCounter.describe(one, FRENCH));
        SmsLength full = SmsCounter.measure("y".repeat(160));
        assertEquals("No room left: the next character adds a part", SmsCounter.left(full, ENGLISH));
        assertEquals("Plus de place : le prochain caractère ajoute une partie", SmsCounter.left(full, FRENCH));
        assertEquals(
                "Room for 1 more character before another part",
                SmsCounter.left(SmsCounter.measure("z".repeat(159)), ENGLISH));
    }

    @Test
    void anEmptyTextHasNoPart() {
        assertEquals("GSM-7 · 0 characters · 0 parts", SmsCounter.describe(SmsCounter.measure(null), ENGLISH));
        assertEquals("GSM-7 · 0 caractère · 0 partie", SmsCounter.describe(SmsCounter.measure("  "), FRENCH));
    }

    @Test
    void lineEndsAsPostedCountOnceAndSurroundingSpaceNotAtAll() {
        SmsLength length = SmsCounter.measure("  Hello\r\nworld\r\n");
        assertEquals(11, length.units());
    }

    @Test
    void extensionCharactersCountTwoAndLongTextsAreNumberedWithGrouping() {
        assertEquals(2, SmsCounter.measure("€").units());
        SmsLength length = SmsCounter.measure("c".repeat(1530));
        assertEquals("GSM-7 · 1,530 characters · 10 parts", SmsCounter.describe(length, ENGLISH));
    }

    @Test
    void theHintNamesTheBackslashAmongTheDoubleCharacters() {
        assertEquals(true, ENGLISH.getString("delivery.sms.hint").contains("~ | \\ in GSM-7"));
        assertEquals(true, FRENCH.getString("delivery.sms.hint").contains("~ | \\ en GSM-7"));
    }
}
