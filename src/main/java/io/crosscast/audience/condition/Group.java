package io.crosscast.audience.condition;

import java.util.List;
import java.util.Objects;

/**
 * Conditions joined by {@link Logic#AND} or {@link Logic#OR}; groups may nest.
 *
 * <p>An empty group is allowed and follows the usual convention: an empty AND group matches every
 * recipient (SQL {@code 1=1}), an empty OR group matches none (SQL {@code 1=0}).
 *
 * @param logic    how the children are joined
 * @param children the conditions, in the order the marketer arranged them (copied, never null)
 */
public record Group(Logic logic, List<Condition> children) implements Condition {

    /** Checks that nothing is null and freezes the children. */
    public Group {
        Objects.requireNonNull(logic, "logic");
        Objects.requireNonNull(children, "children");
        children = List.copyOf(children);
    }

    /** Whether a child, at any depth, refers to the incoming delivery. */
    @Override
    public boolean refersToIncomingDelivery() {
        return children.stream().anyMatch(Condition::refersToIncomingDelivery);
    }

    @Override
    public boolean readsActors() {
        return children.stream().anyMatch(Condition::readsActors);
    }

    @Override
    public boolean readsOnlyRecipientId() {
        return children.stream().allMatch(Condition::readsOnlyRecipientId);
    }

    /** A group whose children must all match. */
    public static Group and(Condition... children) {
        return new Group(Logic.AND, List.of(children));
    }

    /** A group of which at least one child must match. */
    public static Group or(Condition... children) {
        return new Group(Logic.OR, List.of(children));
    }
}
