package io.crosscast.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when content with problems is compiled; {@link #problems()} says what is wrong and where. */
public final class InvalidContentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<ContentProblem> problems;

    /** @param problems at least one */
    public InvalidContentException(List<ContentProblem> problems) {
        super(problems.stream().map(ContentProblem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid content has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order subject, HTML body, text body, then by line. */
    public List<ContentProblem> problems() {
        return problems;
    }
}
