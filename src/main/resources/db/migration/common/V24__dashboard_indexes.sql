-- The home dashboard's charts group the last 7 or 30 days by time (issue 15): each statement reads a time
-- range through an index on its time column, with the columns it groups or filters on, so that PostgreSQL
-- answers it from the index (an index-only scan) instead of reading a table of millions of rows.
CREATE INDEX ix_tracking_log_logged ON tracking_log (logged_at, type, actor);
CREATE INDEX ix_delivery_message_sent ON delivery_message (sent_at, status);
CREATE INDEX ix_recipient_email_quarantined ON recipient (email_quarantined_at);
CREATE INDEX ix_recipient_sms_quarantined ON recipient (sms_quarantined_at);
