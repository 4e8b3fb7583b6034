-- Enrichment (issue #17): the values an Enrichment activity adds to the recipients of its population, for the
-- later activities of the same run (conditions on enrichment.<name>). One row per run, value name and recipient
-- (the primary key: a condition looks one recipient's value up by it). Written only by
-- io.crosscast.workflow.internal.SqlPopulations (one INSERT ... SELECT per value), deleted with the run's
-- populations by PopulationPurge. A value is a number (counts), a time (last open / click) or a text (a copied
-- recipient field); the other columns stay NULL, and all three are NULL when the recipient has none (never
-- clicked). No foreign key to workflow_run (as population_member, V16): rows are purged explicitly.
CREATE TABLE enrichment_value (
    run_id       BIGINT       NOT NULL,
    name         VARCHAR(40)  NOT NULL,
    recipient_id BIGINT       NOT NULL,
    num_value    BIGINT,
    time_value   TIMESTAMP(6) WITH TIME ZONE,
    text_value   VARCHAR(320),
    CONSTRAINT pk_enrichment_value PRIMARY KEY (run_id, name, recipient_id)
);
