package io.crosscast.audience.importing;

import io.crosscast.audience.contact.ContactProblem;
import io.crosscast.audience.contact.InvalidContactException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the text of an import cell as the value of a recipient field. Every method takes a trimmed,
 * non-empty cell and throws {@link InvalidContactException} with a message for the user when the cell does
 * not hold a valid value.
 */
final class FieldValues {

    static final int NAME_MAX_LENGTH = 100;
    static final int LANGUAGE_MAX_LENGTH = 8;

    private static final Set<String> STATUSES = Set.of("GOLD", "SILVER", "BRONZE", "NONE");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("true", true),
            Map.entry("yes", true),
            Map.entry("y", true),
            Map.entry("1", true),
            Map.entry("oui", true),
            Map.entry("false", false),
            Map.entry("no", false),
            Map.entry("n", false),
            Map.entry("0", false),
            Map.entry("non", false));

    private FieldValues() {}

    /** Free text of at most {@code maxLength} characters (code points, as the database counts them). */
    static String text(String cell, int maxLength, ImportField field) {
        int length = cell.codePointCount(0, cell.length());
        if (length > maxLength) {
            throw new InvalidContactException(ContactProblem.TOO_LONG, field.label(), maxLength, length);
        }
        return cell;
    }

    /** One of GOLD, SILVER, BRONZE and NONE, in any case; returned in upper case. */
    static String status(String cell) {
        String status = cell.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new InvalidContactException(ContactProblem.NOT_A_STATUS, cell);
        }
        return status;
    }

    /** An ISO 3166 alpha-2 country code, in any case; returned in upper case. */
    static String country(String cell) {
        String country = cell.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new InvalidContactException(ContactProblem.NOT_A_COUNTRY, cell);
        }
        return country;
    }

    /**
     * A BCP 47 language tag, checked loosely: a 2 or 3-letter language and optional subtags, at most
     * {@value #LANGUAGE_MAX_LENGTH} characters; {@code _} is read as {@code -}. Returned in canonical case
     * ({@code EN_gb} gives {@code en-GB}).
     */
    static String language(String cell) {
        if (LANGUAGE_TAG.matcher(cell).matches()) {
            String tag = Locale.forLanguageTag(cell.replace('_', '-')).toLanguageTag();
            if (!"und".equals(tag) && tag.length() <= LANGUAGE_MAX_LENGTH) {
                return tag;
            }
        }
        throw new InvalidContactException(ContactProblem.NOT_A_LANGUAGE, cell);
    }

    /** A date written yyyy-MM-dd or dd/MM/yyyy, not after {@code today}. */
    static LocalDate birthDate(String cell, LocalDate today) {
        LocalDate date = parseDate(cell);
        if (date.isAfter(today)) {
            throw new InvalidContactException(ContactProblem.BIRTH_DATE_IN_FUTURE, cell);
        }
        return date;
    }

    /** true/false, yes/no, y/n, 1/0 or oui/non, in any case. */
    static Boolean yesNo(String cell, ImportField field) {
        Boolean value = BOOLEANS.get(cell.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new InvalidContactException(ContactProblem.NOT_YES_OR_NO, cell, field.label());
        }
        return value;
    }

    private static LocalDate parseDate(String cell) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(cell, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new InvalidContactException(ContactProblem.NOT_A_DATE, cell);
    }
}
