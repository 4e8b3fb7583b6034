package io.crosscast.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscast.audience.importing.ImportRow;
import io.crosscast.audience.importing.ImportSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedLineTest {

    @Test
    void aRepeatedLineIsNamedWithTheFirstLineOfItsAddress() {
        List<ImportRow> rows = List.of(row(2, "a"), row(3, "b"), row(5, "a"), row(6, "c"), row(7, "a"), row(9, "b"));

        assertEquals(
                List.of(new RepeatedLine(5, 2), new RepeatedLine(7, 2), new RepeatedLine(9, 3)), RepeatedLine.in(rows));
        assertEquals(List.of(), RepeatedLine.in(List.of(row(2, "a"), row(3, "b"))));
    }

    @Test
    void theProgressAndTheReportCountAndNameTheRepeatedLinesUpToTheLimit() {
        ImportProgress progress = new ImportProgress("id", -1);
        progress.chunkWritten(4, 2, 0, 0, List.of(new RepeatedLine(4, 2), new RepeatedLine(5, 3)), 3);
        assertEquals(2, progress.duplicates(), "counted while the import runs");
        assertEquals(List.of(new RepeatedLine(4, 2), new RepeatedLine(5, 3)), progress.repeatedLines());

        progress.chunkWritten(3, 1, 0, 0, List.of(new RepeatedLine(7, 6), new RepeatedLine(8, 6)), 3);
        ImportReport report = progress.finish(new ImportSummary(7, 7, 0, List.of()), 1);

        assertEquals(4, report.duplicates());
        assertEquals(
                List.of(new RepeatedLine(4, 2), new RepeatedLine(5, 3), new RepeatedLine(7, 6)),
                report.repeatedLines());
        assertTrue(report.isRepeatedLinesTruncated());
        assertFalse(report.isRejectedLinesTruncated());
    }

    private static ImportRow row(long line, String address) {
        return new ImportRow(
                line,
                address + "@example.fr",
                address + "@example.fr",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
