package io.crosscast.audience.importing;

import static io.crosscast.audience.importing.ImportField.BIRTH_DATE;
import static io.crosscast.audience.importing.ImportField.COUNTRY;
import static io.crosscast.audience.importing.ImportField.EMAIL;
import static io.crosscast.audience.importing.ImportField.EMAIL_OPT_OUT;
import static io.crosscast.audience.importing.ImportField.FIRST_NAME;
import static io.crosscast.audience.importing.ImportField.LANGUAGE;
import static io.crosscast.audience.importing.ImportField.LAST_NAME;
import static io.crosscast.audience.importing.ImportField.MOBILE_PHONE;
import static io.crosscast.audience.importing.ImportField.SMS_OPT_OUT;
import static io.crosscast.audience.importing.ImportField.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMappingTest {

    @Test
    void matchesEnglishHeaders() {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of(
                "First Name",
                "Last_Name",
                "E-mail",
                "Mobile Phone",
                "Tier",
                "Country",
                "Lang",
                "Date of birth",
                "Email opt-out",
                "SMS opt out"));

        assertFields(
                mapping,
                FIRST_NAME,
                LAST_NAME,
                EMAIL,
                MOBILE_PHONE,
                STATUS,
                COUNTRY,
                LANGUAGE,
                BIRTH_DATE,
                EMAIL_OPT_OUT,
                SMS_OPT_OUT);
    }

    @Test
    void matchesFrenchHeadersWithOrWithoutAccents() {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of(
                "Prénom",
                "NOM",
                "Courriel",
                "Téléphone mobile",
                "Statut",
                "Pays",
                "Langue",
                "Date de naissance",
                "Désabonné",
                "Stop SMS"));
        ColumnMapping withoutAccents = ColumnMapping.autoMatch(List.of(
                "prenom",
                "nom",
                "courriel",
                "telephone_mobile",
                "statut",
                "pays",
                "langue",
                "date-de-naissance",
                "desabonne",
                "stop_sms"));

        assertFields(
                mapping,
                FIRST_NAME,
                LAST_NAME,
                EMAIL,
                MOBILE_PHONE,
                STATUS,
                COUNTRY,
                LANGUAGE,
                BIRTH_DATE,
                EMAIL_OPT_OUT,
                SMS_OPT_OUT);
        assertEquals(mapping, withoutAccents);
    }

    @ParameterizedTest
    @CsvSource({
        "email, EMAIL",
        "E-Mail, EMAIL",
        "mail, EMAIL",
        "COURRIEL, EMAIL",
        "Email address, EMAIL",
        "firstname, FIRST_NAME",
        "given name, FIRST_NAME",
        "first_name, FIRST_NAME",
        "firstName, FIRST_NAME",
        "surname, LAST_NAME",
        "family name, LAST_NAME",
        "Last name, LAST_NAME",
        "mobile, MOBILE_PHONE",
        "phone, MOBILE_PHONE",
        "cell, MOBILE_PHONE",
        "portable, MOBILE_PHONE",
        "telephone, MOBILE_PHONE",
        "Téléphone, MOBILE_PHONE",
        "status, STATUS",
        "membership, STATUS",
        "birthdate, BIRTH_DATE",
        "DOB, BIRTH_DATE",
        "Birth date, BIRTH_DATE",
        "unsubscribed, EMAIL_OPT_OUT",
        "emailOptOut, EMAIL_OPT_OUT",
        "sms_opt_out, SMS_OPT_OUT",
        "  Language  , LANGUAGE"
    })
    void recognisesSynonyms(String header, ImportField field) {
        assertEquals(
                Optional.of(field), ColumnMapping.autoMatch(List.of(header)).fieldAt(0));
    }

    @Test
    void ignoresUnknownHeaders() {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("id", "email", "", "Loyalty points"));

        assertEquals(4, mapping.columnCount());
        assertEquals(Optional.empty(), mapping.fieldAt(0));
        assertEquals(Optional.of(EMAIL), mapping.fieldAt(1));
        assertEquals(Optional.empty(), mapping.fieldAt(2));
        assertEquals(Optional.empty(), mapping.fieldAt(3));
        assertEquals(Set.of(EMAIL), mapping.mappedFields());
    }

    @Test
    void theFirstOfTwoHeadersNamingTheSameFieldWins() {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("Mail", "Phone", "Email", "Mobile"));

        assertEquals(OptionalInt.of(0), mapping.columnOf(EMAIL));
        assertEquals(OptionalInt.of(1), mapping.columnOf(MOBILE_PHONE));
        assertEquals(Optional.empty(), mapping.fieldAt(2));
        assertEquals(Optional.empty(), mapping.fieldAt(3));
    }

    @Test
    void withColumnEditsACopy() {
        ColumnMapping proposed = ColumnMapping.autoMatch(List.of("email", "Nom complet", "Phone"));

        ColumnMapping edited = proposed.withColumn(1, LAST_NAME).withColumn(2, null);

        assertEquals(Optional.of(LAST_NAME), edited.fieldAt(1));
        assertEquals(Optional.empty(), edited.fieldAt(2));
        assertEquals(Set.of(EMAIL, LAST_NAME), edited.mappedFields());
        assertEquals(Set.of(EMAIL, MOBILE_PHONE), proposed.mappedFields());
    }

    @Test
    void mappingAFieldAgainMovesIt() {
        ColumnMapping mapping =
                ColumnMapping.autoMatch(List.of("email", "work email")).withColumn(1, EMAIL);

        assertEquals(Optional.empty(), mapping.fieldAt(0));
        assertEquals(OptionalInt.of(1), mapping.columnOf(EMAIL));
    }

    @Test
    void refusesColumnsOutsideTheFile() {
        ColumnMapping mapping = ColumnMapping.unmapped(2);

        assertThrows(IndexOutOfBoundsException.class, () -> mapping.withColumn(2, EMAIL));
        assertThrows(IndexOutOfBoundsException.class, () -> mapping.fieldAt(-1));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.unmapped(-1));
    }

    @Test
    void mappedFieldsCannotBeModified() {
        Set<ImportField> fields = ColumnMapping.autoMatch(List.of("email")).mappedFields();

        assertThrows(UnsupportedOperationException.class, () -> fields.add(STATUS));
    }

    @Test
    void anEmailColumnIsRequired() {
        ColumnMapping mapping = ColumnMapping.autoMatch(List.of("First name", "Phone"));

        assertEquals(
                List.of("No column is mapped to Email: the import matches recipients by email address"),
                mapping.problems());
        assertTrue(mapping.withColumn(0, EMAIL).problems().isEmpty());
        assertEquals(1, ColumnMapping.unmapped(0).problems().size());
    }

    @Test
    void fieldsHaveStableKeysAndLabels() {
        assertEquals("firstName", FIRST_NAME.key());
        assertEquals("First name", FIRST_NAME.label());
        assertEquals("mobilePhone", MOBILE_PHONE.key());
        assertEquals("smsOptOut", SMS_OPT_OUT.key());
    }

    @Test
    void headerComparisonIgnoresCaseAccentsAndPunctuation() {
        assertEquals("datedenaissance", HeaderNames.comparable(" Date_de-Naissance "));
        assertEquals("prenom", HeaderNames.comparable("PRÉNOM"));
    }

    private static void assertFields(ColumnMapping mapping, ImportField... expected) {
        ImportField[] actual = new ImportField[mapping.columnCount()];
        for (int column = 0; column < actual.length; column++) {
            actual[column] = mapping.fieldAt(column).orElse(null);
        }
        assertEquals(Arrays.asList(expected), Arrays.asList(actual));
    }
}
