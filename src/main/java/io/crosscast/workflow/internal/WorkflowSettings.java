package io.crosscast.workflow.internal;

import java.time.Duration;

/**
 * The administrator's settings of workflow runs, as system properties (README, administrator's part):
 * <ul>
 *   <li>{@value #RETRIES}: further attempts of an activity after a transient failure (default 5; 0: none)</li>
 *   <li>{@value #RETRY_SECONDS}: the wait before the first retry, doubled at each next one (default 2) up to
 *       {@value #RETRY_MAX_SECONDS} (default 300)</li>
 *   <li>{@value #LOCK_TIMEOUT_SECONDS}: how long a step waits for a run's row (default 10)</li>
 *   <li>{@value #RETENTION_DAYS}: how long the populations of a finished or stopped run are kept (default 30)</li>
 * </ul>
 */
public record WorkflowSettings(
        int retries, Duration firstRetry, Duration maxRetry, Duration lockTimeout, Duration retention) {

    public static final String RETRIES = "crosscast.workflow.retries";
    public static final String RETRY_SECONDS = "crosscast.workflow.retrySeconds";
    public static final String RETRY_MAX_SECONDS = "crosscast.workflow.retryMaxSeconds";
    public static final String LOCK_TIMEOUT_SECONDS = "crosscast.workflow.lockTimeoutSeconds";
    public static final String RETENTION_DAYS = "crosscast.workflow.retentionDays";

    /** The server's settings, read now (a property changed at run time applies to the next step). */
    public static WorkflowSettings configured() {
        return new WorkflowSettings(
                Math.max(0, Integer.getInteger(RETRIES, 5)),
                Duration.ofSeconds(Math.max(0, Long.getLong(RETRY_SECONDS, 2))),
                Duration.ofSeconds(Math.max(1, Long.getLong(RETRY_MAX_SECONDS, 300))),
                Duration.ofSeconds(Math.max(1, Long.getLong(LOCK_TIMEOUT_SECONDS, 10))),
                Duration.ofDays(Math.max(1, Long.getLong(RETENTION_DAYS, 30))));
    }

    /** The wait before retry number {@code attempt} (1 = the first): first, doubled each time, at most max. */
    public Duration backoff(int attempt) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempt && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
