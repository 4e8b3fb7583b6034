-- Faults and retention of workflow runs (issue 18).

-- A transient failure (connection lost, deadlock, lock timeout, database restarting) retries the activity with
-- backoff: which activity, and how many attempts it has failed so far. Reset when the activity completes.
ALTER TABLE workflow_run ADD COLUMN retry_activity VARCHAR(100);
ALTER TABLE workflow_run ADD COLUMN retry_attempts INTEGER NOT NULL DEFAULT 0;

-- When the populations of a run were purged by the retention job (figures, counts and logs are kept).
ALTER TABLE workflow_run ADD COLUMN populations_purged_at TIMESTAMP(6) WITH TIME ZONE;

-- The retention job looks for ended runs by status and age.
CREATE INDEX ix_workflow_run_status_updated ON workflow_run (status, updated_at);

-- A Pause or Stop asked while the run's row is held by a long activity: applied between two activities.
-- No foreign key: inserting a child row would wait for the run row's lock, the very thing this avoids.
CREATE TABLE run_request (
    run_id       BIGINT       NOT NULL PRIMARY KEY,
    request      VARCHAR(10)  NOT NULL,
    requested_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
