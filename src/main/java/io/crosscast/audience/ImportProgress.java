package io.crosscast.audience;

import io.crosscast.audience.importing.ImportChoices;
import io.crosscast.audience.importing.ImportSummary;
import io.crosscast.audience.importing.RejectedLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running import as the progress page sees it: counters updated chunk by chunk, the report once done.
 * Thread-safe: the import thread writes, page requests read.
 */
public class ImportProgress {

    private final String importId;
    private final long totalBytes;
    private final ImportChoices choices;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong linesRead = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong emptyCells = new AtomicLong();
    private final AtomicLong warnings = new AtomicLong();
    private final List<RejectedLine> warningLines = Collections.synchronizedList(new ArrayList<>());
    private final List<RejectedLine> rejectedLines = Collections.synchronizedList(new ArrayList<>());
    private final List<RepeatedLine> repeatedLines = Collections.synchronizedList(new ArrayList<>());
    private volatile ImportReport report;
    private volatile String failure;

    public ImportProgress(String importId, long totalBytes) {
        this(importId, totalBytes, ImportChoices.DEFAULT);
    }

    public ImportProgress(String importId, long totalBytes, ImportChoices choices) {
        this.importId = importId;
        this.totalBytes = totalBytes;
        this.choices = choices;
    }

    public ImportChoices choices() {
        return choices;
    }

    public String importId() {
        return importId;
    }

    /** 0-100, from the bytes read so far (100 once done). */
    public int percent() {
        if (isDone()) {
            return 100;
        }
        return totalBytes <= 0 ? 0 : (int) Math.min(99, bytesRead.get() * 100 / totalBytes);
    }

    public boolean isDone() {
        return report != null || failure != null;
    }

    public ImportReport report() {
        return report;
    }

    public String failure() {
        return failure;
    }

    public long linesRead() {
        return linesRead.get();
    }

    public long created() {
        return created.get();
    }

    public long updated() {
        return updated.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Empty cells of the file's columns on the lines written so far. */
    public long emptyCells() {
        return emptyCells.get();
    }

    /** Lines imported without some invalid values, so far. */
    public long warnings() {
        return warnings.get();
    }

    /** Lines whose address an earlier line gave, so far. */
    public long duplicates() {
        return duplicates.get();
    }

    /** The first {@link RecipientImportService#MAX_REPORTED_REPEATS} repeated lines found so far, in file order. */
    public List<RepeatedLine> repeatedLines() {
        synchronized (repeatedLines) {
            return List.copyOf(repeatedLines);
        }
    }

    void bytesRead(long bytes) {
        bytesRead.set(bytes);
    }

    /** @param repeats the chunk's repeated lines, in file order; the first of the import are kept */
    void chunkWritten(
            int lines, int createdNow, int updatedNow, int emptyCellsNow, List<RepeatedLine> repeats, int keepAtMost) {
        synchronized (repeatedLines) {
            int room = (int) Math.max(0, keepAtMost - repeatedLines.size());
            repeatedLines.addAll(repeats.subList(0, Math.min(room, repeats.size())));
        }
        linesRead.addAndGet(lines);
        created.addAndGet(createdNow);
        updated.addAndGet(updatedNow);
        duplicates.addAndGet(repeats.size());
        emptyCells.addAndGet(emptyCellsNow);
    }

    void warned(RejectedLine line, int keepAtMost) {
        if (warnings.incrementAndGet() <= keepAtMost) {
            warningLines.add(line);
        }
    }

    void rejected(RejectedLine line, int keepAtMost) {
        linesRead.incrementAndGet();
        if (rejected.incrementAndGet() <= keepAtMost) {
            rejectedLines.add(line);
        }
    }

    ImportReport finish(ImportSummary summary, long millis) {
        report = new ImportReport(
                importId,
                linesRead.get(),
                created.get(),
                updated.get(),
                duplicates.get(),
                repeatedLines(),
                rejected.get(),
                List.copyOf(rejectedLines),
                choices.emptyCells().apiName(),
                emptyCells.get(),
                choices.invalidValues().apiName(),
                warnings.get(),
                List.copyOf(warningLines),
                summary.aborted(),
                summary.abortReason(),
                millis,
                summary.abortProblems());
        return report;
    }

    void fail(String reason) {
        failure = reason;
    }
}
