package io.crosscast.audience.importing;

/**
 * A line of a recipient import that was skipped, and why.
 *
 * @param lineNumber physical line of the file where the record starts (the header is line 1)
 * @param reason     what is wrong, for the user; several problems are joined with {@code "; "}
 * @param rawLine    the record as it is in the file (without its line break), cut to
 *                   {@value #MAX_RAW_LINE_LENGTH} characters followed by {@code "…"} when longer;
 *                   a record that spans several lines because of quoted line breaks keeps them
 */
public record RejectedLine(long lineNumber, String reason, String rawLine) {

    /** Length beyond which {@link #rawLine()} is cut. */
    public static final int MAX_RAW_LINE_LENGTH = 500;

    /** Cuts {@code rawLine} to {@value #MAX_RAW_LINE_LENGTH} characters; null becomes empty. */
    public RejectedLine {
        if (rawLine == null) {
            rawLine = "";
        } else if (rawLine.length() > MAX_RAW_LINE_LENGTH) {
            int end = Character.isHighSurrogate(rawLine.charAt(MAX_RAW_LINE_LENGTH - 1))
                    ? MAX_RAW_LINE_LENGTH - 1 : MAX_RAW_LINE_LENGTH;
            rawLine = rawLine.substring(0, end) + "…";
        }
    }
}
