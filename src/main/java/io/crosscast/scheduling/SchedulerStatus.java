package io.crosscast.scheduling;

/** What the administration page shows of the scheduler. */
public record SchedulerStatus(boolean running, int scheduledJobs, int jobsExecutedSinceStart, String jobStore) {}
