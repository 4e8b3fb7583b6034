package io.crosscast.audience.condition;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a condition may refer to without naming it, known only where it is compiled: the delivery of the
 * incoming transition, for the behaviour rules ({@code delivery opened}) and tracking-log conditions
 * ({@code "delivery": "incoming"}) that leave their delivery out. A filter placed after an email delivery
 * in a workflow compiles with that delivery; the recipients page and the API compile with {@link #EMPTY}.
 *
 * <p>Also the workflow run whose enrichment values ({@code enrichment.<name>} rules, {@link EnrichmentRules}) a
 * condition may test: only a condition compiled inside a run has one.
 *
 * <p>A condition compiled for a simulated workflow run ("dry run") reads, for the deliveries that run simulates,
 * the run's {@code simulated_hit} rows instead of the send ledger and {@code tracking_log}: the same SQL on
 * another table ({@code SENT} rows stand for the ledger's sent messages). A tracking-log condition on any
 * delivery reads both the real logs and the simulated hits.
 *
 * @param incomingDelivery    the id of the incoming delivery, if any (positive)
 * @param enrichmentRun       the id of the workflow run whose enrichment values rules read, if any
 * @param simulationRun       the simulated run whose hits stand for the simulated deliveries' behaviour, if any
 * @param simulatedDeliveries the deliveries that run simulates (empty for a real run)
 */
public record CompileContext(
        OptionalLong incomingDelivery,
        OptionalLong enrichmentRun,
        OptionalLong simulationRun,
        Set<Long> simulatedDeliveries) {

    /** No incoming delivery: a condition that needs one does not compile. */
    public static final CompileContext EMPTY = new CompileContext(OptionalLong.empty());

    /** Checks that the id, if any, is positive. */
    public CompileContext {
        Objects.requireNonNull(incomingDelivery, "incomingDelivery");
        Objects.requireNonNull(enrichmentRun, "enrichmentRun");
        Objects.requireNonNull(simulationRun, "simulationRun");
        simulatedDeliveries = Set.copyOf(simulatedDeliveries);
        if (incomingDelivery.isPresent() && incomingDelivery.getAsLong() <= 0) {
            throw new IllegalArgumentException("A delivery id is positive, got " + incomingDelivery.getAsLong());
        }
    }

    /** A real run's context (no simulation), without enrichment values. */
    public CompileContext(OptionalLong incomingDelivery) {
        this(incomingDelivery, OptionalLong.empty(), OptionalLong.empty(), Set.of());
    }

    /** This context, whose rules on enrichment values read those of run {@code runId}. */
    public CompileContext withEnrichmentRun(long runId) {
        return new CompileContext(incomingDelivery, OptionalLong.of(runId), simulationRun, simulatedDeliveries);
    }

    /** This context in simulated run {@code runId}, which simulates {@code deliveries}. */
    public CompileContext simulating(long runId, Set<Long> deliveries) {
        return new CompileContext(incomingDelivery, enrichmentRun, OptionalLong.of(runId), deliveries);
    }

    /** Whether delivery {@code deliveryId}'s behaviour is simulated here (read from {@code simulated_hit}). */
    public boolean simulates(long deliveryId) {
        return simulationRun.isPresent() && simulatedDeliveries.contains(deliveryId);
    }

    /**
     * The test a subquery on {@code simulated_hit} with alias {@code alias} starts with: its run. The run id is a
     * number of the server, never input, written into the SQL ({@code alias.run_id = 42 AND }).
     */
    String simulationTest(String alias) {
        return alias + ".run_id = " + simulationRun.getAsLong() + " AND ";
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
