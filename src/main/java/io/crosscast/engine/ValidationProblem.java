package io.crosscast.engine;

import java.util.Objects;

/**
 * One problem found by {@link WorkflowValidator}. {@code activityId} is null for workflow-wide problems.
 * Codes: see the constants. {@link #text()} says it in any language, {@link #message()} in English.
 */
public record ValidationProblem(String activityId, String code, Text text) {

    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    public static final String DUPLICATE_ID = "DUPLICATE_ID";
    /** An activity id other than letters, digits, '_', '-' and '.' (ids end up in the diagram's script). */
    public static final String INVALID_ID = "INVALID_ID";

    public static final String INVALID_CONFIG = "INVALID_CONFIG";
    public static final String UNKNOWN_ACTIVITY = "UNKNOWN_ACTIVITY";
    public static final String UNKNOWN_OUTPUT = "UNKNOWN_OUTPUT";
    public static final String MISSING_INPUT = "MISSING_INPUT";
    public static final String TOO_MANY_INPUTS = "TOO_MANY_INPUTS";
    public static final String UNREACHABLE = "UNREACHABLE";
    public static final String NO_START = "NO_START";
    public static final String CYCLE = "CYCLE";
    /** A Jump (from) without exactly one landing of its target's name, two landings of one name, or an arrow drawn from a jump. */
    public static final String JUMP = "JUMP";

    public ValidationProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** The problem in English (logs, REST API). */
    public String message() {
        return text.english();
    }

    @Override
    public String toString() {
        return code + (activityId == null ? "" : " [" + activityId + "]") + ": " + message();
    }
}
