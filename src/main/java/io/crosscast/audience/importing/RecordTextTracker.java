package io.crosscast.audience.importing;

import java.io.IOException;
import java.io.Reader;

/**
 * Sits between the decoded file and the CSV parser and keeps the text the parser has read but not yet
 * accounted for, so that a rejected record can be shown as it is in the file.
 * <p>Records follow each other without gaps (blank lines are records too), so a record is the text that
 * starts where the previous one ended and spans as many line breaks as the parser says it consumed.
 * The text of earlier records is forgotten: what is kept is the current record plus the parser's
 * read-ahead.
 */
final class RecordTextTracker extends Reader {

    private static final int COMPACT_THRESHOLD = 16 * 1024;

    private final Reader in;
    private final StringBuilder window = new StringBuilder();
    private int recordStart;
    private int recordEnd;
    private int nextRecordStart;

    RecordTextTracker(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = in.read(buffer, offset, length);
        if (count > 0) {
            window.append(buffer, offset, count);
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Moves to the record the parser has just returned.
     *
     * @param lines how many line breaks the parser consumed for it (the last one may be missing at the
     *              end of the file)
     */
    void nextRecord(long lines) {
        forgetBefore(nextRecordStart);
        recordStart = nextRecordStart;
        int position = recordStart;
        int end = recordStart;
        for (long seen = 0; seen < lines && position < window.length(); seen++) {
            end = lineEnd(position);
            position = afterLineBreak(end);
        }
        recordEnd = end;
        nextRecordStart = position;
    }

    /** The current record without its final line break, cut after {@code maxLength} characters. */
    String recordText(int maxLength) {
        return window.substring(recordStart, Math.min(recordEnd, recordStart + maxLength));
    }

    /**
     * The first line of what follows the current record, cut after {@code maxLength} characters: the
     * start of the record the parser could not read.
     */
    String followingLine(int maxLength) {
        int start = Math.min(nextRecordStart, window.length());
        return window.substring(start, Math.min(lineEnd(start), start + maxLength));
    }

    private int lineEnd(int from) {
        int position = from;
        while (position < window.length() && !isLineBreak(window.charAt(position))) {
            position++;
        }
        return position;
    }

    private int afterLineBreak(int lineEnd) {
        if (lineEnd >= window.length()) {
            return lineEnd;
        }
        boolean crLf =
                window.charAt(lineEnd) == '\r' && lineEnd + 1 < window.length() && window.charAt(lineEnd + 1) == '\n';
        return lineEnd + (crLf ? 2 : 1);
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Drops text before {@code position} once there is enough of it to be worth moving the rest. */
    private void forgetBefore(int position) {
        if (position >= COMPACT_THRESHOLD && position >= window.length() / 2) {
            window.delete(0, position);
            nextRecordStart -= position;
        }
    }
}
