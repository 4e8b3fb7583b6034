package io.crosscast.web.api;

import io.crosscast.workflow.AbTestConfirmation;

/**
 * The answer of {@code POST /api/runs/{id}/abtests/{activityId}/winner}: {@code {"runId": 12, "activity": "ab",
 * "variant": 2, "proposed": 1, "overridden": true, "confirmedBy": "marketer", "confirmedAt": "..."}}.
 */
public record AbTestConfirmationDto(
        long runId,
        String activity,
        int variant,
        int proposed,
        boolean overridden,
        String confirmedBy,
        String confirmedAt) {

    static AbTestConfirmationDto of(AbTestConfirmation c) {
        return new AbTestConfirmationDto(
                c.runId(),
                c.activityId(),
                c.variant(),
                c.proposed(),
                c.overridden(),
                c.confirmedBy(),
                c.confirmedAt().toString());
    }
}
