package io.crosscast.delivery.content;

import java.io.Serializable;
import java.util.Objects;

/**
 * One thing wrong with a personalized template.
 *
 * @param part   where: subject, HTML body, text body or SMS text
 * @param line   the line of the template (from 1), or 0 when unknown
 * @param code   what is wrong, for translations and tests
 * @param detail what {@link Code} says about it: the variable's name, or the parser's explanation
 */
public record ContentProblem(ContentPart part, int line, Code code, String detail) implements Serializable {

    /** What can be wrong with a template. */
    public enum Code {

        /** The detail is a variable that does not exist. */
        UNKNOWN_VARIABLE,

        /** The detail is the name of a partial ({@code {{> name}}}): templates cannot include others. */
        PARTIAL,

        /** The detail is a variable written {@code {{{name}}}} or {@code {{&name}}} in the HTML body. */
        UNESCAPED,

        /** The detail names a Mustache feature templates cannot use (pragmas, inheritance, delimiters). */
        UNSUPPORTED,

        /** The detail explains why the template cannot be read (an unclosed section or tag...). */
        SYNTAX,

        /** A part that cannot be empty is empty; the detail is empty. */
        REQUIRED
    }

    /** Checks that nothing is null. */
    public ContentProblem {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /** The problem in English, with its place: {@code HTML body, line 3: unknown variable {{fisrtName}}...}. */
    public String message() {
        String where = line > 0 ? part.label() + ", line " + line : part.label();
        String what = switch (code) {
            case UNKNOWN_VARIABLE -> "unknown variable {{" + detail + "}}; the variables are "
                    + String.join(", ", Personalization.variables(part));
            case PARTIAL -> "{{> " + detail + "}} includes another template, which is not allowed";
            case UNESCAPED -> "{{{" + detail + "}}} would insert the value without HTML escaping; write {{"
                    + detail + "}}";
            case UNSUPPORTED -> detail + " is not supported";
            case SYNTAX -> detail;
            case REQUIRED -> "is empty";
        };
        return where + ": " + what;
    }

    @Override
    public String toString() {
        return message();
    }
}
