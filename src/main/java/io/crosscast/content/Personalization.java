package io.crosscast.content;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks and compiles the personalized parts of an email (subject, HTML body, text body) and the text of an
 * SMS, written in Mustache: {@code Hello {{firstName}}}, {@code {{#firstName}}Hi {{firstName}}{{/firstName}}},
 * {@code {{^firstName}}Hello{{/firstName}}}, comments {@code {{! ... }}}.
 *
 * <p>Templates may use the recipient variables {@link #RECIPIENT_VARIABLES}, the values an Enrichment activity of
 * the delivery's workflow run added ({@code {{enrichment.<name>}}}, {@link #isEnrichmentVariable}; empty outside a
 * run or when the run has no such value) and {@link #UNSUBSCRIBE_URL} (an SMS text: {@link #SMS_LINK} instead),
 * nothing else: an unknown name, a partial ({@code {{> x}}}), a pragma,
 * template inheritance, a delimiter change or a syntax error is a {@link ContentProblem} naming the part, the
 * line and the culprit. In the HTML body values are HTML-escaped and {@code {{{x}}}} / {@code {{&x}}}
 * (unescaped) are refused; in the subject, the text body and an SMS text values are written as they are. A
 * variable without a value renders as nothing.
 *
 * <p>Compile each template once per delivery, then render the {@link PersonalizedTemplate} per recipient.
 */
public final class Personalization {

    /** The recipient fields a template may use. */
    public static final List<String> RECIPIENT_VARIABLES =
            List.of("firstName", "lastName", "email", "mobilePhone", "status", "country", "language", "birthDate");

    /** The recipient's unsubscription URL, filled by the {@link EmailComposer}. */
    public static final String UNSUBSCRIBE_URL = "unsubscribeUrl";

    /** Every variable a marketer's email template may use. */
    public static final List<String> VARIABLES = Stream.concat(RECIPIENT_VARIABLES.stream(), Stream.of(UNSUBSCRIBE_URL))
            .toList();

    /**
     * The tracked link of an SMS text: {@code io.crosscast.delivery.sms.SmsComposer} replaces it with the URL
     * the caller gives for each recipient (its click-tracking URL).
     */
    public static final String SMS_LINK = "link";

    /** Every variable an SMS text may use: the recipient's fields and {@link #SMS_LINK}. */
    public static final List<String> SMS_VARIABLES =
            Stream.concat(RECIPIENT_VARIABLES.stream(), Stream.of(SMS_LINK)).toList();

    /** The prefix of an Enrichment activity's value: {@code {{enrichment.clicks}}}. */
    public static final String ENRICHMENT_PREFIX = "enrichment.";

    /** {@link #ENRICHMENT_PREFIX} and a value's name (as io.crosscast.engine.EnrichmentValue#NAME). */
    private static final Pattern ENRICHMENT_VARIABLE = Pattern.compile("enrichment\\.[A-Za-z][A-Za-z0-9_]{0,39}");

    /** The tracking pixel's URL, in templates rewritten by the {@link LinkRewriter} only. */
    static final String OPEN_PIXEL = "ccOpenPixel";

    private static final String LINK_PREFIX = "ccLink";

    private static final String URL_PREFIX = "ccUrl_";

    private Personalization() {}

    /**
     * Everything wrong with an email's content, subject first, then HTML body, then text body, each by line.
     * The subject and the HTML body are required; an empty text body is derived from the HTML one.
     */
    public static List<ContentProblem> problems(String subject, String html, String text) {
        List<ContentProblem> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add(ContentProblem.required(ContentPart.SUBJECT));
        } else {
            problems.addAll(problems(ContentPart.SUBJECT, subject));
        }
        if (html == null || html.isBlank()) {
            problems.add(ContentProblem.required(ContentPart.HTML));
        } else {
            problems.addAll(problems(ContentPart.HTML, html));
        }
        problems.addAll(problems(ContentPart.TEXT, text));
        return List.copyOf(problems);
    }

    /** Everything wrong with one template (null reads as empty), by line. */
    public static List<ContentProblem> problems(ContentPart part, String template) {
        return compile(part, template, name -> isVariable(part, name)).problems();
    }

    /**
     * The template compiled, ready to render.
     *
     * @throws InvalidContentException if the template has {@linkplain #problems(ContentPart, String) problems}
     */
    public static PersonalizedTemplate compile(ContentPart part, String template) {
        return compile(part, template, name -> isVariable(part, name)).orThrow();
    }

    /** Whether a marketer's email template may use the variable. */
    public static boolean isVariable(String name) {
        return VARIABLES.contains(name) || isEnrichmentVariable(name);
    }

    /** Whether the variable is an Enrichment activity's value, {@code enrichment.<name>} with a valid name. */
    public static boolean isEnrichmentVariable(String name) {
        return name != null && ENRICHMENT_VARIABLE.matcher(name).matches();
    }

    /**
     * Each enrichment value the templates use shown as its own placeholder ({@code clicks} -> {@code
     * {{enrichment.clicks}}}): what previews and proofs, which have no workflow run, show in its place.
     */
    public static Map<String, String> enrichmentPlaceholders(String... templates) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (String name : enrichmentNames(templates)) {
            placeholders.put(name, "{{" + ENRICHMENT_PREFIX + name + "}}");
        }
        return placeholders;
    }

    /**
     * The names of the enrichment values the templates use ({@code clicks} for {@code {{enrichment.clicks}}}), in
     * order of first use; templates that do not compile are skipped (they are refused elsewhere).
     */
    public static List<String> enrichmentNames(String... templates) {
        Set<String> names = new LinkedHashSet<>();
        for (String template : templates) {
            Compilation compilation = compile(ContentPart.TEXT, template, name -> true);
            if (compilation.template() != null) {
                for (String variable : compilation.template().variables()) {
                    if (isEnrichmentVariable(variable)) {
                        names.add(variable.substring(ENRICHMENT_PREFIX.length()));
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    /** The variables a template of {@code part} may use: {@link #SMS_VARIABLES} in an SMS, else {@link #VARIABLES}. */
    public static List<String> variables(ContentPart part) {
        return part == ContentPart.SMS ? SMS_VARIABLES : VARIABLES;
    }

    /** Whether a template of {@code part} may use the variable. */
    public static boolean isVariable(ContentPart part, String name) {
        return variables(part).contains(name) || isEnrichmentVariable(name);
    }

    /** The variable the {@link LinkRewriter} puts in the href of the tracked link numbered {@code index}. */
    static String linkVariable(int index) {
        return LINK_PREFIX + index;
    }

    /**
     * The variable the {@link LinkRewriter} puts in a personalized link's href instead of {@code name}: its
     * value percent-encoded ({@link LinkUrl#encodeValue}).
     */
    static String urlVariable(String name) {
        return URL_PREFIX + name;
    }

    /** The variable whose value {@code variable} encodes for a URL, or null if it is not a {@link #urlVariable}. */
    static String urlEncoded(String variable) {
        return variable.startsWith(URL_PREFIX) && isVariable(variable.substring(URL_PREFIX.length()))
                ? variable.substring(URL_PREFIX.length())
                : null;
    }

    /**
     * A template rewritten by the {@link LinkRewriter}: it may also use the open pixel, the variables of
     * links 0 to {@code linkCount - 1} and the URL-encoded variables.
     */
    static PersonalizedTemplate compileRewritten(ContentPart part, String template, int linkCount) {
        return compile(
                        part,
                        template,
                        name -> isVariable(name)
                                || OPEN_PIXEL.equals(name)
                                || isLinkVariable(name, linkCount)
                                || urlEncoded(name) != null)
                .orThrow();
    }

    /** Whether the template uses the variable somewhere, in a tag or a section (false if it does not compile). */
    static boolean uses(String template, String variable) {
        Compilation compilation = compile(ContentPart.TEXT, template, name -> true);
        return compilation.template() != null
                && compilation.template().variables().contains(variable);
    }

    private static boolean isLinkVariable(String name, int linkCount) {
        if (!name.startsWith(LINK_PREFIX)
                || name.length() == LINK_PREFIX.length()
                || name.length() > LINK_PREFIX.length() + 9) {
            return false;
        }
        String digits = name.substring(LINK_PREFIX.length());
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return false;
        }
        return Integer.parseInt(digits) < linkCount;
    }

    private static Compilation compile(ContentPart part, String template, Predicate<String> known) {
        Objects.requireNonNull(part, "part");
        String source = template == null ? "" : template;
        ContentMustacheFactory factory = new ContentMustacheFactory(part, known);
        List<ContentProblem> problems = new ArrayList<>();
        Mustache mustache = null;
        try {
            mustache = factory.compile(new StringReader(source), part.name());
        } catch (ContentMustacheFactory.DelimiterChange e) {
            problems.add(ContentProblem.of(
                    part, 0, ContentProblem.Reason.DELIMITERS, "Changing the delimiters with {{=...=}}", "{{=...=}}"));
        } catch (MustacheException e) {
            problems.add(syntaxProblem(part, e));
        }
        problems.addAll(factory.problems());
        // By line, stable; problems without a line last.
        problems.sort(Comparator.comparingInt(p -> p.line() > 0 ? p.line() : Integer.MAX_VALUE));
        if (!problems.isEmpty() || mustache == null) {
            return new Compilation(null, List.copyOf(problems));
        }
        return new Compilation(new PersonalizedTemplate(part, source, mustache, factory.names()), List.of());
    }

    /** The parser's complaint in a marketer's words (the parser's messages are its only account of it). */
    private static ContentProblem syntaxProblem(ContentPart part, MustacheException e) {
        int line = e.getContext() == null ? 0 : e.getContext().line();
        String raw = e.getMessage() == null ? "" : e.getMessage();
        if (e.getContext() != null && raw.endsWith(" @" + e.getContext())) {
            raw = raw.substring(0, raw.length() - (" @" + e.getContext()).length());
        }
        if (raw.startsWith("Empty mustache")) {
            return syntax(part, line, ContentProblem.Reason.EMPTY_TAG, "{{}}");
        }
        if (raw.startsWith("Mismatched start/end tags: ")) {
            String tags = raw.substring("Mismatched start/end tags: ".length());
            int separator = tags.indexOf(" != ");
            int end = tags.indexOf(" in ", Math.max(separator, 0));
            String opened = separator < 0 ? "" : tags.substring(0, separator);
            String closed = separator < 0 ? tags : tags.substring(separator + 4, end < 0 ? tags.length() : end);
            return "null".equals(opened)
                    ? syntax(part, line, ContentProblem.Reason.SECTION_NOT_OPEN, "{{/" + closed + "}}")
                    : syntax(
                            part,
                            line,
                            ContentProblem.Reason.SECTION_CLOSED_BY_ANOTHER,
                            "{{#" + opened + "}}",
                            "{{/" + closed + "}}");
        }
        if (raw.startsWith("Failed to close '")) {
            String name = raw.substring("Failed to close '".length());
            int quote = name.indexOf('\'');
            name = quote < 0 ? name : name.substring(0, quote);
            return syntax(
                    part, line, ContentProblem.Reason.SECTION_NOT_CLOSED, "{{#" + name + "}}", "{{/" + name + "}}");
        }
        if (raw.startsWith("Improperly closed variable")) {
            return syntax(part, line, ContentProblem.Reason.TAG_NOT_CLOSED, "{{", "}}", "{{{", "}}}");
        }
        return syntax(part, line, ContentProblem.Reason.SYNTAX_ERROR, raw);
    }

    /** A syntax problem whose detail is its English wording. */
    private static ContentProblem syntax(
            ContentPart part, int line, ContentProblem.Reason reason, String... arguments) {
        return ContentProblem.of(part, line, reason, reason.english(List.of(arguments)), arguments);
    }

    /** A compiled template, or the problems that prevented it. */
    private record Compilation(PersonalizedTemplate template, List<ContentProblem> problems) {

        PersonalizedTemplate orThrow() {
            if (template == null) {
                throw new InvalidContentException(problems);
            }
            return template;
        }
    }
}
