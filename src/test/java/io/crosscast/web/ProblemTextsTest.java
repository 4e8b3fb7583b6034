package io.crosscast.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.condition.ConditionProblem;
import io.crosscast.audience.condition.ProblemCode;
import io.crosscast.audience.contact.ContactProblem;
import io.crosscast.audience.contact.EmailAddresses;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.audience.contact.PhoneNumbers;
import io.crosscast.audience.importing.ImportField;
import io.crosscast.audience.importing.LineProblem;
import io.crosscast.campaign.Campaign;
import io.crosscast.campaign.CampaignProblem;
import io.crosscast.content.ContentPart;
import io.crosscast.content.ContentProblem;
import io.crosscast.content.Personalization;
import io.crosscast.delivery.DeliveryProblem;
import io.crosscast.delivery.LedgerReason;
import io.crosscast.delivery.ProofAddresses;
import io.crosscast.platform.EnglishTemplate;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Problems that services report with a code are worded in English and French: the bundles are the one place of
 * the wordings (the services read their English there, so the REST API and English pages agree), every code has
 * a text in both, and French pages show French.
 */
class ProblemTextsTest {

    static final ResourceBundle ENGLISH = bundle(Locale.ENGLISH);
    static final ResourceBundle FRENCH = bundle(Locale.FRENCH);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

    @Test
    void everyDeliveryProblemHasATextInEnglishAndFrench() {
        List<String> keys = new ArrayList<>();
        for (DeliveryProblem.Code code : DeliveryProblem.Code.values()) {
            if (code != DeliveryProblem.Code.CONTENT) {
                keys.add(code.key());
            }
        }
        Arrays.stream(ContentProblem.Reason.values())
                .map(ContentProblem.Reason::key)
                .forEach(keys::add);
        Arrays.stream(ContentPart.values()).map(ContentPart::key).forEach(keys::add);
        Arrays.stream(LedgerReason.values()).map(LedgerReason::key).forEach(keys::add);
        keys.addAll(List.of(ContentProblem.AT_LINE, ContentProblem.IN_PART));
        assertWordedInBothLanguages(keys);
    }

    @Test
    void everyCampaignProblemHasATextInEnglishAndFrenchThatNamesTheLimitsOfCampaigns() {
        assertWordedInBothLanguages(Arrays.stream(CampaignProblem.values())
                .map(CampaignProblem::code)
                .toList());
        assertEquals(
                "A campaign label has at most " + Campaign.MAX_LABEL + " characters.",
                CampaignProblem.LABEL_TOO_LONG.english());
        Map<CampaignProblem, Integer> limits = Map.of(
                CampaignProblem.LABEL_TOO_LONG,
                Campaign.MAX_LABEL,
                CampaignProblem.DESCRIPTION_TOO_LONG,
                Campaign.MAX_DESCRIPTION,
                CampaignProblem.OWNER_TOO_LONG,
                Campaign.MAX_OWNER);
        for (ResourceBundle bundle : List.of(ENGLISH, FRENCH)) {
            limits.forEach((problem, limit) -> assertTrue(
                    bundle.getString(problem.code()).contains(" " + limit + " "),
                    problem + " in " + bundle.getLocale()));
        }
    }

    @Test
    void theEnglishOfAProblemIsTheEnglishBundlesWithItsPlace() {
        ContentProblem atLine = new ContentProblem(ContentPart.HTML, 3, ContentProblem.Code.UNKNOWN_VARIABLE, "prenom");
        assertEquals(
                "HTML body, line 3: unknown variable {{prenom}}; the variables are "
                        + String.join(", ", Personalization.variables(ContentPart.HTML)),
                atLine.message());
        assertEquals(atLine.message(), ProblemTexts.content(atLine, ENGLISH));
        assertEquals(
                "SMS text: is empty", ContentProblem.required(ContentPart.SMS).message());
        assertEquals(
                "Delivery 'Summer sale' has already been sent.",
                DeliveryProblem.of(DeliveryProblem.Code.ALREADY_SENT, "Summer sale")
                        .message());
        assertEquals(
                "The label is required.",
                DeliveryProblem.of(DeliveryProblem.Code.LABEL_REQUIRED).message());
        assertEquals(
                "Delivery 'it's {1}' is not paused.",
                DeliveryProblem.of(DeliveryProblem.Code.NOT_PAUSED, "it's {1}").message(),
                "arguments are kept as they are");
    }

