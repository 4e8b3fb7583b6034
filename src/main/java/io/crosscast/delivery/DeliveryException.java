package io.crosscast.delivery;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request about deliveries that cannot be done: unknown delivery, invalid content, a change to a delivery
 * that is already sending. The message is for the user; {@link #problems()} lists every problem when
 * content is invalid. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class DeliveryException extends RuntimeException {

    /** What went wrong, for status codes and translations. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT
    }

    private final Kind kind;
    private final List<String> problems;

    public DeliveryException(Kind kind, String message, List<String> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static DeliveryException invalid(List<String> problems) {
        return new DeliveryException(Kind.INVALID, String.join(" ", problems), problems);
    }

    public static DeliveryException notFound(long id) {
        return new DeliveryException(Kind.NOT_FOUND, "Delivery " + id + " does not exist.", List.of());
    }

    public static DeliveryException conflict(String message) {
        return new DeliveryException(Kind.CONFLICT, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<String> problems() {
        return problems;
    }
}
