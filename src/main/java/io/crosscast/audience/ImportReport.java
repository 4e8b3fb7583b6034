package io.crosscast.audience;

import io.crosscast.audience.importing.LineProblem;
import io.crosscast.audience.importing.RejectedLine;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;

/**
 * What an import did. {@code rejectedLines} holds the first {@link RecipientImportService#MAX_REPORTED_REJECTS}
 * rejected lines ({@code rejected} counts them all). {@code duplicates} counts the lines whose address an
 * earlier line of the same chunk of the file gave (chunks of {@link RecipientImportService#CHUNK} lines): the
 * later line won; {@code repeatedLines} names the first {@link RecipientImportService#MAX_REPORTED_REPEATS}
 * of them with the earlier line they repeat. When {@code aborted}, the lines before
 * the reason were imported and stay; {@code abortReason} says why in English (REST API), and
 * {@code abortProblems} with codes, for pages (not part of the REST API's report).
 * <p>{@code emptyCellRule} ({@code keep} or {@code clear}) and {@code invalidValueRule} ({@code reject} or
 * {@code skip}) are the choices the import ran with; {@code emptyCells} counts the empty cells of the file's
 * columns on imported lines (kept or cleared as the rule says); {@code warnings} counts the lines imported
 * without some invalid values, {@code warningLines} names the first
 * {@link RecipientImportService#MAX_REPORTED_REJECTS} of them with the values left out.
 */
public record ImportReport(
        String importId,
        long linesRead,
        long created,
        long updated,
        long duplicates,
        List<RepeatedLine> repeatedLines,
        long rejected,
        List<RejectedLine> rejectedLines,
        String emptyCellRule,
        long emptyCells,
        String invalidValueRule,
        long warnings,
        List<RejectedLine> warningLines,
        boolean aborted,
        String abortReason,
        long millis,
        @JsonbTransient List<LineProblem> abortProblems) {

    /** Freezes the lists (null: none). */
    public ImportReport {
        repeatedLines = repeatedLines == null ? List.of() : List.copyOf(repeatedLines);
        rejectedLines = rejectedLines == null ? List.of() : List.copyOf(rejectedLines);
        warningLines = warningLines == null ? List.of() : List.copyOf(warningLines);
        abortProblems = abortProblems == null ? List.of() : List.copyOf(abortProblems);
    }

    /** Whether {@code repeatedLines} names only the first repeated lines (JSON: {@code repeatedLinesTruncated}). */
    @JsonbProperty("repeatedLinesTruncated")
    public boolean isRepeatedLinesTruncated() {
        return duplicates > repeatedLines.size();
    }

    /** Whether {@code rejectedLines} holds only the first rejected lines (JSON: {@code rejectedLinesTruncated}). */
    @JsonbProperty("rejectedLinesTruncated")
    public boolean isRejectedLinesTruncated() {
        return rejected > rejectedLines.size();
    }

    /** Whether {@code warningLines} holds only the first lines with warnings (JSON: {@code warningLinesTruncated}). */
    @JsonbProperty("warningLinesTruncated")
    public boolean isWarningLinesTruncated() {
        return warnings > warningLines.size();
    }
}
