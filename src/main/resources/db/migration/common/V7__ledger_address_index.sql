-- Duplicate addresses among a delivery's pending rows are found by address (SMS: two recipients may share
-- a mobile phone); without this index that check scans the ledger once per row.
CREATE INDEX ix_delivery_message_address ON delivery_message (delivery_id, address);
