package io.crosscast.audience.importing;

import io.crosscast.audience.contact.ContactProblem;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.platform.EnglishTemplate;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * One thing wrong with a line of an import file, or with the file when its reading stops.
 *
 * <p>{@link #message()} is English (REST API, logs). Pages word it in the viewer's language from its key
 * ({@link Code#key()}, or {@link ContactProblem#key()} for a value) and {@link #arguments()}; for a value
 * whose wording names its field ({@link ContactProblem#fieldArgument()}), they name {@link #field()} in
 * their own words.
 *
 * <p>A value is quoted at most {@value #MAX_QUOTED_LENGTH} characters long: a longer argument is cut and
 * ends with {@code "…"}, and the wording tells its full length after it, for example
 * {@code 'aaaa…' (5,000 characters) is not a status: use GOLD, SILVER, BRONZE or NONE}
 * ({@link #withLengths}). So a line's reason stays short, however long its cells.
 *
 * @param code        what is wrong
 * @param value       why the value is refused, when the code is {@link Code#INVALID_VALUE}; else null
 * @param field       the field the value was meant for, when the code is {@link Code#INVALID_VALUE}; else null
 * @param arguments   the details the wording names, as documented on the code (or the value's problem), each
 *                    at most {@value #MAX_QUOTED_LENGTH} characters and {@code "…"}
 * @param fullLengths for each argument, its length in characters when it was cut, else 0
 */
public record LineProblem(
        Code code, ContactProblem value, ImportField field, List<String> arguments, List<Integer> fullLengths)
        implements Serializable {

    /** Longest value quoted whole in a problem (characters, that is code points). */
    public static final int MAX_QUOTED_LENGTH = 100;

    /** The key of the wording that tells the full length of a cut value: {@code " (5,000 characters)"}. */
    public static final String CUT_VALUE = "import.problem.cutValue";

    /** What can be wrong; its wording is the web bundles' (key {@link #key()}). */
    public enum Code {

        /** A cell that is not a valid value of its field: see {@link LineProblem#value()}. */
        INVALID_VALUE,
        /** No arguments. */
        EMAIL_MISSING,
        /** Arguments: the file's encoding. */
        NOT_IN_ENCODING,
        /** Arguments: the number of columns of the header, of the line. */
        WRONG_COLUMN_COUNT,
        /** No arguments. */
        QUOTE_NOT_CLOSED,
        /** No arguments. */
        TEXT_AFTER_QUOTE,
        /** Arguments: the CSV parser's message (English). */
        BROKEN_CSV,
        /** Follows the problem of the line where reading stopped. No arguments. */
        REST_NOT_READ,
        /** Why a reading stopped. Arguments: the number of columns of the header, of the mapping. */
        HEADER_DOES_NOT_MATCH,
        /** Why a reading stopped. No arguments. */
        EMPTY_FILE,
        /** Why a reading stopped, followed by the problem of that line. Arguments: the line. */
        STOPPED_AT_LINE;

        /** The key of the wording in the web bundles. */
        public String key() {
            return "import.problem." + name();
        }
    }

    /** Checks that a value problem comes with its code and a length for each argument; freezes the lists. */
    public LineProblem {
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
        fullLengths = List.copyOf(fullLengths);
        if ((code == Code.INVALID_VALUE) != (value != null)) {
            throw new IllegalArgumentException("A value problem, and only it, has code INVALID_VALUE");
        }
        if (fullLengths.size() != arguments.size()) {
            throw new IllegalArgumentException("One length for each argument");
        }
    }

    /** A problem with these arguments, those longer than {@value #MAX_QUOTED_LENGTH} characters cut. */
    public LineProblem(Code code, ContactProblem value, ImportField field, List<String> arguments) {
        this(
                code,
                value,
                field,
                arguments.stream().map(LineProblem::cut).toList(),
                arguments.stream().map(LineProblem::lengthIfCut).toList());
    }

    /** A problem of the line or the file (numbers and other values written with {@link String#valueOf}). */
    public static LineProblem of(Code code, Object... arguments) {
        return new LineProblem(
                code, null, null, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** A cell refused as a value of {@code field}. */
    public static LineProblem value(ImportField field, InvalidContactException refusal) {
        return new LineProblem(Code.INVALID_VALUE, refusal.problem(), field, refusal.arguments());
    }

    /** The key of the wording in the web bundles. */
    public String key() {
        return value != null ? value.key() : code.key();
    }

    /** The problem in English, from the English bundle. */
    public String message() {
        return EnglishTemplate.fill(
                withLengths(
                        EnglishTemplate.pattern(EnglishTemplate.MESSAGES, key()),
                        length -> EnglishTemplate.literal(
                                EnglishTemplate.text(EnglishTemplate.MESSAGES, CUT_VALUE, List.of(length)))),
                arguments);
    }

    /** Whether an argument was cut (its wording must then tell its length: {@link #withLengths}). */
    public boolean hasCutArguments() {
        return fullLengths.stream().anyMatch(length -> length > 0);
    }

    /**
     * A wording (a {@link java.text.MessageFormat} pattern of the bundles) that tells the full length of each cut
     * argument right after it, after its closing quote if any ({@code '{0}'}, {@code ''{0}''} or {@code « {0} »}).
     *
     * @param note the text that tells a length, for example {@code " (5,000 characters)"}; it is inserted
     *             as it is, so it must hold no quote or brace when the wording is a MessageFormat pattern
     */
    public String withLengths(String template, IntFunction<String> note) {
        String result = template;
        for (int i = fullLengths.size() - 1; i >= 0; i--) {
            int length = fullLengths.get(i);
            int at = length > 0 ? result.indexOf("{" + i + "}") : -1;
            if (at >= 0) {
                int end = afterClosingQuote(result, at + ("{" + i + "}").length());
                result = result.substring(0, end) + note.apply(length) + result.substring(end);
            }
        }
        return result;
    }

    private static int afterClosingQuote(String template, int position) {
        for (String quote : CLOSING_QUOTES) {
            if (template.startsWith(quote, position)) {
                return position + quote.length();
            }
        }
        return position;
    }

    /** Closing quotes after a value, longest first. */
    private static final List<String> CLOSING_QUOTES = List.of("''", " »", "\u00a0»", "\u202f»", "'", "»", "\"", "’");

    /** The argument cut to {@value #MAX_QUOTED_LENGTH} characters and {@code "…"} when longer. */
    static String cut(String argument) {
        if (argument == null || argument.codePointCount(0, argument.length()) <= MAX_QUOTED_LENGTH) {
            return argument;
        }
        return argument.substring(0, argument.offsetByCodePoints(0, MAX_QUOTED_LENGTH)) + "…";
    }

    private static Integer lengthIfCut(String argument) {
        int length = argument == null ? 0 : argument.codePointCount(0, argument.length());
        return length > MAX_QUOTED_LENGTH ? length : 0;
    }

    /** Several problems of a line, in English, as one reason: joined with {@code "; "}. */
    public static String reason(List<LineProblem> problems) {
        return String.join("; ", problems.stream().map(LineProblem::message).toList());
    }

    /** Why a reading stopped, in English: its problems joined with a space. */
    public static String abortReason(List<LineProblem> problems) {
        return problems.isEmpty()
                ? null
                : String.join(" ", problems.stream().map(LineProblem::message).toList());
    }

    @Override
    public String toString() {
        return message();
    }
}
