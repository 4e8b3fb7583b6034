-- People or machines: each tracking log says which HTTP method it came with and, once the classifier
-- (io.crosscast.tracking.TrackingClassifier) has looked at it, who made it and why it thinks so.
-- request_method: GET, HEAD, POST (NULL for logs written before this column).
-- actor: PERSON, PRIVACY_PROXY (an open loaded by a mail provider's proxy, e.g. Apple Mail Privacy
-- Protection), SCANNER (a security gateway or a bot following links); NULL = not classified yet.
-- actor_reason: the rule that decided, a short code such as APPLE_MPP_AGENT, HONEYPOT, HEAD_REQUEST,
-- ALL_LINKS_AT_ONCE, CLICK_SOON_AFTER_SEND, SCANNER_AGENT (see docs/TRACKING.md).
ALTER TABLE tracking_log ADD COLUMN request_method VARCHAR(8);
ALTER TABLE tracking_log ADD COLUMN actor VARCHAR(14);
ALTER TABLE tracking_log ADD COLUMN actor_reason VARCHAR(40);
ALTER TABLE tracking_log ADD CONSTRAINT ck_tracking_log_actor CHECK (actor IN ('PERSON', 'PRIVACY_PROXY', 'SCANNER'));

-- Readers ask "has this recipient a PERSON's click on this delivery": the delivery index gains the actor
-- as its last column, so the test is answered from the index alone.
DROP INDEX ix_tracking_log_delivery;
CREATE INDEX ix_tracking_log_delivery ON tracking_log (delivery_id, type, recipient_id, actor);
-- The classifier finds the logs not classified yet (actor NULL) and the recent PERSON ones it may still
-- correct (a honeypot hit or the last of "every link at once" arriving later) by actor and time.
CREATE INDEX ix_tracking_log_actor ON tracking_log (actor, logged_at);
