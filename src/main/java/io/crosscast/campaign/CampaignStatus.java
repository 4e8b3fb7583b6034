package io.crosscast.campaign;

/**
 * Where a campaign stands. A draft can be edited and deleted; it starts (RUNNING), then finishes; a draft or
 * a running campaign can be cancelled. Finished and cancelled campaigns stay as they are.
 */
public enum CampaignStatus {
    DRAFT,
    RUNNING,
    FINISHED,
    CANCELLED;

    /** Whether a campaign in this status may move to {@code target}. */
    public boolean canMoveTo(CampaignStatus target) {
        return switch (this) {
            case DRAFT -> target == RUNNING || target == CANCELLED;
            case RUNNING -> target == FINISHED || target == CANCELLED;
            case FINISHED, CANCELLED -> false;
        };
    }

    /** Finished and cancelled campaigns take no new delivery. */
    public boolean isClosed() {
        return this == FINISHED || this == CANCELLED;
    }
}
