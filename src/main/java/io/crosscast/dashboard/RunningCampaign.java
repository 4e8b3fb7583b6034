package io.crosscast.dashboard;

import java.io.Serializable;
import java.time.Instant;

/**
 * A running campaign and the state of its workflow's latest run.
 *
 * @param runId      the latest run, null when the workflow never started
 * @param runStatus  that run's status (STARTED, PAUSED, FINISHED, FAILED, STOPPED), null when none
 * @param running    activities running now
 * @param waiting    activities waiting for a time
 * @param nextWakeUp the earliest time a waiting activity wakes up, null when none waits
 */
public record RunningCampaign(
        long campaignId, String label, Long runId, String runStatus, int running, int waiting, Instant nextWakeUp)
        implements Serializable {}
