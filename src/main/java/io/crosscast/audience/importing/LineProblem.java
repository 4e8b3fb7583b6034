package io.crosscast.audience.importing;

import io.crosscast.audience.contact.ContactProblem;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.platform.EnglishTemplate;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a line of an import file, or with the file when its reading stops.
 *
 * <p>{@link #message()} is English (REST API, logs). Pages word it in the viewer's language from its key
 * ({@link Code#key()}, or {@link ContactProblem#key()} for a value) and {@link #arguments()}; for a value
 * whose wording names its field ({@link ContactProblem#fieldArgument()}), they name {@link #field()} in
 * their own words.
 *
 * @param code      what is wrong
 * @param value     why the value is refused, when the code is {@link Code#INVALID_VALUE}; else null
 * @param field     the field the value was meant for, when the code is {@link Code#INVALID_VALUE}; else null
 * @param arguments the details the wording names, as documented on the code (or the value's problem)
 */
public record LineProblem(Code code, ContactProblem value, ImportField field, List<String> arguments)
        implements Serializable {

    /** What can be wrong, with its English wording. */
    public enum Code {

        /** A cell that is not a valid value of its field: see {@link LineProblem#value()}. */
        INVALID_VALUE("{0}"),
        /** No arguments. */
        EMAIL_MISSING("Email is missing"),
        /** Arguments: the file's encoding. */
        NOT_IN_ENCODING("Line is not valid {0}: was the file saved in another encoding?"),
        /** Arguments: the number of columns of the header, of the line. */
        WRONG_COLUMN_COUNT("Expected {0} columns, found {1}"),
        /** No arguments. */
        QUOTE_NOT_CLOSED("A quoted value is never closed (a \" is missing)"),
        /** No arguments. */
        TEXT_AFTER_QUOTE("Text follows a closing quote (a \" inside a quoted value must be doubled)"),
        /** Arguments: the CSV parser's message (English). */
        BROKEN_CSV("The CSV structure is broken: {0}"),
        /** Follows the problem of the line where reading stopped. No arguments. */
        REST_NOT_READ("the rest of the file was not read"),
        /** Why a reading stopped. Arguments: the number of columns of the header, of the mapping. */
        HEADER_DOES_NOT_MATCH("The file has {0} columns but the mapping was made for {1}: read its header again"),
        /** Why a reading stopped. No arguments. */
        EMPTY_FILE("The file is empty: its first line must name the columns"),
        /** Why a reading stopped, followed by the problem of that line. Arguments: the line. */
        STOPPED_AT_LINE("Reading stopped at line {0}:");

        private final String englishTemplate;

        Code(String englishTemplate) {
            this.englishTemplate = englishTemplate;
        }

        public String englishTemplate() {
            return englishTemplate;
        }

        /** The key of the wording in the web bundles. */
        public String key() {
            return "import.problem." + name();
        }
    }

    /** Checks that a value problem comes with its code; freezes the arguments. */
    public LineProblem {
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
        if ((code == Code.INVALID_VALUE) != (value != null)) {
            throw new IllegalArgumentException("A value problem, and only it, has code INVALID_VALUE");
        }
    }

    /** A problem of the line or the file (numbers and other values written with {@link String#valueOf}). */
    public static LineProblem of(Code code, Object... arguments) {
        return new LineProblem(code, null, null, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** A cell refused as a value of {@code field}. */
    public static LineProblem value(ImportField field, InvalidContactException refusal) {
        return new LineProblem(Code.INVALID_VALUE, refusal.problem(), field, refusal.arguments());
    }

    /** The key of the wording in the web bundles. */
    public String key() {
        return value != null ? value.key() : code.key();
    }

    /** The problem in English. */
    public String message() {
        return value != null ? value.format(arguments) : EnglishTemplate.format(code.englishTemplate(), arguments);
    }

    /** Several problems of a line, in English, as one reason: joined with {@code "; "}. */
    public static String reason(List<LineProblem> problems) {
        return String.join("; ", problems.stream().map(LineProblem::message).toList());
    }

    /** Why a reading stopped, in English: its problems joined with a space. */
    public static String abortReason(List<LineProblem> problems) {
        return problems.isEmpty() ? null : String.join(" ", problems.stream().map(LineProblem::message).toList());
    }

    @Override
    public String toString() {
        return message();
    }
}
