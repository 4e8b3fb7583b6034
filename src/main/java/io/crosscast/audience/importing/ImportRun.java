package io.crosscast.audience.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One reading of an import file: walks the parser's records one at a time, checks the header, and hands
 * every following record to the consumer of accepted rows or of rejected lines.
 * <p>Line numbers are those of the file: the parser counts the line breaks it consumes, so a record
 * starts on the line after those consumed by the records before it (blank lines are records too, which
 * keeps the count exact; they are then skipped).
 */
final class ImportRun {

    /** Raw text handed to a rejected line: one character more than it keeps, so that it marks the cut. */
    private static final int RAW_TEXT_LIMIT = RejectedLine.MAX_RAW_LINE_LENGTH + 1;

    private final CSVParser parser;
    private final RecordTextTracker text;
    private final int expectedColumns;
    private final RowConverter converter;
    private final String encodingProblem;
    private final Consumer<ImportRow> acceptedRows;
    private final Consumer<RejectedLine> rejectedLines;
    private long accepted;
    private long rejected;

    ImportRun(CSVParser parser, RecordTextTracker text, Charset charset, int expectedColumns,
            RowConverter converter, Consumer<ImportRow> acceptedRows, Consumer<RejectedLine> rejectedLines) {
        this.parser = parser;
        this.text = text;
        this.expectedColumns = expectedColumns;
        this.converter = converter;
        this.encodingProblem = "Line is not valid " + charset.name() + ": was the file saved in another encoding?";
        this.acceptedRows = acceptedRows;
        this.rejectedLines = rejectedLines;
    }

    ImportSummary run() throws IOException {
        Iterator<CSVRecord> records = parser.iterator();
        boolean header = true;
        while (true) {
            long lineNumber = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                return abortAt(lineNumber, e);
            }
            text.nextRecord(parser.getCurrentLineNumber() - lineNumber + 1);
            if (header) {
                if (record.size() != expectedColumns) {
                    return summary("The file has " + record.size() + " columns but the mapping was made for "
                            + expectedColumns + ": read its header again");
                }
                header = false;
            } else {
                handle(lineNumber, record.values());
            }
        }
        return summary(header ? "The file is empty: its first line must name the columns" : null);
    }

    private void handle(long lineNumber, String[] cells) {
        if (isBlank(cells)) {
            return;
        }
        if (DecodedInput.hasUndecodableBytes(cells)) {
            reject(lineNumber, encodingProblem);
        } else if (cells.length != expectedColumns) {
            reject(lineNumber, "Expected " + expectedColumns + " columns, found " + cells.length);
        } else {
            ImportRow row;
            try {
                row = converter.convert(lineNumber, cells);
            } catch (RowRejectedException e) {
                reject(lineNumber, e.getMessage());
                return;
            }
            accepted++;
            acceptedRows.accept(row);
        }
    }

    private void reject(long lineNumber, String reason) {
        rejected++;
        rejectedLines.accept(new RejectedLine(lineNumber, reason, text.recordText(RAW_TEXT_LIMIT)));
    }

    /**
     * Reports the record the parser could not read and stops: past a broken structure (typically a quote
     * that is never closed), the parser cannot tell where the following records start.
     *
     * @throws IOException when the failure is the input's, not the file's structure
     */
    private ImportSummary abortAt(long lineNumber, RuntimeException failure) throws IOException {
        if (failure.getCause() instanceof IOException cause && !(cause instanceof CSVException)) {
            throw cause;
        }
        String problem = describe(failure);
        rejected++;
        rejectedLines.accept(new RejectedLine(lineNumber, problem + "; the rest of the file was not read",
                text.followingLine(RAW_TEXT_LIMIT)));
        return summary("Reading stopped at line " + lineNumber + ": " + problem);
    }

    private static String describe(RuntimeException failure) {
        String message = failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            return "A quoted value is never closed (a \" is missing)";
        }
        if (message != null && message.contains("Invalid character between encapsulated token and delimiter")) {
            return "Text follows a closing quote (a \" inside a quoted value must be doubled)";
        }
        return "The CSV structure is broken: " + message;
    }

    private ImportSummary summary(String abortReason) {
        return new ImportSummary(accepted + rejected, accepted, rejected, abortReason != null, abortReason);
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
