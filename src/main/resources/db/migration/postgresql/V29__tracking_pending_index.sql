-- Each pass of the tracking classifier starts by asking for the first and last id of the logs it has not
-- classified yet: SELECT MIN(id), MAX(id) FROM tracking_log WHERE actor IS NULL. PostgreSQL answered it by walking
-- the primary key from its low end past every classified log (476 ms with 2 million of them; 1.2 s on average
-- during TrackingBenchmark, every 5 s: 46 s of the database's CPU in one run, its largest single cost, #13).
-- A partial index on the pending ids answers both ends with two seeks; it holds only the rows not classified yet
-- (a row leaves it when its actor is set). H2 has no partial index (its V29 does nothing).
CREATE INDEX ix_tracking_log_pending ON tracking_log (id) WHERE actor IS NULL;
