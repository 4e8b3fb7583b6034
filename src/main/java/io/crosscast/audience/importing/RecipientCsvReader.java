package io.crosscast.audience.importing;

import io.crosscast.audience.contact.PhoneNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a recipient import file, streaming: records are parsed and handed over one at a time, so a file
 * of any size is read in constant memory.
 * <p>The file is CSV (RFC 4180) with a header row, a delimiter among {@code ,} {@code ;} and tab, and
 * {@code "} as quote: a quoted value may hold delimiters, doubled quotes and line breaks. A byte order mark
 * at the start is ignored. Line numbers are the file's physical lines, the header being line 1, so a
 * record with a quoted line break takes two lines and a blank line takes one (blank lines are skipped
 * without being counted as read).
 * <p>Every record after the header is either accepted, as an {@link ImportRow} with normalised values, or
 * rejected, as a {@link RejectedLine}, and the reading goes on. A record is rejected when it holds bytes
 * that are not valid in the file's charset, when it has not as many cells as the header, or when a mapped
 * field is not valid (an email address is required); all the field problems of a record are reported
 * together, joined with {@code "; "}. A broken CSV structure, such as a quote that is never closed,
 * stops the reading: the record where it starts is rejected and the summary says the reading was aborted.
 * <p>Instances are immutable and thread-safe.
 */
public final class RecipientCsvReader {

    private static final String DELIMITERS = ",;\t";
    private static final char QUOTE = '"';

    private final char delimiter;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    /**
     * @param delimiter    {@code ','}, {@code ';'} or {@code '\t'}
     * @param phoneNumbers reads the mobile phone numbers; its default region applies to lines without a
     *                     country
     */
    public RecipientCsvReader(char delimiter, PhoneNumbers phoneNumbers) {
        this(delimiter, phoneNumbers, Clock.systemDefaultZone());
    }

    /**
     * @param clock tells today's date, after which a birth date is refused
     */
    public RecipientCsvReader(char delimiter, PhoneNumbers phoneNumbers, Clock clock) {
        if (DELIMITERS.indexOf(delimiter) < 0) {
            throw new IllegalArgumentException(
                    "The delimiter must be a comma, a semicolon or a tab, not '" + delimiter + "'");
        }
        this.delimiter = delimiter;
        this.phoneNumbers = Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The delimiter this reader expects between cells. */
    public char delimiter() {
        return delimiter;
    }

    /**
     * Guesses the delimiter of a file from its first line: the most frequent of comma, semicolon and tab
     * outside quotes; a comma when there is none (a single column) or on a tie.
     */
    public static char detectDelimiter(String headerLine) {
        int[] counts = new int[DELIMITERS.length()];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && DELIMITERS.indexOf(c) >= 0) {
                counts[DELIMITERS.indexOf(c)]++;
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return DELIMITERS.charAt(best);
    }

    /**
     * Reads only the header row, so that a mapping can be proposed before importing, and closes the
     * stream.
     *
     * @return the column names, trimmed; empty for an empty file
     * @throws IOException when the stream cannot be read or the header row is not valid CSV
     */
    public static List<String> readHeader(InputStream in, Charset charset, char delimiter) throws IOException {
        try (CSVParser parser = CSVParser.parse(DecodedInput.open(in, charset), format(delimiter))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of();
            }
            return records.next().stream().map(String::strip).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads a whole file, handing each record over as soon as it is read, and closes the stream.
     *
     * @param mapping  the mapping made from this file's header; it must have no {@link ColumnMapping#problems()}
     * @param accepted receives the valid records, in file order
     * @param rejected receives the records that cannot be imported, in file order
     * @return the counts, and whether the reading stopped early (empty file, header not matching the
     *         mapping, broken CSV structure)
     * @throws IllegalArgumentException when the mapping has problems
     * @throws IOException              when the stream cannot be read
     */
    public ImportSummary read(
            InputStream in,
            Charset charset,
            ColumnMapping mapping,
            Consumer<ImportRow> accepted,
            Consumer<RejectedLine> rejected)
            throws IOException {
        return read(in, charset, mapping, ImportChoices.DEFAULT, accepted, rejected, warned -> {});
    }

    /**
     * Reads a whole file as {@link #read(InputStream, Charset, ColumnMapping, Consumer, Consumer)} does, with the
     * marketer's choices for empty cells and invalid values.
     *
     * @param warned receives the accepted records that had invalid values left out, in file order (before the
     *               record itself goes to {@code accepted})
     */
    public ImportSummary read(
            InputStream in,
            Charset charset,
            ColumnMapping mapping,
            ImportChoices choices,
            Consumer<ImportRow> accepted,
            Consumer<RejectedLine> rejected,
            Consumer<RejectedLine> warned)
            throws IOException {
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        RowConverter converter = new RowConverter(mapping, phoneNumbers, LocalDate.now(clock), choices);
        try (RecordTextTracker text = new RecordTextTracker(DecodedInput.open(in, charset));
                CSVParser parser = CSVParser.parse(text, format(delimiter))) {
            return new ImportRun(parser, text, charset, mapping.columnCount(), converter, accepted, rejected, warned)
                    .run();
        }
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setQuote(QUOTE)
                .setIgnoreEmptyLines(false)
                .get();
    }
}
