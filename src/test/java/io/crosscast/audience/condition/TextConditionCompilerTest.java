package io.crosscast.audience.condition;

import static io.crosscast.audience.condition.CompilerFixture.assertCompiles;
import static io.crosscast.audience.condition.CompilerFixture.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextConditionCompilerTest {

    @Test
    void equalsIsCaseSensitiveOnPlainText() {
        assertCompiles(
                "r.first_name = ?", List.of("Anna"), Rule.of(RecipientField.FIRST_NAME, Operator.EQUALS, "Anna"));
        assertCompiles(
                "r.last_name = ?",
                List.of("de la Tour"),
                Rule.of(RecipientField.LAST_NAME, Operator.EQUALS, "de la Tour"));
        assertCompiles("r.language = ?", List.of("fr"), Rule.of(RecipientField.LANGUAGE, Operator.EQUALS, "fr"));
        assertCompiles(
                "r.mobile_phone = ?",
                List.of("+33612345678"),
                Rule.of(RecipientField.MOBILE_PHONE, Operator.EQUALS, "+33612345678"));
    }

    @Test
    void valuesAreStrippedOfSurroundingWhiteSpace() {
        assertCompiles(
                "r.first_name = ?", List.of("Anna"), Rule.of(RecipientField.FIRST_NAME, Operator.EQUALS, " Anna\t"));
        assertCompiles(
                "LOWER(r.last_name) LIKE ? ESCAPE '\\'",
                List.of("%dup%"),
                Rule.of(RecipientField.LAST_NAME, Operator.CONTAINS, "  Dup "));
    }

    @Test
    void notEqualsCountsEmptyColumnsAsDifferent() {
        assertCompiles(
                "(r.first_name IS NULL OR r.first_name <> ?)",
                List.of("Anna"),
                Rule.of(RecipientField.FIRST_NAME, Operator.NOT_EQUALS, "Anna"));
    }

    @Test
    void inAndNotIn() {
        assertCompiles(
                "r.language IN (?, ?, ?)",
                List.of("fr", "de", "en"),
                Rule.of(RecipientField.LANGUAGE, Operator.IN, "fr", "de", "en"));
        assertCompiles("r.language IN (?)", List.of("fr"), Rule.of(RecipientField.LANGUAGE, Operator.IN, "fr"));
        assertCompiles(
                "(r.language IS NULL OR r.language NOT IN (?, ?))",
                List.of("fr", "de"),
                Rule.of(RecipientField.LANGUAGE, Operator.NOT_IN, "fr", "de"));
    }

    @Test
    void repeatedInValuesAreBoundOnce() {
        assertCompiles(
                "r.email_key IN (?, ?)",
                List.of("a@example.com", "b@example.com"),
                Rule.of(RecipientField.EMAIL, Operator.IN, "a@example.com", "A@Example.com", "b@example.com"));
    }

    @Test
    void containsNotContainsAndStartsWithIgnoreCase() {
        assertCompiles(
                "LOWER(r.first_name) LIKE ? ESCAPE '\\'",
                List.of("%ann%"),
                Rule.of(RecipientField.FIRST_NAME, Operator.CONTAINS, "ANN"));
        assertCompiles(
                "(r.first_name IS NULL OR LOWER(r.first_name) NOT LIKE ? ESCAPE '\\')",
                List.of("%ann%"),
                Rule.of(RecipientField.FIRST_NAME, Operator.NOT_CONTAINS, "Ann"));
        assertCompiles(
                "LOWER(r.mobile_phone) LIKE ? ESCAPE '\\'",
                List.of("+336%"),
                Rule.of(RecipientField.MOBILE_PHONE, Operator.STARTS_WITH, "+336"));
    }

    @Test
    void likeWildcardsAndTheEscapeCharacterAreEscaped() {
        assertCompiles(
                "LOWER(r.last_name) LIKE ? ESCAPE '\\'",
                List.of("%100\\%%"),
                Rule.of(RecipientField.LAST_NAME, Operator.CONTAINS, "100%"));
        assertCompiles(
                "LOWER(r.last_name) LIKE ? ESCAPE '\\'",
                List.of("a\\_b%"),
                Rule.of(RecipientField.LAST_NAME, Operator.STARTS_WITH, "a_b"));
        assertCompiles(
                "LOWER(r.last_name) LIKE ? ESCAPE '\\'",
                List.of("%c:\\\\temp\\\\%"),
                Rule.of(RecipientField.LAST_NAME, Operator.CONTAINS, "C:\\temp\\"));
        assertCompiles(
                "(r.last_name IS NULL OR LOWER(r.last_name) NOT LIKE ? ESCAPE '\\')",
                List.of("%\\%\\_\\\\%"),
                Rule.of(RecipientField.LAST_NAME, Operator.NOT_CONTAINS, "%_\\"));
    }

    @Test
    void emptyMeansNullOrEmptyString() {
        assertCompiles(
                "(r.last_name IS NULL OR r.last_name = '')",
                List.of(),
                Rule.of(RecipientField.LAST_NAME, Operator.IS_EMPTY));
        assertCompiles(
                "(r.last_name IS NOT NULL AND r.last_name <> '')",
                List.of(),
                Rule.of(RecipientField.LAST_NAME, Operator.IS_NOT_EMPTY));
    }

    @Test
    void emailIsComparedLowerCasedOnEmailKey() {
        assertCompiles(
                "r.email_key = ?",
                List.of("anna.dupont@example.com"),
                Rule.of(RecipientField.EMAIL, Operator.EQUALS, "Anna.Dupont@EXAMPLE.com"));
        assertCompiles(
                "(r.email_key IS NULL OR r.email_key <> ?)",
                List.of("anna@example.com"),
                Rule.of(RecipientField.EMAIL, Operator.NOT_EQUALS, "ANNA@example.com"));
        assertCompiles(
                "r.email_key IN (?, ?)",
                List.of("a@example.com", "b@example.org"),
                Rule.of(RecipientField.EMAIL, Operator.IN, "A@example.com", "b@EXAMPLE.org"));
        assertCompiles(
                "(r.email_key IS NULL OR r.email_key NOT IN (?))",
                List.of("a@example.com"),
                Rule.of(RecipientField.EMAIL, Operator.NOT_IN, "A@Example.COM"));
        assertCompiles(
                "r.email_key LIKE ? ESCAPE '\\'",
                List.of("%@example.com%"),
                Rule.of(RecipientField.EMAIL, Operator.CONTAINS, "@Example.com"));
        assertCompiles(
                "(r.email_key IS NULL OR r.email_key NOT LIKE ? ESCAPE '\\')",
                List.of("%@spam.%"),
                Rule.of(RecipientField.EMAIL, Operator.NOT_CONTAINS, "@SPAM."));
        assertCompiles(
                "r.email_key LIKE ? ESCAPE '\\'",
                List.of("john\\_doe%"),
                Rule.of(RecipientField.EMAIL, Operator.STARTS_WITH, "John_Doe"));
        assertCompiles(
                "(r.email_key IS NULL OR r.email_key = '')",
                List.of(),
                Rule.of(RecipientField.EMAIL, Operator.IS_EMPTY));
    }

    @Test
    void countryIsComparedUpperCased() {
        assertCompiles("r.country = ?", List.of("FR"), Rule.of(RecipientField.COUNTRY, Operator.EQUALS, "fr"));
        assertCompiles(
                "(r.country IS NULL OR r.country <> ?)",
                List.of("DE"),
                Rule.of(RecipientField.COUNTRY, Operator.NOT_EQUALS, "De"));
        assertCompiles(
                "r.country IN (?, ?)", List.of("FR", "BE"), Rule.of(RecipientField.COUNTRY, Operator.IN, "fr", "BE"));
        assertCompiles(
                "(r.country IS NULL OR r.country NOT IN (?, ?))",
                List.of("FR", "BE"),
                Rule.of(RecipientField.COUNTRY, Operator.NOT_IN, "fr", "be"));
        assertCompiles(
                "LOWER(r.country) LIKE ? ESCAPE '\\'",
                List.of("f%"),
                Rule.of(RecipientField.COUNTRY, Operator.STARTS_WITH, "F"));
    }

    @Test
    void theAliasPrefixesEveryColumn() {
        SqlFragment fragment = CompilerFixture.COMPILER.compile(
                Rule.of(RecipientField.FIRST_NAME, Operator.NOT_CONTAINS, "x"), "recipient_1");
        assertEquals(
                "(recipient_1.first_name IS NULL OR LOWER(recipient_1.first_name) NOT LIKE ? ESCAPE '\\')",
                fragment.sql());
        assertEquals(
                "r.first_name = ?",
                compile(RecipientField.FIRST_NAME, Operator.EQUALS, "x").sql());
    }
}
