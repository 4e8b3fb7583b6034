package io.crosscast.audience.condition;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition cannot be used: unknown field, operator that does not apply, value that does not parse,
 * malformed JSON... The message lists every problem in English, separated by "; ";
 * {@link #problems()} gives them one by one with their codes.
 */
public class InvalidConditionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ConditionProblem> problems;

    /** A condition with these problems (at least one). */
    public InvalidConditionException(List<ConditionProblem> problems) {
        this(problems, null);
    }

    /** A condition with these problems (at least one), found while handling {@code cause}. */
    public InvalidConditionException(List<ConditionProblem> problems, Throwable cause) {
        super(messageOf(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they occur in the condition. */
    public List<ConditionProblem> problems() {
        return problems;
    }

    private static String messageOf(List<ConditionProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid condition has at least one problem");
        }
        return problems.stream().map(ConditionProblem::message).collect(Collectors.joining("; "));
    }
}
