package io.crosscast.delivery.sms;

import io.crosscast.content.ContentPart;
import io.crosscast.content.ContentProblem;
import io.crosscast.content.InvalidContentException;
import io.crosscast.content.Personalization;
import io.crosscast.content.PersonalizedTemplate;
import io.crosscast.content.RecipientValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The SMS text of one delivery, compiled once and rendered per recipient.
 *
 * <p>The text is a Mustache template like an email's text body ({@link Personalization}, part
 * {@link ContentPart#SMS}): recipient variables ({@code {{firstName}}}...), written as they are (no HTML
 * escaping), sections and comments; an unknown variable, a partial or a syntax error is a
 * {@link ContentProblem} naming the line, and an empty text is one too.
 *
 * <p><b>Tracked link.</b> {@code {{link}}} stands for a link whose clicks are tracked: for each recipient the
 * composer asks the caller's callback for the URL to put there (typically the delivery's click-tracking URL
 * for that recipient, which redirects to the marketer's page), and only when the text uses it. The text's
 * length, hence its number of parts, is that of the text with the URL in place: keep tracking URLs short.
 *
 * <p>Rendered texts have their line ends as {@code \n} (a CR would cost a character) and no leading or
 * trailing white space (an empty value at the end leaves none). Immutable and thread-safe.
 */
public final class SmsComposer {

    /** The variable of the tracked link: {@code {{link}}}. */
    public static final String LINK = Personalization.SMS_LINK;

    private final PersonalizedTemplate template;
    private final boolean usesLink;

    private SmsComposer(PersonalizedTemplate template) {
        this.template = template;
        this.usesLink = template.variables().contains(LINK);
    }

    /** Everything wrong with an SMS text, by line; empty when it can be compiled. */
    public static List<ContentProblem> problems(String text) {
        if (text == null || text.isBlank()) {
            return List.of(ContentProblem.required(ContentPart.SMS));
        }
        return Personalization.problems(ContentPart.SMS, text);
    }

    /**
     * The text compiled, ready to render for each recipient.
     *
     * @throws InvalidContentException if the text has {@linkplain #problems(String) problems}
     */
    public static SmsComposer compile(String text) {
        List<ContentProblem> problems = problems(text);
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        return new SmsComposer(Personalization.compile(ContentPart.SMS, text));
    }

    /** The text as written. */
    public String template() {
        return template.source();
    }

    /** Whether the text has the tracked link {@code {{link}}}. */
    public boolean usesLink() {
        return usesLink;
    }

    /**
     * The SMS of one recipient, for a text without {@code {{link}}}.
     *
     * @throws IllegalStateException if the text uses {@code {{link}}}: give its URL
     */
    public SmsContent compose(RecipientValues values) {
        if (usesLink) {
            throw new IllegalStateException("The SMS text uses {{" + LINK + "}}: give the URL of the link");
        }
        return compose(values, null);
    }

    /**
     * The SMS of one recipient.
     *
     * @param linkUrl the URL that replaces {@code {{link}}} for a recipient id (0 for someone who is not a
     *                recipient, e.g. a proof), called only when the text uses it; an absolute URL without
     *                white space
     * @throws IllegalStateException if the text uses {@code {{link}}} and the URL is missing or not one token
     */
    public SmsContent compose(RecipientValues values, LongFunction<String> linkUrl) {
        Objects.requireNonNull(values, "values");
        Map<String, String> scope = values.variables();
        if (usesLink) {
            if (linkUrl == null) {
                throw new IllegalStateException("The SMS text uses {{" + LINK + "}}: give the URL of the link");
            }
            scope.put(LINK, checkedUrl(linkUrl.apply(values.recipientId())));
        }
        return SmsContent.of(normalize(template.render(scope)));
    }

    /** Line ends as {@code \n}, no white space around. */
    static String normalize(String rendered) {
        return rendered.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isEmpty()) {
            throw new IllegalStateException("The URL of {{" + LINK + "}} is empty");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new IllegalStateException("The URL of {{" + LINK + "}} has white space: " + url);
            }
        }
        return url;
    }
}
