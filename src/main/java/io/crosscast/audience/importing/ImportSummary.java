package io.crosscast.audience.importing;

/**
 * The outcome of reading an import file.
 *
 * @param linesRead   data records read after the header, blank lines not counted; always
 *                    {@code accepted + rejected}
 * @param accepted    records passed to the consumer of accepted rows
 * @param rejected    records passed to the consumer of rejected lines, including the one where reading
 *                    stopped when it was aborted
 * @param aborted     true when reading stopped before the end of the file because the file cannot be read
 *                    further (a broken CSV structure such as a quote that is never closed, a missing header)
 * @param abortReason why reading stopped, for the user; null when it was not aborted
 */
public record ImportSummary(long linesRead, long accepted, long rejected, boolean aborted, String abortReason) {
}
