package io.crosscast.workflow;

import java.time.Instant;

/**
 * A marketer's confirmation of an A/B test's winner: the variant (1-based) to send to the rest, the one the rule
 * proposed ({@code overridden} when they differ), who confirmed and when.
 */
public record AbTestConfirmation(
        long runId, String activityId, int variant, int proposed, String confirmedBy, Instant confirmedAt) {

    public boolean overridden() {
        return variant != proposed;
    }
}
