package io.crosscast.tracking.classify;

import java.util.Objects;

/**
 * A classification: who made the hit and the rule that says so ({@code tracking_log.actor_reason}, a short
 * code such as {@code APPLE_MPP_AGENT}).
 */
public record Verdict(Actor actor, String reason) {

    public Verdict {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }
}
