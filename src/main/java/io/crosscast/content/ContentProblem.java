package io.crosscast.content;

import io.crosscast.platform.EnglishTemplate;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a personalized template.
 *
 * <p>{@link #message()} is English (REST API, logs), from the English bundle. Pages translate a problem from its
 * {@link #reason()} (key {@link Reason#key()}) and {@link #arguments()}, which fill the {@code {0}}, {@code {1}}...
 * of the wording, and its {@link #part()} and {@link #line()} (keys {@value #AT_LINE} and {@value #IN_PART}).
 *
 * @param part      where: subject, HTML body, text body or SMS text
 * @param line      the line of the template (from 1), or 0 when unknown
 * @param code      what is wrong, for tests and callers that only need the kind
 * @param detail    what {@link Code} says about it: the variable's name, or the parser's explanation (English)
 * @param reason    what is wrong, precisely enough to be worded in any language
 * @param arguments the values {@link Reason} says, written as in a template ({@code {{firstName}}})
 */
public record ContentProblem(
        ContentPart part, int line, Code code, String detail, Reason reason, List<String> arguments)
        implements Serializable {

    /** The key of the wording of a problem at a line of a part: part, line, what. */
    public static final String AT_LINE = "content.problem.atLine";
    /** The key of the wording of a problem of a part: part, what. */
    public static final String IN_PART = "content.problem.inPart";

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
        REQUIRED,

        /** The detail is a link's href (shortened) that cannot be a link of an email. */
        LINK
    }

    /**
     * What is wrong, one value per wording: the {@link Code} refined (which feature is not supported, which
     * syntax error). Each documents its arguments; the English wording follows the part and line
     * ({@code HTML body, line 3: ...}).
     */
    public enum Reason {

        /** Arguments: the tag ({@code {{fisrtName}}}), the variables of the part joined with ", ". */
        UNKNOWN_VARIABLE(Code.UNKNOWN_VARIABLE),
        /** Arguments: the tag ({@code {{> footer}}}). */
        PARTIAL(Code.PARTIAL),
        /** Arguments: the tag as written ({@code {{{firstName}}}}), the tag to write ({@code {{firstName}}}). */
        UNESCAPED(Code.UNESCAPED),
        /** Arguments: {@code {{=...=}}}. */
        DELIMITERS(Code.UNSUPPORTED),
        /** Arguments: the tag ({@code {{%IMPLICIT-ITERATOR}}}). */
        PRAGMA(Code.UNSUPPORTED),
        /** Arguments: the tag ({@code {{<base}}}, {@code {{$block}}}, {@code {{?name}}}). */
        INHERITANCE(Code.UNSUPPORTED),
        /** Another feature. Arguments: its description (English). */
        UNSUPPORTED(Code.UNSUPPORTED),
        /** Arguments: {@code {{}}}. */
        EMPTY_TAG(Code.SYNTAX),
        /** Arguments: the closing tag ({@code {{/firstName}}}). */
        SECTION_NOT_OPEN(Code.SYNTAX),
        /** Arguments: the opening tag, the closing tag that does not match it. */
        SECTION_CLOSED_BY_ANOTHER(Code.SYNTAX),
        /** Arguments: the opening tag, the closing tag to add. */
        SECTION_NOT_CLOSED(Code.SYNTAX),
        /** Arguments: {@code {{}}, {@code }}}, {@code {{{}}, {@code }}}}. */
        TAG_NOT_CLOSED(Code.SYNTAX),
        /** Another syntax error. Arguments: the parser's message (English). */
        SYNTAX_ERROR(Code.SYNTAX),
        /** Arguments: none. */
        REQUIRED(Code.REQUIRED),
        /** Arguments: the href. */
        LINK_SCRIPT(Code.LINK),
        /** Arguments: the href. */
        LINK_RELATIVE(Code.LINK),
        /** Arguments: the href. */
        LINK_NO_HOST(Code.LINK),
        /** Arguments: the href. */
        LINK_BAD_HOST(Code.LINK),
        /** Arguments: the href. */
        LINK_BAD_PORT(Code.LINK),
        /** Arguments: the href. */
        LINK_BAD_PERCENT(Code.LINK),
        /** Arguments: the href. */
        LINK_USERINFO(Code.LINK),
        /** Arguments: the href. */
        LINK_INVALID(Code.LINK);

        private final Code code;

        Reason(Code code) {
            this.code = code;
        }

        public Code code() {
            return code;
        }

        /** The English wording with these arguments (without the part and line). */
        public String english(List<String> arguments) {
            return EnglishTemplate.text(EnglishTemplate.MESSAGES, key(), arguments);
        }

        /** The key of the wording in the web bundles. */
        public String key() {
            return "content.problem." + name();
        }
    }

    /** Checks that nothing is null and that the reason is one of the code's; freezes the arguments. */
    public ContentProblem {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(reason, "reason");
        if (reason.code() != code) {
            throw new IllegalArgumentException(reason + " is not a reason of " + code);
        }
        arguments = List.copyOf(arguments);
    }

    /**
     * A problem of one of the codes whose detail is a name ({@link Code#UNKNOWN_VARIABLE},
     * {@link Code#PARTIAL}, {@link Code#UNESCAPED}), or {@link Code#REQUIRED}. An English detail of
     * {@link Code#UNSUPPORTED} or {@link Code#SYNTAX} keeps its English words in every language.
     */
    public ContentProblem(ContentPart part, int line, Code code, String detail) {
        this(part, line, code, detail, reasonOf(code), argumentsOf(part, code, detail));
    }

    /** The part is empty and must not be. */
    public static ContentProblem required(ContentPart part) {
        return new ContentProblem(part, 0, Code.REQUIRED, "");
    }

    /** A problem worded by its reason; {@code detail} is what {@link #detail()} answers (English). */
    static ContentProblem of(ContentPart part, int line, Reason reason, String detail, String... arguments) {
        return new ContentProblem(part, line, reason.code(), detail, reason, List.of(arguments));
    }

    /** The problem in English, with its place: {@code HTML body, line 3: unknown variable {{fisrtName}}...}. */
    public String message() {
        String what = reason.english(arguments);
        List<String> place = line > 0 ? List.of(part.label(), String.valueOf(line), what) : List.of(part.label(), what);
        return EnglishTemplate.text(EnglishTemplate.MESSAGES, line > 0 ? AT_LINE : IN_PART, place);
    }

    @Override
    public String toString() {
        return message();
    }

    private static Reason reasonOf(Code code) {
        return switch (code) {
            case UNKNOWN_VARIABLE -> Reason.UNKNOWN_VARIABLE;
            case PARTIAL -> Reason.PARTIAL;
            case UNESCAPED -> Reason.UNESCAPED;
            case UNSUPPORTED -> Reason.UNSUPPORTED;
            case SYNTAX -> Reason.SYNTAX_ERROR;
            case REQUIRED -> Reason.REQUIRED;
            case LINK -> Reason.LINK_INVALID;
        };
    }

    private static List<String> argumentsOf(ContentPart part, Code code, String detail) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        return switch (code) {
            case UNKNOWN_VARIABLE ->
                List.of(
                        "{{" + detail + "}}",
                        String.join(", ", Personalization.variables(Objects.requireNonNull(part, "part"))));
            case PARTIAL -> List.of("{{> " + detail + "}}");
            case UNESCAPED -> List.of("{{{" + detail + "}}}", "{{" + detail + "}}");
            case UNSUPPORTED, SYNTAX, LINK -> List.of(detail);
            case REQUIRED -> List.of();
        };
    }
}
