-- The classifier's "near a honeypot" rule looks, for each click it classifies, for a honeypot click of the same
-- recipient within seconds (issue 13). Through ix_tracking_log_delivery that lookup read every click of the
-- recipient in the delivery (the label is not in it): quadratic for a recipient with many clicks, half the
-- server's CPU during a burst of clicks on one link. Honeypot clicks are rare: by label first, the lookup is a
-- seek into a short range.
CREATE INDEX ix_tracking_log_label ON tracking_log (label, recipient_id, logged_at);
