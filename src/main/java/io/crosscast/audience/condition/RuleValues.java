package io.crosscast.audience.condition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the raw values of a rule. The validator uses these methods to report bad values; the compilers
 * use them on values already validated. Every value is stripped of surrounding white space first.
 */
final class RuleValues {

    /** The largest number of days {@code in_last_days} accepts: about a century. */
    static final int MAX_DAYS = 36_500;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern NEGATIVE = Pattern.compile("-\\d{1,18}");

    private RuleValues() {}

    /** The value as compared with the field's column: stripped, then lower- or upper-cased if the field says so. */
    static String text(RecipientField field, String raw) {
        String value = raw.strip();
        return switch (field.valueCase()) {
            case AS_TYPED -> value;
            case LOWER -> value.toLowerCase(Locale.ROOT);
            case UPPER -> value.toUpperCase(Locale.ROOT);
        };
    }

    /** The stored form of an {@link FieldType#ENUM} value typed in any case, if it is one of the allowed values. */
    static Optional<String> enumValue(RecipientField field, String raw) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        return field.allowedValues().contains(value) ? Optional.of(value) : Optional.empty();
    }

    /** A date written yyyy-MM-dd (a real day of year 1 or later), if the value is one. */
    static Optional<LocalDate> date(String raw) {
        String value = raw.strip();
        if (!ISO_DATE.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            return date.getYear() >= 1 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A whole number of days from 0 to {@link #MAX_DAYS}, if the value is one. */
    static OptionalInt days(String raw) {
        String value = raw.strip();
        if (!DIGITS.matcher(value).matches()) {
            return OptionalInt.empty();
        }
        long days = Long.parseLong(value);
        return days <= MAX_DAYS ? OptionalInt.of((int) days) : OptionalInt.empty();
    }

    /** A list id (a positive number), if the value is one. */
    static OptionalLong listId(String raw) {
        String value = raw.strip();
        if (!DIGITS.matcher(value).matches()) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** A delivery id (a positive number), if the value is one. */
    static OptionalLong deliveryId(String raw) {
        return listId(raw);
    }

    /**
     * The delivery a behaviour rule names: empty when it names none (no value, or a blank one), meaning
     * the delivery of the incoming transition. The value must have been validated.
     */
    static OptionalLong behaviourDelivery(Rule rule) {
        if (rule.values().isEmpty() || rule.values().get(0).isBlank()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(deliveryId(rule.values().get(0)).orElseThrow(() -> RuleCompiler.unexpected(rule)));
    }

    /** Whether the value is a whole number, maybe negative, even if not a valid list id (for the message). */
    static boolean isWholeNumber(String raw) {
        String value = raw.strip();
        return DIGITS.matcher(value).matches() || NEGATIVE.matcher(value).matches();
    }

    /**
     * The value lower-cased, with the LIKE wildcards {@code %} and {@code _} and the escape character
     * {@code \} escaped by {@code \}, for {@code LIKE ? ESCAPE '\'}.
     */
    static String likeLiteral(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
