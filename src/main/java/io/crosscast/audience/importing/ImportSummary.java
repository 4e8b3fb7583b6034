package io.crosscast.audience.importing;

import java.util.List;

/**
 * The outcome of reading an import file.
 *
 * @param linesRead     data records read after the header, blank lines not counted; always
 *                      {@code accepted + rejected}
 * @param accepted      records passed to the consumer of accepted rows
 * @param rejected      records passed to the consumer of rejected lines, including the one where reading
 *                      stopped when it was aborted
 * @param aborted       true when reading stopped before the end of the file because the file cannot be read
 *                      further (a broken CSV structure such as a quote that is never closed, a missing header)
 * @param abortReason   why reading stopped, in English, for the user; null when it was not aborted
 * @param abortProblems the same with codes, for translations; empty when it was not aborted
 */
public record ImportSummary(
        long linesRead,
        long accepted,
        long rejected,
        boolean aborted,
        String abortReason,
        List<LineProblem> abortProblems) {

    /** Freezes the problems (null: none). */
    public ImportSummary {
        abortProblems = abortProblems == null ? List.of() : List.copyOf(abortProblems);
    }

    /** A summary whose abort reason, if any, is given in English only. */
    public ImportSummary(long linesRead, long accepted, long rejected, boolean aborted, String abortReason) {
        this(linesRead, accepted, rejected, aborted, abortReason, List.of());
    }

    /** A summary aborted for these problems (none: read to the end). */
    public ImportSummary(long linesRead, long accepted, long rejected, List<LineProblem> abortProblems) {
        this(
                linesRead,
                accepted,
                rejected,
                !abortProblems.isEmpty(),
                LineProblem.abortReason(abortProblems),
                abortProblems);
    }
}
