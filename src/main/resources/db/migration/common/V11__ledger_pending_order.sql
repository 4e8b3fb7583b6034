-- A sending slice reads a delivery's pending rows page by page in recipient order
-- (delivery_id = ? AND status = 'PENDING' AND recipient_id > ? ORDER BY recipient_id). With the index on
-- (delivery_id, status) alone, each page read every pending row and sorted them: a send of n messages read
-- about n * n / 200 rows. With recipient_id as the index's last column a page is a range read in order.
-- The new index still serves every query by (delivery_id) or (delivery_id, status).
DROP INDEX ix_delivery_message_status;
CREATE INDEX ix_delivery_message_pending ON delivery_message (delivery_id, status, recipient_id);