    @Test
    void frenchPagesShowDeliveryProblemsInFrench() {
        assertEquals(
                "Le libellé est obligatoire.",
                ProblemTexts.delivery(DeliveryProblem.of(DeliveryProblem.Code.LABEL_REQUIRED), FRENCH));
        assertEquals(
                "L'adresse de l'expéditeur « shop-at-example.com » n'est pas une adresse email valide.",
                ProblemTexts.delivery(
                        DeliveryProblem.of(DeliveryProblem.Code.SENDER_ADDRESS_INVALID, "shop-at-example.com"),
                        FRENCH));
        assertEquals(
                "Les liens suivis ({{link}}) ne sont pas encore disponibles dans les SMS : écrivez l'URL elle-même.",
                ProblemTexts.delivery(
                        DeliveryProblem.of(DeliveryProblem.Code.SMS_LINK_UNAVAILABLE, "{{link}}"), FRENCH));
        assertEquals(
                "La diffusion « Offre d'été » a déjà été envoyée.",
                ProblemTexts.delivery(DeliveryProblem.of(DeliveryProblem.Code.ALREADY_SENT, "Offre d'été"), FRENCH));
        assertEquals(
                "Un BAT part à 10 adresses au plus ; 12 ont été indiquées.",
                ProblemTexts.delivery(
                        DeliveryProblem.of(DeliveryProblem.Code.PROOF_TOO_MANY_ADDRESSES, 10, 12), FRENCH));
        assertEquals(
                "Ces adresses ne sont pas valides : ben@@example.com, cid",
                ProblemTexts.delivery(
                        ProofAddresses.problems(List.of("ben@@example.com", "cid"))
                                .get(0),
                        FRENCH));
    }

    @Test
    void aRefusedLinkIsShownWithItsLineInTheViewersLanguage() {
        List<io.crosscast.content.ContentProblem> problems = io.crosscast.content.LinkRewriter.checkLinks(
                        "<p>Hi</p>\n<p><a href=\"/offre d'été\">x</a> <a href=\"javascript:alert(1)\">y</a></p>")
                .problems();
        assertEquals(
                List.of(
                        "Contenu HTML, ligne 2 : le lien /offre d'été est relatif, mais un e-mail n'a pas"
                                + " d'adresse de départ : écrivez-le en entier, à partir de https://",
                        "Contenu HTML, ligne 2 : le lien javascript:alert(1) exécuterait un script ou ouvrirait des données"
                                + " intégrées : il ne peut pas être envoyé"),
                problems.stream()
                        .map(p -> ProblemTexts.delivery(DeliveryProblem.of(p), FRENCH))
                        .toList());
        assertEquals(
                "HTML body, line 2: the link /offre d'été is relative, but an email has no address to start"
                        + " from: write it in full, from https://",
                ProblemTexts.content(problems.get(0), ENGLISH));
    }

