-- Staging rows of CSV imports: each chunk of valid lines lands here, is merged into recipient with a few
-- set-based statements, then deleted. Rows of an import that crashed are left behind and ignored
-- (import_id is unique per run).
CREATE TABLE import_row (
    import_id     VARCHAR(36)  NOT NULL,
    line_no       BIGINT       NOT NULL,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL,
    first_name    VARCHAR(100),
    last_name     VARCHAR(100),
    mobile_phone  VARCHAR(16),
    status        VARCHAR(10),
    country       VARCHAR(2),
    language      VARCHAR(8),
    birth_date    DATE,
    email_opt_out BOOLEAN,
    sms_opt_out   BOOLEAN,
    PRIMARY KEY (import_id, line_no)
);
CREATE INDEX ix_import_row_key ON import_row (import_id, email_key);
