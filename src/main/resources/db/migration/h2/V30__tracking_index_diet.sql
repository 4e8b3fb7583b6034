-- See PostgreSQL's V30: ix_tracking_log_actor (actor, logged_at) is left to ix_tracking_log_logged (the
-- reconsideration of recent PERSON verdicts, a range of logged_at) and to the slices' id ranges (the pending
-- logs). H2 has no partial index, so it keeps ix_tracking_log_label for the "near a honeypot" lookup.
DROP INDEX ix_tracking_log_actor;
