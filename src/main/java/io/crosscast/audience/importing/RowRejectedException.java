package io.crosscast.audience.importing;

import java.util.List;

/** A record that cannot be imported; the message says why (English), {@link #problems()} with codes. */
final class RowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<LineProblem> problems;

    RowRejectedException(List<LineProblem> problems) {
        super(LineProblem.reason(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<LineProblem> problems() {
        return problems;
    }
}
