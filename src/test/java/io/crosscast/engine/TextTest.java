package io.crosscast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A text is a key and its arguments: English as stored, French for a French reader, data never translated. */
class TextTest {

    private static final Instant WAKE_UP = Instant.parse("2026-03-01T09:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void theStoredEnglishKeepsEveryArgumentAsItIs() {
        assertEquals(
                "query: 1234 recipient(s)", Text.of("query.log.count", 1234L).english());
        assertEquals(
                "waiting until 2026-03-01T09:00:00Z",
                Text.of("wait.log.waiting", WAKE_UP).english());
        assertEquals("Restarted from query1", Text.of("run.restarted", "query1").english());
        assertEquals(
                "Activity 'w' accepts at most 1 incoming transition(s), has 2",
                Text.of("validator.tooManyInputs", "w", 1, 2).english());
    }

    @Test
    void aFrenchReaderReadsFrenchWithNumbersAndTimesInFrench() {
        String thousands = NumberFormat.getIntegerInstance(Locale.FRENCH).format(1234);
        assertEquals(
                "requête : " + thousands + " destinataire(s)",
                Text.of("query.log.count", 1234L).in(Locale.FRENCH));
        assertEquals(
                "requête : " + thousands + " destinataire(s)",
                Text.of("query.log.count", 1234L).in(Locale.FRANCE));
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(Locale.FRENCH)
                .withZone(UTC)
                .format(WAKE_UP);
        assertEquals(
                "en attente jusqu'au " + when,
                Text.of("wait.log.waiting", WAKE_UP).in(Locale.FRENCH, UTC));
        assertEquals(
                "Il faut au moins un sous-ensemble (subset.1.condition...)",
                Text.of("split.noSubset").in(Locale.FRENCH));
    }

    @Test
    void anEnglishReaderGetsNumbersAndTimesInEnglish() {
        assertEquals(
                "query: 1,234 recipient(s)", Text.of("query.log.count", 1234L).in(Locale.ENGLISH));
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(Locale.US)
                .withZone(UTC)
                .format(WAKE_UP);
        assertEquals(
                "waiting until " + when, Text.of("wait.log.waiting", WAKE_UP).in(Locale.US, UTC));
    }

    @Test
    void quotesAreSingleAndArgumentsAreNeverPatterns() {
        Text text = Text.of("exclusion.mainNotInput", "it's {0}");
        assertEquals("The main transition 'it's {0}' is not an input of this exclusion", text.english());
        assertEquals(
                "La transition principale « it's {0} » n'est pas une entrée de cette exclusion",
                text.in(Locale.FRENCH));
        assertEquals("It's 100% {1}", Text.verbatim("It's 100% {1}").in(Locale.FRENCH));
    }

    @Test
    void nestedTextsAreTranslatedWithTheTextAroundThem() {
        Text failed = Execution.failedLine(Text.of("exclusion.mainNotInput", "q>x"));
        assertEquals("failed: The main transition 'q>x' is not an input of this exclusion", failed.english());
        assertEquals(
                "échec : La transition principale « q>x » n'est pas une entrée de cette exclusion",
                failed.in(Locale.FRENCH));
        assertEquals(List.of("run.failed", "exclusion.mainNotInput"), failed.keys());
    }

    @Test
    void anUnexpectedFailureKeepsItsClassAndMessage() {
        Text failure = Execution.failure(new IllegalStateException("database down"));
        assertEquals("IllegalStateException: database down", failure.english());
        assertEquals("IllegalStateException : database down", failure.in(Locale.FRENCH));
        Text known = Text.of("split.limit.negative");
        assertEquals(known, Execution.failure(new ActivityException(known)));
        assertEquals("a limit cannot be negative", new ActivityException(known).getMessage());
    }

    @Test
    void textsAreJoinedOneAfterTheOther() {
        Text joined = Text.join(List.of(Text.verbatim("a"), Text.verbatim("b"), Text.verbatim("c")));
        assertEquals("a; b; c", joined.english());
        assertEquals("a ; b ; c", joined.in(Locale.FRENCH));
        assertEquals(Text.verbatim("a"), Text.join(List.of(Text.verbatim("a"))));
        assertThrows(IllegalArgumentException.class, () -> Text.join(List.of()));
    }

    @Test
    void aLanguageWithoutTextsIsEnglishWhateverTheServersLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertEquals(
                    "The workflow has no Start activity",
                    Text.of("validator.noStart").english());
            assertEquals(
                    "The workflow has no Start activity",
                    Text.of("validator.noStart").in(Locale.GERMAN));
            assertEquals(
                    "The workflow has no Start activity",
                    Text.of("validator.noStart").in(Locale.ENGLISH));
            assertEquals(
                    "Le workflow n'a pas d'activité Début",
                    Text.of("validator.noStart").in(Locale.FRENCH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAreStringsOrTexts() {
        Text text = Text.of("run.error", 12, null, WAKE_UP, Text.verbatim("x"));
        assertEquals(List.of("12", "", "2026-03-01T09:00:00Z", Text.verbatim("x")), text.args());
        assertThrows(UnsupportedOperationException.class, () -> text.args().add("more"));
        assertEquals(text, Text.of("run.error", "12", "", "2026-03-01T09:00:00Z", Text.verbatim("x")));
    }

    @Test
    void anArgumentThatIsNotANumberIsShownAsItIs() {
        assertEquals(
                "requête : beaucoup destinataire(s)",
                Text.of("query.log.count", "beaucoup").in(Locale.FRENCH));
        assertEquals(
                "en attente jusqu'au demain",
                Text.of("wait.log.waiting", "demain").in(Locale.FRENCH));
    }

    @Test
    void aMissingKeyStillSaysSomething() {
        Text text = Text.of("no.such.key", "a", Text.of("validator.noStart"));
        assertEquals("no.such.key a The workflow has no Start activity", text.english());
        assertFalse(text.in(Locale.FRENCH).isBlank());
    }

    @Test
    void aVerbatimTextIsItsOwnWordsInEveryLanguage() {
        Text old = Text.verbatim("InvalidConditionException: something in English");
        assertTrue(old.isVerbatim());
        assertEquals(old.english(), old.in(Locale.FRENCH));
        assertEquals(old.english(), old.toString());
        assertFalse(Text.of("validator.noStart").isVerbatim());
    }

    @Test
    void aTextSurvivesSerialization() throws IOException, ClassNotFoundException {
        Text text = Execution.failedLine(Text.of("config.outOfRange", "branches", 2, 20, 50));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(text);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(text, in.readObject());
        }
    }
}
