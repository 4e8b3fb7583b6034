package io.crosscast.audience.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
    private final LineProblem encodingProblem;
    private final Consumer<ImportRow> acceptedRows;
    private final Consumer<RejectedLine> rejectedLines;
    private final Consumer<RejectedLine> warnedLines;
    private long accepted;
    private long rejected;

    ImportRun(
            CSVParser parser,
            RecordTextTracker text,
            Charset charset,
            int expectedColumns,
            RowConverter converter,
            Consumer<ImportRow> acceptedRows,
            Consumer<RejectedLine> rejectedLines,
            Consumer<RejectedLine> warnedLines) {
        this.parser = parser;
        this.text = text;
        this.expectedColumns = expectedColumns;
        this.converter = converter;
        this.encodingProblem = LineProblem.of(LineProblem.Code.NOT_IN_ENCODING, charset.name());
        this.acceptedRows = acceptedRows;
        this.rejectedLines = rejectedLines;
        this.warnedLines = warnedLines;
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
                    return summary(List.of(
                            LineProblem.of(LineProblem.Code.HEADER_DOES_NOT_MATCH, record.size(), expectedColumns)));
                }
                header = false;
            } else {
                handle(lineNumber, record.values());
            }
        }
        return summary(header ? List.of(LineProblem.of(LineProblem.Code.EMPTY_FILE)) : List.of());
    }

    private void handle(long lineNumber, String[] cells) {
        if (isBlank(cells)) {
            return;
        }
        if (DecodedInput.hasUndecodableBytes(cells)) {
            reject(lineNumber, List.of(encodingProblem));
        } else if (cells.length != expectedColumns) {
            reject(
                    lineNumber,
                    List.of(LineProblem.of(LineProblem.Code.WRONG_COLUMN_COUNT, expectedColumns, cells.length)));
        } else {
            ImportRow row;
            try {
                row = converter.convert(lineNumber, cells);
            } catch (RowRejectedException e) {
                reject(lineNumber, e.problems());
                return;
            }
            accepted++;
            if (!row.warnings().isEmpty()) {
                warnedLines.accept(new RejectedLine(lineNumber, row.warnings(), text.recordText(RAW_TEXT_LIMIT)));
            }
            acceptedRows.accept(row);
        }
    }

    private void reject(long lineNumber, List<LineProblem> problems) {
        rejected++;
        rejectedLines.accept(new RejectedLine(lineNumber, problems, text.recordText(RAW_TEXT_LIMIT)));
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
        LineProblem problem = describe(failure);
        rejected++;
        rejectedLines.accept(new RejectedLine(
                lineNumber,
                List.of(problem, LineProblem.of(LineProblem.Code.REST_NOT_READ)),
                text.followingLine(RAW_TEXT_LIMIT)));
        List<LineProblem> abort = new ArrayList<>();
        abort.add(LineProblem.of(LineProblem.Code.STOPPED_AT_LINE, lineNumber));
        abort.add(problem);
        return summary(abort);
    }

    private static LineProblem describe(RuntimeException failure) {
        String message = failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage();
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            return LineProblem.of(LineProblem.Code.QUOTE_NOT_CLOSED);
        }
        if (message != null && message.contains("Invalid character between encapsulated token and delimiter")) {
            return LineProblem.of(LineProblem.Code.TEXT_AFTER_QUOTE);
        }
        return LineProblem.of(LineProblem.Code.BROKEN_CSV, message);
    }

    /** The counts; the reading was aborted when there are problems (why it stopped). */
    private ImportSummary summary(List<LineProblem> abortProblems) {
        return new ImportSummary(accepted + rejected, accepted, rejected, abortProblems);
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
