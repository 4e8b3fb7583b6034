package io.crosscast.workflow;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A workflow that cannot be saved, started or changed as asked: its problems in the marketer's words
 * (invalid document, unknown activity type, dangling transition, cycle without a wait, unknown run...).
 */
@ApplicationException(rollback = true)
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public WorkflowException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public WorkflowException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
