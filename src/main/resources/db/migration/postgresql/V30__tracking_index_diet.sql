-- Every hit inserted into tracking_log, and every hit the classifier's pass gives its verdict (not a HOT update:
-- actor is indexed), adds an entry to each index of the table (#13). Two of them served the classifier alone:
-- ix_tracking_log_label served the "near a honeypot" lookup only, which looks for honeypot clicks: a partial index
-- on those rare rows serves it and costs every other hit nothing (the lookup names the label as a literal, so
-- every plan of it can use this index). ix_tracking_log_actor (actor, logged_at) served the reconsideration of
-- recent PERSON verdicts, a range of logged_at that ix_tracking_log_logged (logged_at, type, actor) serves as well,
-- and the pending range, which V29's partial index serves. H2 has no partial index: its V30 drops the second only.
DROP INDEX ix_tracking_log_label;
CREATE INDEX ix_tracking_log_honeypot ON tracking_log (recipient_id, delivery_id, logged_at)
    WHERE label = 'crosscast-honeypot';
DROP INDEX ix_tracking_log_actor;
