package io.crosscast.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalizationTest {

    private static final Map<String, String> HOSTILE = Map.of("firstName", "<b>Jé & \"Jo\"</b>", "lastName", "O'Neil");

    @Test
    void htmlEscapesValues() {
        PersonalizedTemplate html =
                Personalization.compile(ContentPart.HTML, "<p>Hello {{firstName}} {{lastName}}</p>");
        assertEquals("<p>Hello &lt;b&gt;Jé &amp; &quot;Jo&quot;&lt;/b&gt; O&#39;Neil</p>", html.render(HOSTILE));
    }

    @Test
    void subjectAndTextDoNotEscape() {
        for (ContentPart part : List.of(ContentPart.SUBJECT, ContentPart.TEXT)) {
            PersonalizedTemplate template = Personalization.compile(part, "Hello {{firstName}} {{lastName}}");
            assertEquals("Hello <b>Jé & \"Jo\"</b> O'Neil", template.render(HOSTILE), part.name());
        }
    }

    @Test
    void tripleBracesAreAllowedOutsideHtml() {
        assertEquals(
                "<b>Jé & \"Jo\"</b>|<b>Jé & \"Jo\"</b>",
                Personalization.compile(ContentPart.TEXT, "{{{firstName}}}|{{&firstName}}")
                        .render(HOSTILE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>{{{firstName}}}</p>", "<p>{{& firstName}}</p>"})
    void unescapedValuesAreRefusedInHtml(String template) {
        List<ContentProblem> problems = Personalization.problems(ContentPart.HTML, template);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ContentProblem.Code.UNESCAPED, problems.get(0).code());
        assertEquals("firstName", problems.get(0).detail());
        assertTrue(problems.get(0).message().startsWith("HTML body, line 1: {{{firstName}}}"), problems.toString());
    }

    @Test
    void missingValuesRenderEmpty() {
        PersonalizedTemplate text = Personalization.compile(ContentPart.TEXT, "[{{firstName}}][{{country}}]");
        assertEquals("[][]", text.render(Map.of()));
        assertEquals("[Jean][]", text.render(Map.of("firstName", "Jean", "country", "")));
    }

    @Test
    void sectionsOnKnownFields() {
        PersonalizedTemplate html = Personalization.compile(
                ContentPart.HTML, "{{#firstName}}Hi {{firstName}}{{/firstName}}{{^firstName}}Hello{{/firstName}}!");
        assertEquals("Hi Jean!", html.render(Map.of("firstName", "Jean")));
        assertEquals("Hello!", html.render(Map.of("firstName", "")));
        assertEquals("Hello!", html.render(Map.of()));
        assertEquals("Hi &lt;b&gt;Jé &amp; &quot;Jo&quot;&lt;/b&gt;!", html.render(HOSTILE));
    }

    @Test
    void whitespaceInTagsAndCommentsAreFine() {
        PersonalizedTemplate text = Personalization.compile(ContentPart.TEXT, "{{ firstName }}{{! a note }}.");
        assertEquals("Jean.", text.render(Map.of("firstName", "Jean")));
    }

    @Test
    void rendersEveryRecipientVariable() {
        StringBuilder template = new StringBuilder();
        for (String name : Personalization.RECIPIENT_VARIABLES) {
            template.append(name).append('=').append("{{").append(name).append("}};");
        }
        RecipientValues values = new RecipientValues(
                7, "Jean", "Dupont", "jean@example.fr", "+33612345678", "GOLD", "FR", "fr", LocalDate.of(1980, 2, 29));
        assertEquals(
                "firstName=Jean;lastName=Dupont;email=jean@example.fr;mobilePhone=+33612345678;status=GOLD;"
                        + "country=FR;language=fr;birthDate=1980-02-29;",
                Personalization.compile(ContentPart.TEXT, template.toString()).render(values.variables()));
        assertEquals(
                "firstName=;lastName=;email=;mobilePhone=;status=;country=;language=;birthDate=;",
                Personalization.compile(ContentPart.TEXT, template.toString())
                        .render(new RecipientValues(0, null, null, null, null, null, null, null, null).variables()));
    }

    @ParameterizedTest
    @EnumSource(ContentPart.class)
    void unknownVariableIsNamedWithItsPlace(ContentPart part) {
        List<ContentProblem> problems = Personalization.problems(part, "Hello\n{{firstName}} {{fisrtName}}");
        assertEquals(1, problems.size(), problems.toString());
        ContentProblem problem = problems.get(0);
        assertEquals(ContentProblem.Code.UNKNOWN_VARIABLE, problem.code());
        assertEquals("fisrtName", problem.detail());
        assertEquals(2, problem.line());
        assertEquals(part, problem.part());
        assertTrue(
                problem.message().startsWith(part.label() + ", line 2: unknown variable {{fisrtName}}"),
                problem.message());
        assertTrue(problem.message().contains("firstName, lastName"), problem.message());
    }

    @Test
    void everyUnknownVariableIsReportedInLineOrder() {
        List<ContentProblem> problems = Personalization.problems(
                ContentPart.TEXT,
                "{{a}}\n{{#b}}{{c}}{{/b}}\n{{^d}}x{{/d}}\n{{firstName.length}} {{.}} {{ccLink0}} {{ccOpenPixel}}");
        assertEquals(
                List.of("a", "c", "b", "d", "firstName.length", ".", "ccLink0", "ccOpenPixel"),
                problems.stream().map(ContentProblem::detail).toList());
        assertEquals(
                List.of(1, 2, 2, 3, 4, 4, 4, 4),
                problems.stream().map(ContentProblem::line).toList());
    }

    @Test
    void variableNamesAreCaseSensitive() {
        assertEquals(
                List.of("FirstName"),
                Personalization.problems(ContentPart.SUBJECT, "{{FirstName}}").stream()
                        .map(ContentProblem::detail)
                        .toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{> footer}}", "{{>footer}}", "{{>*dynamic}}"})
    void partialsAreRefused(String template) {
        List<ContentProblem> problems = Personalization.problems(ContentPart.HTML, "<p>x</p>\n" + template);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ContentProblem.Code.PARTIAL, problems.get(0).code());
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("includes another template"), problems.toString());
        assertThrows(InvalidContentException.class, () -> Personalization.compile(ContentPart.HTML, template));
    }

    @Test
    void otherMustacheFeaturesAreRefused() {
        assertEquals(
                ContentProblem.Code.UNSUPPORTED,
                Personalization.problems(ContentPart.TEXT, "{{=<% %>=}}<% firstName %>")
                        .get(0)
                        .code());
        assertEquals(
                ContentProblem.Code.UNSUPPORTED,
                Personalization.problems(ContentPart.TEXT, "{{%IMPLICIT-ITERATOR}}")
                        .get(0)
                        .code());
        assertEquals(
                ContentProblem.Code.UNSUPPORTED,
                Personalization.problems(ContentPart.TEXT, "{{<base}}{{/base}}")
                        .get(0)
                        .code());
        assertEquals(
                ContentProblem.Code.UNSUPPORTED,
                Personalization.problems(ContentPart.TEXT, "{{$block}}x{{/block}}")
                        .get(0)
                        .code());
    }

    @Test
    void syntaxErrorsSayWhatIsWrong() {
        assertSyntax("Hi {{firstName", "A tag is not closed");
        assertSyntax("Hi {{{firstName}}", "A tag is not closed");
        assertSyntax("{{#firstName}}Hi", "The section {{#firstName}} is never closed: add {{/firstName}}");
        assertSyntax("{{#firstName}}Hi{{/lastName}}", "The section {{#firstName}} is closed by {{/lastName}}");
        assertSyntax("Hi{{/firstName}}", "{{/firstName}} closes a section that is not open");
        assertSyntax("Hi {{}}", "An empty tag {{}}");
    }

    @Test
    void syntaxErrorsGiveTheLine() {
        List<ContentProblem> problems = Personalization.problems(ContentPart.HTML, "<p>\nline two\n{{}}</p>");
        assertEquals(3, problems.get(0).line(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("HTML body, line 3: "), problems.toString());
    }

    @Test
    void compileThrowsWithEveryProblem() {
        InvalidContentException e = assertThrows(
                InvalidContentException.class, () -> Personalization.compile(ContentPart.HTML, "{{foo}} {{> bar}}"));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("{{foo}}") && e.getMessage().contains("{{> bar}}"), e.getMessage());
    }

    @Test
    void problemsOfAWholeEmailArePerPart() {
        List<ContentProblem> problems = Personalization.problems("Hi {{nom}}", "<p>{{prenom}}</p>", "{{> x}}");
        assertEquals(
                List.of(ContentPart.SUBJECT, ContentPart.HTML, ContentPart.TEXT),
                problems.stream().map(ContentProblem::part).toList());
        assertEquals(
                List.of("nom", "prenom", "x"),
                problems.stream().map(ContentProblem::detail).toList());
        assertTrue(
                problems.get(0).message().startsWith("Subject, line 1: unknown variable {{nom}}"),
                problems.get(0).message());
    }

    @Test
    void subjectAndHtmlAreRequiredButTextIsNot() {
        List<ContentProblem> problems = Personalization.problems(" ", null, null);
        assertEquals(
                List.of(ContentPart.SUBJECT, ContentPart.HTML),
                problems.stream().map(ContentProblem::part).toList());
        assertTrue(problems.stream().allMatch(p -> p.code() == ContentProblem.Code.REQUIRED));
        assertEquals("Subject: is empty", problems.get(0).message());
        assertEquals(List.of(), Personalization.problems("Hi", "<p>Hi</p>", ""));
    }

    @Test
    void unsubscribeUrlIsAllowedButInternalVariablesAreNot() {
        assertEquals(List.of(), Personalization.problems(ContentPart.HTML, "<a href=\"{{unsubscribeUrl}}\">x</a>"));
        assertEquals(
                1,
                Personalization.problems(ContentPart.HTML, "<img src=\"{{ccOpenPixel}}\">")
                        .size());
    }

    @Test
    void rewrittenTemplatesMayUseTheirOwnLinksOnly() {
        PersonalizedTemplate template = Personalization.compileRewritten(
                ContentPart.HTML,
                "<a href=\"{{ccLink0}}\">a</a><a href=\"{{ccLink1}}\">b</a><img src=\"{{ccOpenPixel}}\">",
                2);
        assertEquals(Set.of("ccLink0", "ccLink1", "ccOpenPixel"), template.variables());
        for (String name : List.of("ccLink2", "ccLink01", "ccLink", "ccLink-1", "ccLinkx")) {
            assertThrows(
                    InvalidContentException.class,
                    () -> Personalization.compileRewritten(ContentPart.HTML, "{{" + name + "}}", 2),
                    name);
        }
    }

    @Test
    void knowsWhichVariablesATemplateUses() {
        assertTrue(Personalization.uses("x {{#firstName}}{{unsubscribeUrl}}{{/firstName}}", "unsubscribeUrl"));
        assertTrue(Personalization.uses("x {{ unsubscribeUrl }}", "unsubscribeUrl"));
        assertTrue(!Personalization.uses("x {unsubscribeUrl}", "unsubscribeUrl"));
        assertTrue(!Personalization.uses("x {{unsubscribeUrl", "unsubscribeUrl"));
    }

    @Test
    void rendersManyRecipientsWithoutParsingAgain() {
        String block = "<p>{{#firstName}}Hi {{firstName}}{{/firstName}}{{^firstName}}Hello{{/firstName}},</p>"
                + "<p>your tier: {{status}}. Country {{country}}.</p>";
        PersonalizedTemplate html = Personalization.compile(
                ContentPart.HTML,
                "<html><body>" + block.repeat(5) + "<a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></body></html>");
        RecipientValues values =
                new RecipientValues(1, "Jean", "Dupont", "j@example.fr", null, "GOLD", "FR", "fr", null);
        long start = System.nanoTime();
        long length = 0;
        for (int i = 0; i < 100_000; i++) {
            Map<String, String> scope = values.variables();
            scope.put("unsubscribeUrl", "https://example.com/u/" + i);
            length += html.render(scope).length();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(length > 100_000L * 300, "rendered " + length);
        // Typically well under a second; a generous bound that still catches re-parsing per render.
        assertTrue(millis < 10_000, "100,000 renders took " + millis + " ms");
    }

    @Test
    void rendersFromManyThreadsAtOnce() throws Exception {
        PersonalizedTemplate html = Personalization.compile(
                ContentPart.HTML,
                "{{#firstName}}<p>Hi {{firstName}} {{lastName}}</p>{{/firstName}}{{^firstName}}<p>Hello</p>{{/firstName}}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String first = i % 3 == 0 ? "" : "F" + thread + "-" + i;
                        String expected = first.isEmpty() ? "<p>Hello</p>" : "<p>Hi " + first + " L" + i + "</p>";
                        if (!expected.equals(html.render(Map.of("firstName", first, "lastName", "L" + i)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSyntax(String template, String expected) {
        List<ContentProblem> problems = Personalization.problems(ContentPart.TEXT, template);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(ContentProblem.Code.SYNTAX, problems.get(0).code());
        assertTrue(
                problems.get(0).detail().startsWith(expected), problems.get(0).detail());
        assertTrue(
                problems.get(0).message().startsWith("Text body"),
                problems.get(0).message());
    }

    @Test
    void enrichmentValuesRenderInEveryPartAndMissingOnesAreEmpty() {
        RecipientValues values = new RecipientValues(
                7, "Léa", null, null, null, null, null, null, null, Map.of("clicks", "3", "lastClick", "<2026-11-30>"));
        Map<String, String> scope = values.variables();
        assertEquals(
                "Léa, 3 clicks []",
                Personalization.compile(
                                ContentPart.SUBJECT,
                                "{{firstName}}, {{enrichment.clicks}} clicks" + " [{{enrichment.opens}}]")
                        .render(scope));
        assertEquals(
                "<p>&lt;2026-11-30&gt; yes</p>",
                Personalization.compile(
                                ContentPart.HTML,
                                "<p>{{ enrichment.lastClick }} {{#enrichment.clicks}}yes{{/enrichment.clicks}}"
                                        + "{{#enrichment.opens}}no{{/enrichment.opens}}</p>")
                        .render(scope));
        assertEquals(
                "3 / none",
                Personalization.compile(
                                ContentPart.SMS,
                                "{{enrichment.clicks}} / {{^enrichment.opens}}none{{/enrichment.opens}}")
                        .render(scope));
        assertEquals(
                "[]",
                Personalization.compile(ContentPart.TEXT, "[{{enrichment.clicks}}]")
                        .render(new RecipientValues(7, "Léa", null, null, null, null, null, null, null).variables()),
                "outside a run: empty");
    }

    @Test
    void enrichmentVariablesNeedAValidName() {
        assertTrue(Personalization.problems(ContentPart.SUBJECT, "{{enrichment.clicks_30}}")
                .isEmpty());
        for (String bad : List.of("{{enrichment.}}", "{{enrichment.3x}}", "{{enrichment.a.b}}", "{{enrichments.a}}")) {
            List<ContentProblem> problems = Personalization.problems(ContentPart.SUBJECT, bad);
            assertEquals(1, problems.size(), bad + " " + problems);
            assertEquals(ContentProblem.Code.UNKNOWN_VARIABLE, problems.get(0).code(), bad);
        }
    }

    @Test
    void enrichmentNamesAndPlaceholdersOfTemplates() {
        assertEquals(
                List.of("clicks", "lastOpen"),
                Personalization.enrichmentNames(
                        "{{enrichment.clicks}} {{firstName}}",
                        null,
                        "{{#enrichment.lastOpen}}{{enrichment.clicks}}{{/enrichment.lastOpen}}",
                        "{{broken"));
        assertEquals(List.of(), Personalization.enrichmentNames("Hello {{firstName}}"));
        assertEquals(
                Map.of("clicks", "{{enrichment.clicks}}"),
                Personalization.enrichmentPlaceholders("{{enrichment.clicks}}"));
    }
}
