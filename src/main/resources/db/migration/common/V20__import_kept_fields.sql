-- Which fields of a staged import line keep the recipient's value on update (one character per field,
-- K = keep): empty cells when the import keeps them, invalid values the import left out.
ALTER TABLE import_row ADD COLUMN kept_fields VARCHAR(16) DEFAULT '' NOT NULL;
