package io.crosscast.workflow;

import java.time.Instant;
import java.util.List;

/**
 * An A/B test of a run that waits for a marketer's confirmation: the variant its rule proposes, every variant
 * with its delivery and figure, and when the proposed one is sent unconfirmed (null: never).
 */
public record AbTestProposal(long runId, String activityId, int proposed, List<Variant> variants, Instant deadline)
        implements java.io.Serializable {

    public AbTestProposal {
        variants = List.copyOf(variants);
    }

    /** Variant {@code number} (1-based): the delivery its sample got, and its figure by the rule. */
    public record Variant(int number, long deliveryId, String label, long figure) implements java.io.Serializable {}
}
