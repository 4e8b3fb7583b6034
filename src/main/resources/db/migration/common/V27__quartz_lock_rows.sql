-- Quartz's row locks exist before any scheduler needs them. A clustered scheduler (PostgreSQL, several nodes) takes
-- TRIGGER_ACCESS and STATE_ACCESS by SELECT ... FOR UPDATE on these rows and inserts a missing one on first use;
-- two first uses at once (the scheduler's start and a job scheduled at deployment, or two nodes) then collide on the
-- primary key inside a container transaction, which PostgreSQL aborts and Quartz cannot roll back.
INSERT INTO qrtz_locks (sched_name, lock_name)
SELECT 'crosscast', 'TRIGGER_ACCESS' WHERE NOT EXISTS
    (SELECT 1 FROM qrtz_locks WHERE sched_name = 'crosscast' AND lock_name = 'TRIGGER_ACCESS');
INSERT INTO qrtz_locks (sched_name, lock_name)
SELECT 'crosscast', 'STATE_ACCESS' WHERE NOT EXISTS
    (SELECT 1 FROM qrtz_locks WHERE sched_name = 'crosscast' AND lock_name = 'STATE_ACCESS');
