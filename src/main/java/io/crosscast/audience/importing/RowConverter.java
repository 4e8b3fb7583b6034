package io.crosscast.audience.importing;

import io.crosscast.audience.contact.EmailAddresses;
import io.crosscast.audience.contact.InvalidContactException;
import io.crosscast.audience.contact.PhoneNumbers;
import io.crosscast.platform.SpreadsheetCells;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the cells of one CSV record into an {@link ImportRow}, checking every mapped field. All the
 * problems of a record are reported together (email first, then the other fields), joined with
 * {@code "; "}.
 */
final class RowConverter {

    private final Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
    private final PhoneNumbers phoneNumbers;
    private final LocalDate today;
    private final ImportChoices choices;

    RowConverter(ColumnMapping mapping, PhoneNumbers phoneNumbers, LocalDate today, ImportChoices choices) {
        for (ImportField field : mapping.mappedFields()) {
            columns.put(field, mapping.columnOf(field).getAsInt());
        }
        this.phoneNumbers = phoneNumbers;
        this.today = today;
        this.choices = choices;
    }

    /**
     * @param cells the record's cells, as many as the mapping has columns
     * @throws RowRejectedException naming every problem of the record
     */
    ImportRow convert(long lineNumber, String[] cells) throws RowRejectedException {
        Reading reading = new Reading(cells);
        String email = reading.email();
        String country = reading.value(ImportField.COUNTRY, FieldValues::country);
        String firstName = reading.value(
                ImportField.FIRST_NAME,
                cell -> FieldValues.text(cell, FieldValues.NAME_MAX_LENGTH, ImportField.FIRST_NAME));
        String lastName = reading.value(
                ImportField.LAST_NAME,
                cell -> FieldValues.text(cell, FieldValues.NAME_MAX_LENGTH, ImportField.LAST_NAME));
        String mobilePhone = reading.value(ImportField.MOBILE_PHONE, cell -> phoneNumbers.toE164(cell, country));
        String status = reading.value(ImportField.STATUS, FieldValues::status);
        String language = reading.value(ImportField.LANGUAGE, FieldValues::language);
        LocalDate birthDate = reading.value(ImportField.BIRTH_DATE, cell -> FieldValues.birthDate(cell, today));
        Boolean emailOptOut =
                reading.value(ImportField.EMAIL_OPT_OUT, cell -> FieldValues.yesNo(cell, ImportField.EMAIL_OPT_OUT));
        Boolean smsOptOut =
                reading.value(ImportField.SMS_OPT_OUT, cell -> FieldValues.yesNo(cell, ImportField.SMS_OPT_OUT));
        if (!reading.problems.isEmpty()) {
            throw new RowRejectedException(reading.problems);
        }
        return new ImportRow(
                lineNumber,
                email,
                EmailAddresses.key(email),
                firstName,
                lastName,
                mobilePhone,
                status,
                country,
                language,
                birthDate,
                emailOptOut,
                smsOptOut,
                new String(reading.kept),
                reading.emptyCells,
                reading.warnings);
    }

    /** The cells of one record and the problems found so far. */
    private final class Reading {

        private final String[] cells;
        private final List<LineProblem> problems = new ArrayList<>(2);
        private final List<LineProblem> warnings = new ArrayList<>(0);
        private final char[] kept = ImportRow.NONE_KEPT.toCharArray();
        private int emptyCells;

        Reading(String[] cells) {
            this.cells = cells;
        }

        String email() {
            if (cell(ImportField.EMAIL) == null) {
                problems.add(LineProblem.of(LineProblem.Code.EMAIL_MISSING));
                return null;
            }
            return value(ImportField.EMAIL, EmailAddresses::normalise);
        }

        /**
         * The field's value, or null when its column is not mapped, its cell is empty or not valid. An empty
         * cell and a value left out are marked kept as the import's choices say; an invalid value is a problem
         * of the line, or a warning when the import skips invalid values.
         */
        <T> T value(ImportField field, Function<String, T> parser) {
            String cell = cell(field);
            if (cell == null) {
                if (columns.containsKey(field)) {
                    emptyCells++;
                    if (choices.keepsEmpty(field)) {
                        kept[field.ordinal()] = 'K';
                    }
                }
                return null;
            }
            try {
                return parser.apply(cell);
            } catch (InvalidContactException e) {
                if (choices.skipsInvalid(field)) {
                    warnings.add(LineProblem.value(field, e));
                    kept[field.ordinal()] = 'K';
                } else {
                    problems.add(LineProblem.value(field, e));
                }
                return null;
            }
        }

        /**
         * The field's cell trimmed, or null when its column is not mapped or the cell is blank. A cell that
         * an export protected from spreadsheets ({@code '+33612345678}) is read without that quote.
         */
        private String cell(ImportField field) {
            Integer column = columns.get(field);
            if (column == null) {
                return null;
            }
            String cell = SpreadsheetCells.restore(cells[column].strip()).strip();
            return cell.isEmpty() ? null : cell;
        }
    }
}
