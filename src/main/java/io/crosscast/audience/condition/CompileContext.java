package io.crosscast.audience.condition;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a condition may refer to without naming it, known only where it is compiled: the delivery of the
 * incoming transition, for the behaviour rules ({@code delivery opened}) and tracking-log conditions
 * ({@code "delivery": "incoming"}) that leave their delivery out. A filter placed after an email delivery
 * in a workflow compiles with that delivery; the recipients page and the API compile with {@link #EMPTY}.
 *
 * <p>Also the workflow run whose enrichment values ({@code enrichment.<name>} rules, {@link EnrichmentRules}) a
 * condition may test: only a condition compiled inside a run has one.
 *
 * @param incomingDelivery the id of the incoming delivery, if any (positive)
 * @param enrichmentRun    the id of the workflow run whose enrichment values rules read, if any
 */
public record CompileContext(OptionalLong incomingDelivery, OptionalLong enrichmentRun) {

    /** No incoming delivery: a condition that needs one does not compile. */
    public static final CompileContext EMPTY = new CompileContext(OptionalLong.empty());

    /** Checks that the id, if any, is positive. */
    public CompileContext {
        Objects.requireNonNull(incomingDelivery, "incomingDelivery");
        Objects.requireNonNull(enrichmentRun, "enrichmentRun");
        if (incomingDelivery.isPresent() && incomingDelivery.getAsLong() <= 0) {
            throw new IllegalArgumentException("A delivery id is positive, got " + incomingDelivery.getAsLong());
        }
    }

    /** A context without enrichment values. */
    public CompileContext(OptionalLong incomingDelivery) {
        this(incomingDelivery, OptionalLong.empty());
    }

    /** This context, whose rules on enrichment values read those of run {@code runId}. */
    public CompileContext withEnrichmentRun(long runId) {
        return new CompileContext(incomingDelivery, OptionalLong.of(runId));
    }

    /** A context whose incoming delivery is {@code deliveryId} (positive). */
    public static CompileContext withIncomingDelivery(long deliveryId) {
        return new CompileContext(OptionalLong.of(deliveryId));
    }

    /**
     * A context whose incoming delivery is the id written in {@code deliveryId} (such as the data a workflow
     * attaches to a population), or {@link #EMPTY} when it is null, blank or not a positive number.
     */
    public static CompileContext ofIncomingDelivery(String deliveryId) {
        if (deliveryId == null) {
            return EMPTY;
        }
        OptionalLong id = RuleValues.deliveryId(deliveryId);
        return id.isPresent() ? withIncomingDelivery(id.getAsLong()) : EMPTY;
    }
}
