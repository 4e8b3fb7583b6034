package io.crosscast.audience.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crosscast.audience.contact.InvalidContactException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldValuesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @ParameterizedTest
    @CsvSource({"gold, GOLD", "Silver, SILVER", "BRONZE, BRONZE", "none, NONE"})
    void readsStatusesInAnyCase(String cell, String status) {
        assertEquals(status, FieldValues.status(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Platinum", "OR", "G"})
    void refusesOtherStatuses(String cell) {
        assertEquals(
                "'" + cell + "' is not a status: use GOLD, SILVER, BRONZE or NONE",
                assertThrows(InvalidContactException.class, () -> FieldValues.status(cell))
                        .getMessage());
    }

    @Test
    void readsIsoCountryCodes() {
        assertEquals("FR", FieldValues.country("fr"));
        assertEquals("GB", FieldValues.country("GB"));
        assertThrows(InvalidContactException.class, () -> FieldValues.country("France"));
        assertThrows(InvalidContactException.class, () -> FieldValues.country("UK"));
        assertThrows(InvalidContactException.class, () -> FieldValues.country("XX"));
    }

    @ParameterizedTest
    @CsvSource({"fr, fr", "EN, en", "en-GB, en-GB", "en_gb, en-GB", "pt-br, pt-BR", "zh-Hant, zh-Hant"})
    void readsLanguageTags(String cell, String tag) {
        assertEquals(tag, FieldValues.language(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"français", "f", "english", "en-GB-oxendict", "12", "en--GB"})
    void refusesWhatIsNotALanguageTag(String cell) {
        assertThrows(InvalidContactException.class, () -> FieldValues.language(cell));
    }

    @ParameterizedTest
    @CsvSource({
        "1990-04-23, 1990-04-23",
        "23/04/1990, 1990-04-23",
        "3/4/1990, 1990-04-03",
        "2025-06-15, 2025-06-15",
        "29/02/2000, 2000-02-29"
    })
    void readsIsoAndFrenchDates(String cell, LocalDate date) {
        assertEquals(date, FieldValues.birthDate(cell, TODAY));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1990-02-30",
                "31/02/1990",
                "29/02/2001",
                "04/23/1990",
                "1990/04/23",
                "23.04.1990",
                "yesterday",
                "23/04/90"
            })
    void refusesOtherDates(String cell) {
        assertEquals(
                "'" + cell + "' is not a date: use yyyy-MM-dd or dd/MM/yyyy",
                assertThrows(InvalidContactException.class, () -> FieldValues.birthDate(cell, TODAY))
                        .getMessage());
    }

    @Test
    void refusesBirthDatesInTheFuture() {
        assertEquals(
                "Birth date 2025-06-16 is in the future",
                assertThrows(InvalidContactException.class, () -> FieldValues.birthDate("2025-06-16", TODAY))
                        .getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "true, true",
        "YES, true",
        "y, true",
        "1, true",
        "Oui, true",
        "false, false",
        "No, false",
        "N, false",
        "0, false",
        "non, false"
    })
    void readsYesNoValues(String cell, boolean value) {
        assertEquals(value, FieldValues.yesNo(cell, ImportField.EMAIL_OPT_OUT));
    }

    @Test
    void refusesOtherYesNoValuesNamingTheField() {
        assertEquals(
                "'maybe' is not a valid SMS opt-out value: use yes/no, true/false, oui/non, y/n or 1/0",
                assertThrows(InvalidContactException.class, () -> FieldValues.yesNo("maybe", ImportField.SMS_OPT_OUT))
                        .getMessage());
    }

    @Test
    void limitsTextLengthInCharacters() {
        String hundred = "é".repeat(99) + "\uD83D\uDE00";
        assertEquals(hundred, FieldValues.text(hundred, 100, ImportField.FIRST_NAME));
        assertEquals(
                "Last name is longer than 100 characters (101)",
                assertThrows(
                                InvalidContactException.class,
                                () -> FieldValues.text("x" + hundred, 100, ImportField.LAST_NAME))
                        .getMessage());
    }
}
