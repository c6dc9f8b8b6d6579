-- Donors who asked not to be named in public reports (issue 16, §1): `donor add
-- --no-publish`, `donor edit --no-publish` / `--publish`. A row per change, never
-- changed or deleted; a party's newest row is its choice, and a party without a row
-- is named. A table of its own, not a column of party_edits: the chained records
-- encode a row's columns as they were when it was written, so a column added to a
-- chained table would make every older edit differ from its record.
CREATE TABLE party_publish (
    id          INTEGER PRIMARY KEY,
    party_id    INTEGER NOT NULL REFERENCES parties (id),
    publish     INTEGER NOT NULL CHECK (publish IN (0, 1)),
    reason      TEXT,
    set_by      TEXT NOT NULL,
    set_at      TEXT NOT NULL
);
CREATE INDEX party_publish_party ON party_publish (party_id, id);
CREATE TRIGGER party_publish_no_update BEFORE UPDATE ON party_publish
BEGIN SELECT RAISE(ABORT, 'lovefund: a choice to be named is never changed; edit again instead'); END;
CREATE TRIGGER party_publish_no_delete BEFORE DELETE ON party_publish
BEGIN SELECT RAISE(ABORT, 'lovefund: choices to be named are never deleted'); END;

-- The parties that asked, as of now, not to be named.
CREATE VIEW parties_unnamed AS
SELECT p.party_id AS id
FROM party_publish p
WHERE p.id = (SELECT MAX(x.id) FROM party_publish x WHERE x.party_id = p.party_id)
  AND p.publish = 0;
