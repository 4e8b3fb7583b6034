package io.crosscast.content;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A template compiled once and rendered for many recipients: rendering only walks the compiled form, it
 * never parses the text again. Thread-safe.
 */
public final class PersonalizedTemplate {

    private final ContentPart part;
    private final String source;
    private final Mustache mustache;
    private final Set<String> variables;

    PersonalizedTemplate(ContentPart part, String source, Mustache mustache, Set<String> variables) {
        this.part = part;
        this.source = source;
        this.mustache = mustache;
        this.variables = Set.copyOf(variables);
    }

    /** Which part this is, hence whether values are HTML-escaped. */
    public ContentPart part() {
        return part;
    }

    /** The template's text. */
    public String source() {
        return source;
    }

    /** The variables the template uses, sections included. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * The template with the given values; a variable without a value renders as nothing (an empty or
     * missing value also hides a {@code {{#name}}} section and shows a {@code {{^name}}} one).
     */
    public String render(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        StringWriter out = new StringWriter(source.length() + 64);
        mustache.execute(out, values);
        return out.toString();
    }
}
