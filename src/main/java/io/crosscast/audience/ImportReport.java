package io.crosscast.audience;

import io.crosscast.audience.importing.LineProblem;
import io.crosscast.audience.importing.RejectedLine;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;

/**
 * What an import did. {@code rejectedLines} holds the first {@link RecipientImportService#MAX_REPORTED_REJECTS}
 * rejected lines ({@code rejected} counts them all). {@code duplicates} are lines whose address appeared
 * again later in the same chunk of the file: the later line won. When {@code aborted}, the lines before
 * the reason were imported and stay; {@code abortReason} says why in English (REST API), and
 * {@code abortProblems} with codes, for pages (not part of the REST API's report).
 */
public record ImportReport(String importId, long linesRead, long created, long updated, long duplicates,
        long rejected, List<RejectedLine> rejectedLines, boolean aborted, String abortReason, long millis,
        @JsonbTransient List<LineProblem> abortProblems) {

    /** Freezes the problems (null: none). */
    public ImportReport {
        abortProblems = abortProblems == null ? List.of() : List.copyOf(abortProblems);
    }

    /** Whether {@code rejectedLines} holds only the first rejected lines (JSON: {@code rejectedLinesTruncated}). */
    @JsonbProperty("rejectedLinesTruncated")
    public boolean isRejectedLinesTruncated() {
        return rejected > rejectedLines.size();
    }
}
