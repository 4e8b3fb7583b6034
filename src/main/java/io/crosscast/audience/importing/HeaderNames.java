package io.crosscast.audience.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recognises the field a CSV header names, ignoring case, accents, spaces and punctuation. */
final class HeaderNames {

    private static final Map<String, ImportField> FIELDS_BY_NAME = fieldsByName();

    private HeaderNames() {}

    /** The field a header names, if it is one of the field's key, label or known header names. */
    static Optional<ImportField> fieldFor(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(FIELDS_BY_NAME.get(comparable(header)));
    }

    /**
     * The header reduced to its lower-case letters and digits without accents:
     * {@code "Date_de-Naissance"} and {@code "date de naissance"} both give {@code "datedenaissance"}.
     */
    static String comparable(String header) {
        String decomposed = Normalizer.normalize(header, Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
        return letters.toString().toLowerCase(Locale.ROOT);
    }

    private static Map<String, ImportField> fieldsByName() {
        Map<String, ImportField> fields = new HashMap<>();
        for (ImportField field : ImportField.values()) {
            register(fields, field.key(), field);
            register(fields, field.label(), field);
            field.headerNames().forEach(name -> register(fields, name, field));
        }
        return Map.copyOf(fields);
    }

    private static void register(Map<String, ImportField> fields, String name, ImportField field) {
        ImportField previous = fields.put(comparable(name), field);
        if (previous != null && previous != field) {
            throw new IllegalStateException(
                    "Header name '" + name + "' is claimed by both " + previous + " and " + field);
        }
    }
}
