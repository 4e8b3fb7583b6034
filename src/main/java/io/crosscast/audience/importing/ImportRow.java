package io.crosscast.audience.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * One valid line of a recipient import, its values normalised for the database.
 * <p>A null value means the line gives none: either its column is not mapped or its cell is empty. Which
 * of the two is known from {@link ColumnMapping#mappedFields()}; the import leaves unmapped fields
 * unchanged when it updates an existing recipient.
 *
 * @param lineNumber  physical line of the file where the record starts (the header is line 1)
 * @param email       the address, trimmed, in its original case; never null
 * @param emailKey    the address lower-cased, which identifies the recipient; never null
 * @param firstName   trimmed, at most 100 characters
 * @param lastName    trimmed, at most 100 characters
 * @param mobilePhone E.164, read with the line's country (or the default region) as region hint
 * @param status      {@code GOLD}, {@code SILVER}, {@code BRONZE} or {@code NONE}
 * @param country     ISO 3166 alpha-2 code, upper case
 * @param language    BCP 47 language tag in its canonical case, for example {@code fr} or {@code en-GB}
 * @param birthDate   not in the future
 * @param emailOptOut true when the recipient refuses emails
 * @param smsOptOut   true when the recipient refuses text messages
 * @param keptFields  one character per {@link ImportField} (by ordinal): {@code K} when an update must keep
 *                    the recipient's value of that field (its cell was empty and the import keeps empty cells,
 *                    or its invalid value was left out), {@code -} otherwise
 * @param emptyCells  how many cells of the file's columns were empty on this line
 * @param warnings    the invalid values left out of this line (the import was told to skip them)
 */
public record ImportRow(
        long lineNumber,
        String email,
        String emailKey,
        String firstName,
        String lastName,
        String mobilePhone,
        String status,
        String country,
        String language,
        LocalDate birthDate,
        Boolean emailOptOut,
        Boolean smsOptOut,
        String keptFields,
        int emptyCells,
        List<LineProblem> warnings) {

    /** Freezes the warnings (null: none); null kept fields: none kept. */
    public ImportRow {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        keptFields = keptFields == null ? NONE_KEPT : keptFields;
    }

    /** No field kept: every mapped column's value (null included) is written. */
    public static final String NONE_KEPT = "-".repeat(ImportField.values().length);

    /** A line with every cell given and valid. */
    public ImportRow(
            long lineNumber,
            String email,
            String emailKey,
            String firstName,
            String lastName,
            String mobilePhone,
            String status,
            String country,
            String language,
            LocalDate birthDate,
            Boolean emailOptOut,
            Boolean smsOptOut) {
        this(
                lineNumber,
                email,
                emailKey,
                firstName,
                lastName,
                mobilePhone,
                status,
                country,
                language,
                birthDate,
                emailOptOut,
                smsOptOut,
                NONE_KEPT,
                0,
                List.of());
    }
}
