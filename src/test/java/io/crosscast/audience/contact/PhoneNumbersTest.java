package io.crosscast.audience.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers phones = new PhoneNumbers("FR");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0612345678",
                "06 12 34 56 78",
                "06.12.34.56.78",
                "06-12-34-56-78",
                "+33612345678",
                "+33 6 12 34 56 78",
                "+33 (0)6 12 34 56 78",
                "0033 6 12 34 56 78",
                " 06 12 34 56 78 "
            })
    void readsFrenchMobilesWrittenInManyWays(String written) {
        assertEquals("+33612345678", phones.toE164(written, "FR"));
    }

    @Test
    void usesTheDefaultRegionWithoutAHint() {
        assertEquals("+33612345678", phones.toE164("06 12 34 56 78", null));
        assertEquals("+33612345678", phones.toE164("06 12 34 56 78", " "));
        assertEquals("+33612345678", phones.toE164("06 12 34 56 78", "XX"));
    }

    @Test
    void acceptsALowerCaseHint() {
        assertEquals("+447911123456", phones.toE164("07911 123456", "gb"));
    }

    @ParameterizedTest
    @CsvSource({
        "07911 123456,      GB, +447911123456",
        "+44 7911 123456,   FR, +447911123456",
        "0044 7911 123456,  FR, +447911123456",
        "(650) 253-0000,    US, +16502530000",
        "650.253.0000,      US, +16502530000",
        "+1 650 253 0000,   FR, +16502530000",
        "011 33 6 12 34 56 78, US, +33612345678"
    })
    void readsBritishAndAmericanNumbers(String written, String region, String e164) {
        assertEquals(e164, phones.toE164(written, region));
    }

    @Test
    void theHintDecidesHowANationalNumberIsRead() {
        InvalidContactException e =
                assertThrows(InvalidContactException.class, () -> phones.toE164("07911 123456", "FR"));
        assertEquals("'07911 123456' is not a valid phone number for FR", e.getMessage());
    }

    @Test
    void refusesLandlines() {
        assertEquals(
                "'+33 1 23 45 67 89' is not a mobile number",
                assertThrows(InvalidContactException.class, () -> phones.toE164("+33 1 23 45 67 89", "FR"))
                        .getMessage());
        assertEquals(
                "'020 7946 0018' is not a mobile number",
                assertThrows(InvalidContactException.class, () -> phones.toE164("020 7946 0018", "GB"))
                        .getMessage());
    }

    @Test
    void refusesVoipAndTollFreeNumbers() {
        assertThrows(InvalidContactException.class, () -> phones.toE164("09 12 34 56 78", "FR"));
        assertThrows(InvalidContactException.class, () -> phones.toE164("0800 12 34 56", "FR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc", "06 12 34", "06 12 34 56 78 90 12", "+99 612345678"})
    void refusesGarbage(String written) {
        InvalidContactException e = assertThrows(InvalidContactException.class, () -> phones.toE164(written, "FR"));
        assertEquals("'" + written + "' is not a valid phone number for FR", e.getMessage());
    }

    @Test
    void requiresAValue() {
        assertThrows(InvalidContactException.class, () -> phones.toE164(null, "FR"));
        assertThrows(InvalidContactException.class, () -> phones.toE164("  ", "FR"));
    }

    @Test
    void optionalVariantIsEmptyForNothing() {
        assertEquals(Optional.empty(), phones.toE164Optional(null, "FR"));
        assertEquals(Optional.empty(), phones.toE164Optional("", "FR"));
        assertEquals(Optional.of("+33612345678"), phones.toE164Optional("06 12 34 56 78", "FR"));
        assertThrows(InvalidContactException.class, () -> phones.toE164Optional("12", "FR"));
    }

    @Test
    void defaultRegionIsConfigurable() {
        PhoneNumbers british = new PhoneNumbers("gb");
        assertEquals("GB", british.defaultRegion());
        assertEquals("+447911123456", british.toE164("07911 123456", null));
    }

    @Test
    void refusesAnUnknownDefaultRegion() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("XX"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers(null));
    }
}
