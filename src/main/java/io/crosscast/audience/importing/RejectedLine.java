package io.crosscast.audience.importing;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;

/**
 * A line of a recipient import that was skipped, and why.
 *
 * @param lineNumber physical line of the file where the record starts (the header is line 1)
 * @param reason     what is wrong, in English, for the user (and the REST API); several problems are joined
 *                   with {@code "; "}
 * @param rawLine    the record as it is in the file (without its line break), cut to
 *                   {@value #MAX_RAW_LINE_LENGTH} characters followed by {@code "…"} when longer;
 *                   a record that spans several lines because of quoted line breaks keeps them
 * @param problems   the same problems with their codes, so pages can word them in the viewer's language (not
 *                   part of the REST API's report)
 */
public record RejectedLine(
        long lineNumber,
        String reason,
        String rawLine,
        @JsonbTransient List<LineProblem> problems) {

    /** Length beyond which {@link #rawLine()} is cut. */
    public static final int MAX_RAW_LINE_LENGTH = 500;

    /** Cuts {@code rawLine} to {@value #MAX_RAW_LINE_LENGTH} characters; null becomes empty. */
    public RejectedLine {
        if (rawLine == null) {
            rawLine = "";
        } else if (rawLine.length() > MAX_RAW_LINE_LENGTH) {
            int end = Character.isHighSurrogate(rawLine.charAt(MAX_RAW_LINE_LENGTH - 1))
                    ? MAX_RAW_LINE_LENGTH - 1
                    : MAX_RAW_LINE_LENGTH;
            rawLine = rawLine.substring(0, end) + "…";
        }
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A line rejected for these problems: its reason is their English messages. */
    public RejectedLine(long lineNumber, List<LineProblem> problems, String rawLine) {
        this(lineNumber, LineProblem.reason(problems), rawLine, problems);
    }

    /** A line rejected for a reason given in English only. */
    public RejectedLine(long lineNumber, String reason, String rawLine) {
        this(lineNumber, reason, rawLine, List.of());
    }
}
