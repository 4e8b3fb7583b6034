package io.crosscast.audience.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import does with the cells that say nothing or say something wrong, chosen by the marketer before
 * the file is read (import page, {@code POST /api/imports}) and echoed in the report.
 *
 * @param emptyCells    an empty cell of a column the file has: keep the recipient's value (the default) or
 *                      clear it. An empty opt-out cell never clears an opt-out: consent is given back only by an
 *                      explicit "no"
 * @param invalidValues an invalid value of an optional field (a mobile that is not a mobile number, an unknown
 *                      country...): reject the whole line (the default) or import the line without that value
 *                      and list it as a warning. An invalid or missing email address always rejects the line
 */
public record ImportChoices(EmptyCells emptyCells, InvalidValues invalidValues) {

    /** Keep the values of empty cells, reject lines with an invalid value. */
    public static final ImportChoices DEFAULT = new ImportChoices(EmptyCells.KEEP, InvalidValues.REJECT_LINE);

    public ImportChoices {
        Objects.requireNonNull(emptyCells, "emptyCells");
        Objects.requireNonNull(invalidValues, "invalidValues");
    }

    /** What an empty cell does. */
    public enum EmptyCells {
        KEEP,
        CLEAR;

        /** The name in the API and the report: {@code keep}, {@code clear}. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<EmptyCells> fromApiName(String name) {
            return Arrays.stream(values()).filter(v -> v.apiName().equals(name)).findFirst();
        }
    }

    /** What an invalid value of an optional field does. */
    public enum InvalidValues {
        REJECT_LINE("reject"),
        SKIP_VALUE("skip");

        private final String apiName;

        InvalidValues(String apiName) {
            this.apiName = apiName;
        }

        /** The name in the API and the report: {@code reject}, {@code skip}. */
        public String apiName() {
            return apiName;
        }

        public static Optional<InvalidValues> fromApiName(String name) {
            return Arrays.stream(values()).filter(v -> v.apiName.equals(name)).findFirst();
        }
    }

    /** Whether an empty cell of {@code field} keeps the recipient's value. */
    boolean keepsEmpty(ImportField field) {
        return emptyCells == EmptyCells.KEEP || field == ImportField.EMAIL_OPT_OUT || field == ImportField.SMS_OPT_OUT;
    }

    /** Whether an invalid value of {@code field} leaves the line imported without it. */
    boolean skipsInvalid(ImportField field) {
        return invalidValues == InvalidValues.SKIP_VALUE && field != ImportField.EMAIL;
    }
}
