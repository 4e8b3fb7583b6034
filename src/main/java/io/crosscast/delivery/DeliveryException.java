package io.crosscast.delivery;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request about deliveries that cannot be done: unknown delivery, invalid content, a change to a delivery
 * that is already sending. The message is English (REST API, logs); {@link #problems()} lists every problem
 * in English when content is invalid; {@link #reasons()} gives every reason with its code and arguments, so
 * pages can word them in the viewer's language. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class DeliveryException extends RuntimeException {

    /** What went wrong, for status codes and translations. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT
    }

    private final Kind kind;
    private final List<DeliveryProblem> reasons;
    private final List<String> problems;

    /**
     * @param reasons at least one
     * @param listed  whether {@link #problems()} lists the reasons (invalid content, refused proofs), or is
     *                empty (a single refusal told by the message)
     */
    private DeliveryException(Kind kind, List<DeliveryProblem> reasons, boolean listed) {
        super(reasons.stream().map(DeliveryProblem::message).collect(Collectors.joining(" ")));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A refused delivery request has at least one reason");
        }
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
        this.problems = listed ? DeliveryProblem.messages(this.reasons) : List.of();
    }

    public static DeliveryException invalid(List<DeliveryProblem> problems) {
        return new DeliveryException(Kind.INVALID, problems, true);
    }

    public static DeliveryException invalid(DeliveryProblem problem) {
        return invalid(List.of(problem));
    }

    public static DeliveryException notFound(long id) {
        return notFound(DeliveryProblem.of(DeliveryProblem.Code.NOT_FOUND, id));
    }

    public static DeliveryException notFound(DeliveryProblem problem) {
        return new DeliveryException(Kind.NOT_FOUND, List.of(problem), false);
    }

    /** A change the delivery's status refuses. */
    public static DeliveryException conflict(DeliveryProblem problem) {
        return new DeliveryException(Kind.CONFLICT, List.of(problem), false);
    }

    /** Something outside refused the request (the SMTP server refused proofs): listed in {@link #problems()}. */
    public static DeliveryException refused(DeliveryProblem problem) {
        return new DeliveryException(Kind.CONFLICT, List.of(problem), true);
    }

    public Kind kind() {
        return kind;
    }

    /** Every problem in English when the content is invalid (or a proof was refused); empty otherwise. */
    public List<String> problems() {
        return problems;
    }

    /** Every reason, with its code and arguments: never empty. */
    public List<DeliveryProblem> reasons() {
        return reasons;
    }
}
