package io.crosscast.audience.condition;

/**
 * A filter on recipients: either one {@link Rule} or a {@link Group} of conditions.
 *
 * <p>Conditions are immutable values; two conditions built from the same parts are equal. Building one
 * checks only that nothing is null: whether it makes sense (known field, operator that applies, values
 * that parse) is the job of {@link ConditionValidator}, so that a saved condition that no longer
 * validates can still be loaded and shown with its problems.
 */
public sealed interface Condition permits Group, Rule {

    /**
     * Whether the condition refers to the delivery of the incoming transition: a behaviour rule without a
     * delivery id ({@code delivery opened}, no value), anywhere in it. Such a condition compiles only with a
     * {@link CompileContext} that has an incoming delivery, i.e. in a workflow after an email delivery.
     */
    boolean refersToIncomingDelivery();
}
