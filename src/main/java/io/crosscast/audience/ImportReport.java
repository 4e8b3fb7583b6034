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
        boolean aborted,
        String abortReason,
        long millis,
        @JsonbTransient List<LineProblem> abortProblems) {

    /** Freezes the lists (null: none). */
    public ImportReport {
        repeatedLines = repeatedLines == null ? List.of() : List.copyOf(repeatedLines);
        rejectedLines = rejectedLines == null ? List.of() : List.copyOf(rejectedLines);
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
}
