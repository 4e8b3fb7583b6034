-- Population members keyed by ONE number (issue #18, speed): member_key = population id * 2^36 + recipient
-- id. H2 stores a table with a one-column BIGINT primary key in that key's B-tree, where a composite key
-- costs a hidden row id plus a second B-tree (three times the work per INSERT); PostgreSQL's index is half
-- as wide. A population is the key range [id * 2^36, (id + 1) * 2^36). No foreign key to population any
-- more (one lookup, on PostgreSQL a trigger, per row written): members are written only by SqlPopulations
-- into a population it has just created, and deleted explicitly with their populations, by key range
-- (SqlPopulations.deleteMembers), never by a cascade. The CHECK keeps every row inside its population's
-- range: recipient ids below 2^36 (68,719,476,736); population ids above 2^27 overflow BIGINT and fail.
ALTER TABLE population_member RENAME TO population_member_v5;
CREATE TABLE population_member (
    member_key   BIGINT NOT NULL,
    recipient_id BIGINT NOT NULL,
    CONSTRAINT pk_population_member PRIMARY KEY (member_key),
    CONSTRAINT ck_population_member_key CHECK (recipient_id >= 0 AND recipient_id < 68719476736
        AND member_key >= 0 AND MOD(member_key, 68719476736) = recipient_id)
);
INSERT INTO population_member (member_key, recipient_id)
    SELECT population_id * 68719476736 + recipient_id, recipient_id FROM population_member_v5;
DROP TABLE population_member_v5;
