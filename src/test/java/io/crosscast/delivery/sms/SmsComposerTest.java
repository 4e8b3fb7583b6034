package io.crosscast.delivery.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.content.ContentPart;
import io.crosscast.content.ContentProblem;
import io.crosscast.content.InvalidContentException;
import io.crosscast.content.Personalization;
import io.crosscast.content.RecipientValues;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class SmsComposerTest {

    private static final RecipientValues ZOE = new RecipientValues(
            42, "Zoé", "Leroy", "zoe@example.com", "+33612345678", "GOLD", "FR", "fr", LocalDate.of(1990, 5, 17));
    private static final RecipientValues NOBODY =
            new RecipientValues(0, null, null, null, null, null, null, null, null);
    private static final LongFunction<String> LINKS = id -> "https://cc.example/t/c/" + id;

    @Test
    void valuesAreWrittenAsTheyAre() {
        SmsComposer composer = SmsComposer.compile("Bonjour {{firstName}} <b>&</b> {{status}}, né le {{birthDate}}");
        SmsContent sms = composer.compose(ZOE);
        assertEquals("Bonjour Zoé <b>&</b> GOLD, né le 1990-05-17", sms.text());
        assertEquals(SmsEncoding.GSM7, sms.encoding());
        assertFalse(composer.usesLink());
    }

    @Test
    void sectionsAndMissingValues() {
        SmsComposer composer = SmsComposer.compile("{{#firstName}}Bonjour {{firstName}}{{/firstName}}"
                + "{{^firstName}}Bonjour{{/firstName}}, -20% ce week-end");
        assertEquals("Bonjour Zoé, -20% ce week-end", composer.compose(ZOE).text());
        assertEquals("Bonjour, -20% ce week-end", composer.compose(NOBODY).text());
    }

    @Test
    void renderedTextsAreTrimmedWithLfLineEnds() {
        SmsComposer composer = SmsComposer.compile("  Offre\r\nspéciale {{firstName}}\r\n");
        assertEquals("Offre\nspéciale", composer.compose(NOBODY).text());
        assertEquals("Offre\nspéciale Zoé", composer.compose(ZOE).text());
    }

    @Test
    void unknownVariablesAreProblemsNamingTheSmsVariables() {
        List<ContentProblem> problems = SmsComposer.problems("Bonjour\n{{fisrtName}} {{unsubscribeUrl}}");
        assertEquals(
                List.of("fisrtName", "unsubscribeUrl"),
                problems.stream().map(ContentProblem::detail).toList());
        ContentProblem problem = problems.get(0);
        assertEquals(ContentPart.SMS, problem.part());
        assertEquals(ContentProblem.Code.UNKNOWN_VARIABLE, problem.code());
        assertEquals(
                "SMS text, line 2: unknown variable {{fisrtName}}; the variables are firstName, lastName, email,"
                        + " mobilePhone, status, country, language, birthDate, link",
                problem.message());
        InvalidContentException thrown =
                assertThrows(InvalidContentException.class, () -> SmsComposer.compile("{{fisrtName}}"));
        assertEquals(1, thrown.problems().size());
    }

    @Test
    void theLinkBelongsToSmsTextsOnly() {
        assertEquals(List.of(), SmsComposer.problems("Voir {{link}}"));
        assertEquals(
                List.of("link"),
                Personalization.problems(ContentPart.TEXT, "Voir {{link}}").stream()
                        .map(ContentProblem::detail)
                        .toList());
        assertTrue(Personalization.problems(ContentPart.TEXT, "{{fisrtName}}")
                .get(0)
                .message()
                .contains("unsubscribeUrl"));
    }

    @Test
    void anEmptyTextIsAProblem() {
        for (String text : new String[] {null, "", "  \n "}) {
            List<ContentProblem> problems = SmsComposer.problems(text);
            assertEquals(1, problems.size());
            assertEquals(ContentProblem.Code.REQUIRED, problems.get(0).code());
            assertEquals("SMS text: is empty", problems.get(0).message());
            assertThrows(InvalidContentException.class, () -> SmsComposer.compile(text));
        }
    }

    @Test
    void syntaxErrorsAreProblems() {
        List<ContentProblem> problems = SmsComposer.problems("Hello {{#firstName}}x");
        assertEquals(1, problems.size());
        assertEquals(ContentProblem.Code.SYNTAX, problems.get(0).code());
    }

    @Test
    void theLinkIsTheCallersUrlForTheRecipientAndCountsItsLength() {
        SmsComposer composer = SmsComposer.compile("{{firstName}}, -20%: {{link}} STOP 36180");
        assertTrue(composer.usesLink());
        SmsContent sms = composer.compose(ZOE, LINKS);
        assertEquals("Zoé, -20%: https://cc.example/t/c/42 STOP 36180", sms.text());
        assertEquals(sms.text().length(), sms.length().units());
        String longUrl = "https://cc.example/t/c/" + "x".repeat(200);
        SmsContent longer = composer.compose(ZOE, id -> longUrl);
        assertEquals(2, longer.parts());
        assertEquals(
                "Zoé, -20%: ".length() + longUrl.length() + " STOP 36180".length(),
                longer.length().units());
    }

    @Test
    void theCallbackIsAskedOnlyWhenTheTextHasTheLink() {
        AtomicInteger calls = new AtomicInteger();
        SmsComposer composer = SmsComposer.compile("No link here");
        assertEquals(
                "No link here",
                composer.compose(ZOE, id -> {
                            calls.incrementAndGet();
                            return "https://x";
                        })
                        .text());
        assertEquals(0, calls.get());
    }

    @Test
    void aLinkWithoutUrlIsRefused() {
        SmsComposer composer = SmsComposer.compile("Voir {{link}}");
        assertThrows(IllegalStateException.class, () -> composer.compose(ZOE));
        assertThrows(IllegalStateException.class, () -> composer.compose(ZOE, null));
        assertThrows(IllegalStateException.class, () -> composer.compose(ZOE, id -> ""));
        assertThrows(IllegalStateException.class, () -> composer.compose(ZOE, id -> null));
        assertThrows(IllegalStateException.class, () -> composer.compose(ZOE, id -> "https://x/ y"));
        assertEquals(
                "Voir https://x/0",
                composer.compose(NOBODY, id -> "https://x/" + id).text());
    }

    @Test
    void aValueOutsideGsmMakesTheRecipientsSmsUcs2() {
        SmsComposer composer = SmsComposer.compile("Bonjour {{firstName}} !");
        RecipientValues francoise = new RecipientValues(7, "Françoise 🌸", null, null, null, null, null, null, null);
        SmsContent sms = composer.compose(francoise);
        assertEquals(SmsEncoding.UCS2, sms.encoding());
        assertEquals((byte) 8, sms.dataCoding());
        assertEquals(SmsEncoding.GSM7, composer.compose(ZOE).encoding());
    }

    @Test
    void theRenderedSmsSplitsForSubmission() {
        SmsComposer composer = SmsComposer.compile("{{firstName}} " + "x".repeat(200) + " {{link}}");
        SmsContent sms = composer.compose(ZOE, LINKS);
        assertEquals(2, sms.parts());
        assertEquals((byte) 0x40, sms.esmClass());
        assertEquals((byte) 0, sms.dataCoding());
        List<byte[]> segments = sms.segments(5);
        assertEquals(2, segments.size());
        assertEquals(sms.text(), String.join("", sms.partTexts()));
        assertEquals(
                sms.text(),
                SmsSegments.decode(sms.dataCoding(), (byte) 0, sms.payload()).text());
        assertEquals(SmsContent.of(sms.text()), sms);
        SmsContent single = SmsComposer.compile("Hi {{firstName}}").compose(ZOE);
        assertEquals((byte) 0, single.esmClass());
        assertEquals(1, single.segments(5).size());
    }
}
