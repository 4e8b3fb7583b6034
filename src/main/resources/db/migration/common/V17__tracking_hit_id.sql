-- Durable tracking (issue 13): every open and click carries the id its server gave it when it arrived, so a hit
-- replayed from a node's local journal (written while the database was unreachable, or when a write's outcome was
-- unknown) is inserted at most once. Rows from before (and unsubscriptions written by older versions) have none;
-- a unique index allows any number of NULLs on H2 and PostgreSQL.
ALTER TABLE tracking_log ADD COLUMN hit_id UUID;
CREATE UNIQUE INDEX ux_tracking_log_hit ON tracking_log (hit_id);
