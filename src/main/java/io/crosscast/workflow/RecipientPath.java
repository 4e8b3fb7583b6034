package io.crosscast.workflow;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One run that touched a recipient (issue #15): the activities they reached, the subset that took them, whether a
 * delivery excluded them and why, what they opened and clicked.
 *
 * @param purged the run's populations were deleted by the retention job: which activities they reached is no
 *               longer known (deliveries are, from their ledgers)
 * @param steps  in the order of the run's definition, the activities that reached them (or, purged, the deliveries
 *               whose ledgers hold them)
 */
public record RecipientPath(
        long runId, long workflowId, String status, Instant startedAt, boolean purged, List<Step> steps)
        implements Serializable {

    /**
     * One activity of the run that reached the recipient.
     *
     * @param subsets        for a Split, the outputs that took them ("subset1", "complement"...), empty when none
     *                       did; empty for other activities
     * @param passedOn       whether one of its outgoing transitions carried them (null: unknown, purged)
     * @param deliveryId     for a delivery, the delivery that was sent (null otherwise)
     * @param deliveryStatus the ledger's status for them (SENT, EXCLUDED...), null when none
     * @param exclusion      the exclusion reason, null when not excluded
     */
    public record Step(
            String activityId,
            String type,
            String label,
            List<String> subsets,
            Boolean passedOn,
            Long deliveryId,
            String deliveryStatus,
            String exclusion,
            long opensByPeople,
            long opensByMachines,
            long clicksByPeople,
            long clicksByMachines)
            implements Serializable {}
}
