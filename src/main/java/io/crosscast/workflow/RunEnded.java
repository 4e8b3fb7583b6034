package io.crosscast.workflow;

import io.crosscast.engine.RunStatus;
import java.time.Instant;

/**
 * CDI event: a run has just become FINISHED or FAILED. Fired synchronously inside the transaction that writes
 * the run's new status, so an observer that records it (the webhook outbox) commits or rolls back with it.
 */
public record RunEnded(long runId, long workflowId, RunStatus status, Instant at) {}
