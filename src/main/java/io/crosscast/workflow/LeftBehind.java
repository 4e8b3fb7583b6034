package io.crosscast.workflow;

import java.io.Serializable;
import java.util.List;

/**
 * A recipient an activity of a run did not pass on, and why: {@link RunFlow#IN_NO_SUBSET},
 * {@link RunFlow#NOT_PASSED_ON}, or a delivery's exclusion reason (NO_ADDRESS, OPTED_OUT, QUARANTINED, DUPLICATE).
 */
public record LeftBehind(long recipientId, String email, String firstName, String lastName, String reason)
        implements Serializable {

    /** One page of them and how many there are in all. */
    public record Page(long total, List<LeftBehind> items) implements Serializable {}
}
