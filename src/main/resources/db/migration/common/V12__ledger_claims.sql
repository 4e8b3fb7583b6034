-- Email sending claims ledger rows in batches: a claimed row stays PENDING, marked with the node that
-- claimed it and until when (its lease). Other senders skip it until the lease ends; the node releases its
-- own claims when it starts again. Only PENDING rows are ever claimed.
ALTER TABLE delivery_message ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE delivery_message ADD COLUMN claimed_until TIMESTAMP(6) WITH TIME ZONE;

-- A delivery may be paused while sending (PAUSED: nothing goes out until it is resumed).
ALTER TABLE delivery DROP CONSTRAINT ck_delivery_status;
ALTER TABLE delivery ADD CONSTRAINT ck_delivery_status CHECK (status IN ('DRAFT', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED'));
