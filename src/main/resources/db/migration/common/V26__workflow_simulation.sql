-- Simulation ("dry run", #15): a run flagged simulated sends nothing and writes no list; its settings
-- (rates per delivery, seed) as JSON. Its behaviour comes from simulated_hit, never tracking_log or the ledger.
ALTER TABLE workflow_run ADD COLUMN simulated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE workflow_run ADD COLUMN simulation_json VARCHAR(100000);

-- What a simulated run's deliveries "did": type SENT (would have been sent: the ledger's stand-in), OPEN or
-- CLICK (url and label of the link). Same column names as tracking_log, so a condition compiled for a
-- simulated run reads the same SQL on another table. Deleted with the run.
CREATE TABLE simulated_hit (
    run_id       BIGINT        NOT NULL REFERENCES workflow_run (id) ON DELETE CASCADE,
    delivery_id  BIGINT        NOT NULL,
    recipient_id BIGINT        NOT NULL,
    type         VARCHAR(12)   NOT NULL,
    url          VARCHAR(2000),
    label        VARCHAR(100),
    actor        VARCHAR(14)   DEFAULT 'PERSON' NOT NULL,
    logged_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_simulated_hit_type CHECK (type IN ('SENT', 'OPEN', 'CLICK'))
);
CREATE INDEX ix_simulated_hit ON simulated_hit (run_id, delivery_id, type, recipient_id);

-- A simulation's scripted behaviour, one row per CSV line: who (email, lower-cased), which delivery (its id
-- or label), what (OPEN or CLICK) and, for a click, which link (its label or URL).
CREATE TABLE simulation_script (
    run_id    BIGINT        NOT NULL REFERENCES workflow_run (id) ON DELETE CASCADE,
    line      INTEGER       NOT NULL,
    email_key VARCHAR(254)  NOT NULL,
    delivery  VARCHAR(200)  NOT NULL,
    action    VARCHAR(12)   NOT NULL,
    link      VARCHAR(2000),
    PRIMARY KEY (run_id, line)
);
