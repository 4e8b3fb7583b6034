package io.crosscast.workflow;

import java.io.Serializable;
import java.util.Map;

/**
 * Where everyone went in a run (issue #15): per finished activity, how many recipients it received and passed
 * on, and where the difference went: a Split's recipients in no subset, a delivery's recipients excluded with
 * the reasons, any other activity's recipients not passed on.
 *
 * @param purged     the run's populations were deleted by the retention job: who was not passed on is no longer
 *                   known (a delivery's exclusions still are, from its ledger)
 * @param activities by activity id, only the activities that are done
 */
public record RunFlow(long runId, boolean purged, Map<String, ActivityFlow> activities) implements Serializable {

    /** What {@link LeftBehind#reason()} says of a recipient a Split put in no subset. */
    public static final String IN_NO_SUBSET = "IN_NO_SUBSET";

    /** What {@link LeftBehind#reason()} says of a recipient another activity did not pass on. */
    public static final String NOT_PASSED_ON = "NOT_PASSED_ON";

    /**
     * One activity's flow.
     *
     * @param received  the sum of its incoming transitions' counts
     * @param passedOn  the sum of its outgoing transitions' counts
     * @param left      the recipients it received that none of its outgoing transitions carried; null when
     *                  unknown (populations purged)
     * @param excluded  for a delivery, its excluded recipients by reason (NO_ADDRESS, OPTED_OUT, QUARANTINED,
     *                  DUPLICATE), only the reasons that occur; empty for other activities
     */
    public record ActivityFlow(
            String activityId, String type, long received, long passedOn, Long left, Map<String, Long> excluded)
            implements Serializable {

        public boolean delivery() {
            return type.endsWith("Delivery");
        }

        /** How many the box says went missing: a delivery's excluded, otherwise those not passed on. */
        public long missing() {
            return delivery()
                    ? excluded.values().stream().mapToLong(Long::longValue).sum()
                    : left == null ? 0 : left;
        }
    }
}
