package io.crosscast.workflow.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock of workflow runs (wake-ups, retries, retention): the system's, UTC. Injected, so that a test can
 * replace it with a CDI alternative and live a year of daily runs in seconds.
 */
@Dependent
public class WorkflowClock {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
