package io.crosscast.platform;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV written for spreadsheets, safe to open: a cell that a spreadsheet would run as a formula (CSV
 * injection) is written as text. Every CSV download of the application goes through {@link #printer}.
 *
 * <p>The rule is OWASP's: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading single quote, which spreadsheets read as "text" and do not show; the
 * cell is then quoted as CSV requires. So {@code =cmd|' /C calc'!A0} is written {@code '=cmd|' /C calc'!A0}
 * and a phone number {@code +33612345678} is written {@code '+33612345678}.
 *
 * <p>The import reads such a cell back with {@link #restore}: exactly one leading quote before a formula
 * character is removed, so an export imports back unchanged. For the round trip to hold for every value,
 * a value that already starts with quotes followed by a formula character ({@code '-x}) gets one more
 * quote too ({@code ''-x}), and {@link #restore} removes one quote from any run of quotes followed by a
 * formula character: {@code restore(neutralise(v))} is {@code v} for every {@code v}.
 */
public final class SpreadsheetCells {

    /** The characters that make a spreadsheet read a cell as a formula when it starts with one. */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {}

    /** The cell as text a spreadsheet will not run: a quote added before a formula start; null stays null. */
    public static String neutralise(String cell) {
        return needsQuote(cell) ? "'" + cell : cell;
    }

    /**
     * An imported cell as it was before {@link #neutralise}: one leading quote removed when the cell is
     * quotes followed by a formula character ({@code '+33612345678} gives {@code +33612345678}); any
     * other cell unchanged (null stays null).
     */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && needsQuote(cell) ? cell.substring(1) : cell;
    }

    /** Whether the cell is any number of quotes (none included) followed by a formula character. */
    private static boolean needsQuote(String cell) {
        if (cell == null) {
            return false;
        }
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(i)) >= 0;
    }

    /** A CSV printer (RFC 4180 quoting, comma, CRLF) writing the header row, then rows of neutralised cells. */
    public static Printer printer(Writer out, List<String> header) throws IOException {
        return new Printer(new CSVPrinter(out, CSVFormat.DEFAULT), header);
    }

    /**
     * Writes rows of neutralised cells: every value is written as its text ({@link String#valueOf}), and
     * neutralised, except numbers, which stay numbers ({@code -5} is not a formula); null is an empty cell.
     */
    public static final class Printer implements Flushable, Closeable {

        private final CSVPrinter csv;

        private Printer(CSVPrinter csv, List<String> header) throws IOException {
            this.csv = csv;
            printRecord(header.toArray());
        }

        /** One row. */
        public void printRecord(Object... cells) throws IOException {
            Object[] safe = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                safe[i] = cells[i] == null || cells[i] instanceof Number
                        ? cells[i]
                        : neutralise(String.valueOf(cells[i]));
            }
            csv.printRecord(safe);
        }

        @Override
        public void flush() throws IOException {
            csv.flush();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
