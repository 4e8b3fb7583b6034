package io.crosscast.audience.condition;

import java.io.Serializable;

/**
 * A filter on recipients: one {@link Rule} on a field, one {@link TrackingLogRule} on the recipient's
 * tracking logs, or a {@link Group} of conditions.
 *
 * <p>Conditions are immutable values; two conditions built from the same parts are equal. Building one
 * checks only that nothing is null: whether it makes sense (known field, operator that applies, values
 * that parse) is the job of {@link ConditionValidator}, so that a saved condition that no longer
 * validates can still be loaded and shown with its problems.
 *
 * <p>Conditions are serializable, so that the view-scoped pages that hold one (the condition builder, a
 * filtered grid) can be serialized with their session.
 */
public sealed interface Condition extends Serializable permits Group, Rule, TrackingLogRule {

    /**
     * Whether the condition refers to the delivery of the incoming transition, anywhere in it: a behaviour
     * rule without a delivery id ({@code delivery opened}, no value) or a tracking-log condition whose
     * delivery is {@value TrackingLogRule#INCOMING}. Such a condition compiles only with a
     * {@link CompileContext} that has an incoming delivery, i.e. in a workflow after an email delivery.
     */
    boolean refersToIncomingDelivery();

    /**
     * Whether the condition reads who made the tracking logs anywhere in it (a "people only" behaviour
     * operator, a tracking-log condition with {@value TrackingLogRule#ACTORS} people or machines): a reader
     * that wants fresh verdicts classifies the pending logs first.
     */
    boolean readsActors();

    /**
     * Whether the condition reads nothing of the recipient but its id ({@code <alias>.id}): list membership,
     * behaviour rules and tracking-log conditions only, anywhere in it (an empty group too). A reader that
     * holds recipient ids may then compile it on a table aliased with an {@code id} column instead of joining
     * {@code recipient}.
     */
    boolean readsOnlyRecipientId();
}
