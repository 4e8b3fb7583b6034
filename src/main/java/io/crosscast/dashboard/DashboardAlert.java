package io.crosscast.dashboard;

import io.crosscast.engine.Text;
import java.io.Serializable;

/**
 * Something that went wrong, with the place to act: a failed activity (its campaign's workflow tab) or a
 * delivery whose bounce or opt-out rate is unusual (its report).
 *
 * @param subject    the campaign's or the delivery's label
 * @param campaignId the campaign concerned, null when none
 * @param deliveryId the delivery concerned (rates), null for a failed activity
 * @param activityId the failed activity, null for rates
 * @param rate       the unusual rate, 0 to 1 (0 for a failed activity)
 * @param error      why the activity failed, null for rates
 */
public record DashboardAlert(
        Kind kind, String subject, Long campaignId, Long deliveryId, String activityId, double rate, Text error)
        implements Serializable {

    public enum Kind {
        FAILED_ACTIVITY,
        BOUNCE_RATE,
        OPT_OUT_RATE
    }
}