    @Test
    void ledgerReasonsOfTheSendingAreTranslatedAndServerAnswersKept() {
        assertEquals(
                "Abandon après 5 tentatives : 451 4.3.0 Try again later",
                ProblemTexts.ledger(LedgerReason.GAVE_UP.format(5, "451 4.3.0 Try again later"), FRENCH));
        assertEquals(
                "Le destinataire a été supprimé.",
                ProblemTexts.ledger(LedgerReason.RECIPIENT_DELETED.format(), FRENCH));
        assertEquals("550 5.1.1 User unknown", ProblemTexts.ledger("550 5.1.1 User unknown", FRENCH));
        assertEquals(
                "Revenu en erreur : 550 5.1.1 User unknown",
                ProblemTexts.ledger(LedgerReason.BOUNCED.format("550 5.1.1 User unknown"), FRENCH));
        assertEquals(
                "3 retours temporaires en 30 jours, le dernier : 452 4.2.2 Mailbox full",
                ProblemTexts.ledger(LedgerReason.SOFT_BOUNCES.format(3, 30, "452 4.2.2 Mailbox full"), FRENCH));
        assertEquals(
                "Abandon après 3 tentatives : Refusé par le centre SMS : Throttling error (status 0x58)",
                ProblemTexts.ledger(
                        LedgerReason.GAVE_UP.format(
                                3, LedgerReason.SMSC_REFUSED.format("Throttling error") + " (status 0x58)"),
                        FRENCH),
                "a reason inside another is translated too");
        for (LedgerReason reason : LedgerReason.values()) {
            String stored = reason.format((Object[]) sampleArguments(ENGLISH.getString(reason.key())));
            assertEquals(stored, ProblemTexts.ledger(stored, ENGLISH));
        }
    }

    @Test
    void frenchPagesShowPersonalisationProblemsInFrench() {
        ContentProblem unknown = Personalization.problems(ContentPart.SUBJECT, "Bonjour\n{{prenom}}")
                .get(0);
        assertEquals(
                "Objet, ligne 2 : variable inconnue {{prenom}} ; les variables sont firstName, lastName, email,"
                        + " mobilePhone, status, country, language, birthDate, unsubscribeUrl",
                ProblemTexts.delivery(DeliveryProblem.of(unknown), FRENCH));
        assertEquals(
                "Contenu HTML, ligne 1 : la section {{#firstName}} n'est jamais fermée : ajoutez {{/firstName}}",
                ProblemTexts.content(
                        Personalization.problems(ContentPart.HTML, "{{#firstName}}Bonjour")
                                .get(0),
                        FRENCH));
        assertEquals(
                "Contenu HTML, ligne 1 : {{{firstName}}} insérerait la valeur sans échappement HTML ;"
                        + " écrivez {{firstName}}",
                ProblemTexts.content(
                        Personalization.problems(ContentPart.HTML, "<p>{{{firstName}}}</p>")
                                .get(0),
                        FRENCH));
        assertEquals(
                "Version texte, ligne 1 : une balise n'est pas fermée : chaque {{ doit avoir son }}, chaque {{{ son }}}",
                ProblemTexts.content(
                        Personalization.problems(ContentPart.TEXT, "Bonjour {{firstName")
                                .get(0),
                        FRENCH));
        assertEquals(
                "Texte du SMS : ne peut pas être vide",
                ProblemTexts.content(ContentProblem.required(ContentPart.SMS), FRENCH));
    }

