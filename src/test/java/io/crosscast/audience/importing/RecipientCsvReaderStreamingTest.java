package io.crosscast.audience.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.contact.PhoneNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads a large file generated on the fly, never held in memory as a whole. */
class RecipientCsvReaderStreamingTest {

    private static final int ROWS = 200_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void streamsTwoHundredThousandRows() throws IOException {
        GeneratedCsv csv = new GeneratedCsv(ROWS);
        List<String> header = RecipientCsvReader.readHeader(new GeneratedCsv(ROWS), UTF_8, ',');
        ColumnMapping mapping = ColumnMapping.autoMatch(header);
        long[] acceptedCount = {0};
        long[] bytesReadAtFirstRow = {-1};
        List<RejectedLine> rejected = new ArrayList<>();

        ImportSummary summary = new RecipientCsvReader(',', new PhoneNumbers("FR"))
                .read(
                        csv,
                        UTF_8,
                        mapping,
                        row -> {
                            if (bytesReadAtFirstRow[0] < 0) {
                                bytesReadAtFirstRow[0] = csv.bytesServed;
                            }
                            acceptedCount[0]++;
                        },
                        rejected::add);

        int badRows = ROWS / GeneratedCsv.BAD_EMAIL_EVERY;
        assertEquals(new ImportSummary(ROWS, ROWS - badRows, badRows, false, null), summary);
        assertEquals(ROWS - badRows, acceptedCount[0]);
        assertTrue(
                bytesReadAtFirstRow[0] < 100_000,
                "the first row arrived after " + bytesReadAtFirstRow[0] + " bytes of " + csv.bytesServed);
        for (int i = 0; i < badRows; i++) {
            int row = (i + 1) * GeneratedCsv.BAD_EMAIL_EVERY;
            RejectedLine line = rejected.get(i);
            assertEquals(GeneratedCsv.lineNumberOf(row), line.lineNumber());
            assertEquals(GeneratedCsv.row(row), line.rawLine() + "\n");
        }
    }

    /**
     * A recipient file whose lines are produced as they are read. Every {@value #BAD_EMAIL_EVERY}th row has
     * a bad email address; every {@value #TWO_LINES_EVERY}th row has a quoted line break, which shifts the
     * line numbers of the rows after it; every {@value #PHONE_EVERY}th row has a mobile phone number.
     */
    private static final class GeneratedCsv extends InputStream {

        static final int BAD_EMAIL_EVERY = 1000;
        static final int TWO_LINES_EVERY = 500;
        static final int PHONE_EVERY = 100;

        private final int rows;
        private int nextRow;
        private byte[] line = "email,first name,last name,mobile,country\n".getBytes(UTF_8);
        private int position;
        long bytesServed;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        static String row(int row) {
            String email = row % BAD_EMAIL_EVERY == 0 ? "user" + row + ".example.com" : "User" + row + "@example.com";
            String lastName = row % TWO_LINES_EVERY == 1 ? "\"Two\nLines\"" : "\"Name, " + row + "\"";
            String mobile = row % PHONE_EVERY == 0 ? "06 12 " + String.format("%06d", row % 1_000_000) : "";
            return email + ",First" + row + "," + lastName + "," + mobile + ",FR\n";
        }

        /** The file line where a row starts: the header, then one line per row, plus the quoted line breaks. */
        static long lineNumberOf(int row) {
            long twoLineRowsBefore = (row - 2) / TWO_LINES_EVERY + 1;
            return 1 + row + twoLineRowsBefore;
        }

        @Override
        public int read() {
            if (!ensureLine()) {
                return -1;
            }
            bytesServed++;
            return line[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!ensureLine()) {
                return -1;
            }
            int count = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, count);
            position += count;
            bytesServed += count;
            return count;
        }

        private boolean ensureLine() {
            if (position < line.length) {
                return true;
            }
            if (nextRow >= rows) {
                return false;
            }
            nextRow++;
            line = row(nextRow).getBytes(UTF_8);
            position = 0;
            return true;
        }
    }
}
