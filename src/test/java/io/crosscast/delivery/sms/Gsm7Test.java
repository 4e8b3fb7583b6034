package io.crosscast.delivery.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gsm7Test {

    /** The default alphabet of 3GPP TS 23.038, by septet (0x1B, the escape, as a space here). */
    private static final String TABLE = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Test
    void everyCharacterOfTheDefaultAlphabetIsOneSeptetAtItsPlace() {
        assertEquals(128, TABLE.length());
        for (int septet = 0; septet < 128; septet++) {
            if (septet == Gsm7.ESCAPE) {
                continue;
            }
            String c = String.valueOf(TABLE.charAt(septet));
            assertEquals(1, Gsm7.septets(TABLE.charAt(septet)), c);
            assertArrayEquals(new byte[] {(byte) septet}, Gsm7.encode(c), c);
            assertEquals(c, Gsm7.decode(new byte[] {(byte) septet}));
        }
    }

    @Test
    void extensionCharactersAreTheEscapeAndTheirCode() {
        String extension = "\f^{}\\[~]|€";
        byte[] codes = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
        for (int i = 0; i < extension.length(); i++) {
            String c = String.valueOf(extension.charAt(i));
            assertEquals(2, Gsm7.septets(extension.charAt(i)), c);
            assertArrayEquals(new byte[] {0x1B, codes[i]}, Gsm7.encode(c), c);
            assertEquals(c, Gsm7.decode(new byte[] {0x1B, codes[i]}));
        }
        assertEquals(20, Gsm7.septets(extension));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ç", "ê", "â", "î", "ô", "û", "ë", "ï", "œ", "\t", "`", "😀", "ő", "Ă", "«"})
    void charactersOutsideTheAlphabetHaveNoForm(String text) {
        assertFalse(Gsm7.canEncode(text));
        assertEquals(-1, Gsm7.septets(text));
        assertEquals(0, Gsm7.septets(text.charAt(0)));
        assertThrows(IllegalArgumentException.class, () -> Gsm7.encode("ok " + text));
    }

    @Test
    void frenchTextWithTheAccentsOfTheAlphabetRoundTrips() {
        String text = "Zoé, à bientôt"; // ô is not in GSM-7
        assertFalse(Gsm7.canEncode(text));
        String gsm = "Zoé, à très vite! Ça coûte 5€ {promo} [1/2] ~ | ^ \\ @home $10 _x_ ¿¡";
        assertFalse(Gsm7.canEncode(gsm), "û is not in GSM-7");
        String ok = "Zoé, à très vite! Ça fait 5€ {promo} [1/2] ~ | ^ \\ @home $10 _x_ ¿¡ ÉÇ";
        assertTrue(Gsm7.canEncode(ok));
        assertEquals(ok, Gsm7.decode(Gsm7.encode(ok)));
    }

    @Test
    void receiversReadUnknownEscapesLeniently() {
        // An escape before a code the extension table lacks reads as the default alphabet's character.
        assertEquals("A", Gsm7.decode(new byte[] {0x1B, 0x41}));
        assertEquals("a ", Gsm7.decode(new byte[] {0x61, 0x1B}), "a final lone escape reads as a space");
        assertEquals("@", Gsm7.decode(new byte[] {(byte) 0x80}), "the high bit is ignored");
        assertEquals("bc", Gsm7.decode(new byte[] {0x61, 0x62, 0x63, 0x64}, 1, 2));
    }
}