    @Test
    void everyContactAndImportProblemHasATextInEnglishAndFrench() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(ContactProblem.values()).map(ContactProblem::key).forEach(keys::add);
        for (LineProblem.Code code : LineProblem.Code.values()) {
            if (code != LineProblem.Code.INVALID_VALUE) {
                keys.add(code.key());
            }
        }
        keys.addAll(List.of("import.problem.separator", LineProblem.CUT_VALUE));
        assertWordedInBothLanguages(keys);
    }

    @Test
    void anImportsProblemsAreJoinedAsTheServiceJoinsThem() {
        LineProblem tooLong = LineProblem.value(
                ImportField.FIRST_NAME, new InvalidContactException(ContactProblem.TOO_LONG, "First name", 100, 101));
        assertEquals("First name is longer than 100 characters (101)", tooLong.message());
        assertEquals(tooLong.message(), ProblemTexts.line(tooLong, ENGLISH));
        List<LineProblem> stopped = List.of(
                LineProblem.of(LineProblem.Code.STOPPED_AT_LINE, 7), LineProblem.of(LineProblem.Code.QUOTE_NOT_CLOSED));
        assertEquals(LineProblem.abortReason(stopped), ProblemTexts.abortReason(stopped, "?", ENGLISH));
        assertEquals(LineProblem.reason(stopped), ProblemTexts.reason(stopped, "?", ENGLISH));
    }

    @Test
    void frenchPagesShowImportProblemsInFrench() {
        InvalidContactException email =
                Assertions.assertThrows(InvalidContactException.class, () -> EmailAddresses.normalise("jean@@example"));
        InvalidContactException phone =
                Assertions.assertThrows(InvalidContactException.class, () -> new PhoneNumbers("FR").toE164("12", "FR"));
        InvalidContactException tooLong = new InvalidContactException(ContactProblem.TOO_LONG, "First name", 100, 101);
        List<LineProblem> line = List.of(
                LineProblem.value(ImportField.EMAIL, email),
                LineProblem.value(ImportField.MOBILE_PHONE, phone),
                LineProblem.value(ImportField.FIRST_NAME, tooLong));
        assertEquals(
                "« jean@@example » n'est pas une adresse email valide : elle doit contenir un seul @ ;"
                        + " « 12 » n'est pas un numéro de téléphone valide pour le pays FR ; Prénom : 101 caractères, 100 au plus",
                ProblemTexts.reason(line, LineProblem.reason(line), FRENCH));
        assertEquals(
                "« maybe » n'est pas une valeur valide pour Désabonné des SMS : utilisez oui/non, yes/no,"
                        + " true/false, y/n ou 1/0",
                ProblemTexts.line(
                        LineProblem.value(
                                ImportField.SMS_OPT_OUT,
                                new InvalidContactException(ContactProblem.NOT_YES_OR_NO, "maybe", "SMS opt-out")),
                        FRENCH));
        assertEquals(
                "L'adresse email manque", ProblemTexts.line(LineProblem.of(LineProblem.Code.EMAIL_MISSING), FRENCH));
        List<LineProblem> stopped = List.of(
                LineProblem.of(LineProblem.Code.STOPPED_AT_LINE, 3), LineProblem.of(LineProblem.Code.QUOTE_NOT_CLOSED));
        assertEquals(
                "La lecture s'est arrêtée à la ligne 3 : Une valeur entre guillemets n'est jamais fermée"
                        + " (il manque un \")",
                ProblemTexts.abortReason(stopped, LineProblem.abortReason(stopped), FRENCH));
        assertEquals(
                "Expected 7 columns, found 3",
                ProblemTexts.reason(List.of(), "Expected 7 columns, found 3", FRENCH),
                "a reason known only in English stays English");
    }

    @Test
    void aLongValueIsQuotedCutWithItsLengthInTheViewersLanguage() {
        LineProblem status = LineProblem.value(
                ImportField.STATUS, new InvalidContactException(ContactProblem.NOT_A_STATUS, "a".repeat(5_000)));
        String cut = "a".repeat(100) + "…";
        assertEquals(
                "'" + cut + "' (5,000 characters) is not a status: use GOLD, SILVER, BRONZE or NONE", status.message());
        assertEquals(status.message(), ProblemTexts.line(status, ENGLISH));
        assertEquals(
                "« " + cut + " » (5\u202f000 caractères) n'est pas un statut : utilisez GOLD, SILVER, BRONZE ou NONE",
                ProblemTexts.line(status, FRENCH).replace('\u00a0', '\u202f'));
    }

    @Test
    void everyConditionProblemHasATextInEnglishAndFrench() {
        // the builder's wordings are given the arguments of the API's (placeholders or not)
        Map<String, String> keys = new LinkedHashMap<>();
        for (ProblemCode code : ProblemCode.values()) {
            keys.put("problem." + code.name(), EnglishTemplate.pattern(EnglishTemplate.TEXTS, code.key()));
        }
        assertWordedInBothLanguages(keys);
        List<String> missing = new ArrayList<>();
        for (Locale locale : List.of(Locale.ROOT, Locale.FRENCH)) {
            ResourceBundle texts = ResourceBundle.getBundle(
                    EnglishTemplate.TEXTS,
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
            Arrays.stream(ProblemCode.values())
                    .filter(code -> !texts.containsKey(code.key()))
                    .forEach(code -> missing.add(locale + ": " + code.key()));
        }
        assertEquals(List.of(), missing, "the API's words, in the workflows' bundle");
        assertEquals(
                "La condition a 120 règles ; 100 au plus sont permises",
                ProblemTexts.condition(
                        new ConditionProblem(ProblemCode.TOO_MANY_RULES, List.of("120", "100"), List.of()), FRENCH));
        assertEquals(
                "The condition has 120 rules, at most 100 are allowed",
                ProblemTexts.condition(
                        new ConditionProblem(ProblemCode.TOO_MANY_RULES, List.of("120", "100"), List.of()), ENGLISH));
    }

    /**
     * Every key exists in both bundles, and each text keeps its placeholders through MessageFormat: a text
     * given arguments doubles its quotes (a single quote would swallow what follows), a text given none is
     * shown as written (so it does not double them). Whether a text is given arguments is told by the
     * English text of the key (any placeholder: arguments).
     */
    static void assertWordedInBothLanguages(List<String> keys) {
        Map<String, String> english = new LinkedHashMap<>();
        keys.forEach(key -> english.put(key, ENGLISH.containsKey(key) ? ENGLISH.getString(key) : ""));
        assertWordedInBothLanguages(english);
    }

    /** As {@link #assertWordedInBothLanguages(List)}, whether a text is given arguments told by the template given. */
    static void assertWordedInBothLanguages(Map<String, String> keysAndEnglishTemplates) {
        List<String> problems = new ArrayList<>();
        for (ResourceBundle bundle : List.of(ENGLISH, FRENCH)) {
            String language = bundle == ENGLISH ? "en" : "fr";
            for (Map.Entry<String, String> entry : keysAndEnglishTemplates.entrySet()) {
                String key = entry.getKey();
                if (!bundle.containsKey(key) || bundle.getString(key).isBlank()) {
                    problems.add(language + ": no text for " + key);
                    continue;
                }
                String text = bundle.getString(key);
                String[] arguments = sampleArguments(text + entry.getValue());
                if (arguments.length == 0) {
                    if (text.contains("''")) {
                        problems.add(language + ": " + key + " has no argument: write its quotes once");
                    }
                    continue;
                }
                String formatted = new MessageFormat(text, bundle.getLocale()).format(arguments);
                for (int i = 0; i < arguments.length; i++) {
                    String argument = arguments[i];
                    if (text.contains("{" + i + "}") && !formatted.contains(argument)) {
                        problems.add(
                                language + ": " + key + " loses " + argument + " (a quote not doubled?): " + formatted);
                    }
                }
                if (formatted.contains("''") || text.replace("''", "").contains("'")) {
                    problems.add(language + ": " + key + " has a quote not doubled: " + text);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Distinct values for the placeholders of a template: {@code <0>}, {@code <1>}... up to the highest. */
    static String[] sampleArguments(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        int count = 0;
        while (m.find()) {
            count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
        }
        String[] arguments = new String[count];
        Arrays.setAll(arguments, i -> "<" + i + ">");
        return arguments;
    }

    @Test
    void samplesCoverEveryPlaceholder() {
        assertEquals(List.of("<0>", "<1>", "<2>"), List.of(sampleArguments("{2} then {0}")));
        assertFalse(new TreeSet<>(ENGLISH.keySet()).isEmpty());
        assertTrue(FRENCH.getLocale().getLanguage().equals("fr"));
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "io.crosscast.web.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }
}
