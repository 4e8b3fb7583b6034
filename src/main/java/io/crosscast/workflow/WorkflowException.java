package io.crosscast.workflow;

import io.crosscast.engine.Text;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A workflow that cannot be saved, started or changed as asked: its problems in the marketer's words
 * (invalid document, unknown activity type, dangling transition, cycle without a wait, unknown run...).
 *
 * <p>Its {@link #kind()} says what sort of refusal it is, so that callers (the REST API) can answer
 * without reading the message: {@link Kind#INVALID} (the document or request is wrong),
 * {@link Kind#NOT_FOUND} (no such workflow, run or population) or {@link Kind#CONFLICT} (the run's status
 * does not allow it: resuming a stopped run, purging a running one...).
 */
@ApplicationException(rollback = true)
public class WorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What sort of refusal, each with a stable code. */
    public enum Kind {
        INVALID("workflow.invalid"),
        NOT_FOUND("workflow.notFound"),
        CONFLICT("workflow.conflict");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** {@code workflow.invalid}, {@code workflow.notFound}, {@code workflow.conflict}. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final List<Text> texts;

    private WorkflowException(Kind kind, List<Text> texts) {
        super(texts.stream().map(Text::english).collect(Collectors.joining(" ")));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.texts = List.copyOf(texts);
    }

    /** An invalid workflow or request, with every problem. */
    public WorkflowException(List<String> problems) {
        this(Kind.INVALID, verbatim(problems));
    }

    /** An invalid workflow or request. */
    public WorkflowException(String problem) {
        this(List.of(problem));
    }

    /** An invalid workflow or request, with every problem. */
    public static WorkflowException invalid(List<String> problems) {
        return new WorkflowException(Kind.INVALID, verbatim(problems));
    }

    /** An invalid workflow or request, with every problem in any language. */
    public static WorkflowException invalidTexts(List<Text> problems) {
        return new WorkflowException(Kind.INVALID, problems);
    }

    /** A workflow, run or population that does not exist. */
    public static WorkflowException notFound(String message) {
        return new WorkflowException(Kind.NOT_FOUND, List.of(Text.verbatim(message)));
    }

    /** A workflow, run or population that does not exist, said in any language. */
    public static WorkflowException notFound(Text message) {
        return new WorkflowException(Kind.NOT_FOUND, List.of(message));
    }

    /** A move that the run's status does not allow. */
    public static WorkflowException conflict(String message) {
        return new WorkflowException(Kind.CONFLICT, List.of(Text.verbatim(message)));
    }

    /** A move that the run's status does not allow, said in any language. */
    public static WorkflowException conflict(Text message) {
        return new WorkflowException(Kind.CONFLICT, List.of(message));
    }

    private static List<Text> verbatim(List<String> problems) {
        return problems.stream().map(Text::verbatim).toList();
    }

    public Kind kind() {
        return kind;
    }

    /** The kind's stable code ({@code workflow.notFound}...). */
    public String code() {
        return kind.code();
    }

    /** The problems in English (the REST API, logs). */
    public List<String> problems() {
        return texts.stream().map(Text::english).toList();
    }

    /** The problems in any language ({@link Text#in}); English ones given as strings are {@link Text#verbatim}. */
    public List<Text> texts() {
        return texts;
    }
}
