-- Corrections of donors and beneficiaries (issue 16, §1). A party row is never
-- changed: an edit is a new row of party_edits holding the whole party as it is after
-- the edit, with who, when and why; the newest edit of a party is its current state
-- (view parties_now). Both tables are chained, so `verify records` replays them.
-- receipt_names keeps the donor's name a receipt was issued with when it was not the
-- name the donor was added with: a receipt keeps the name printed on it.
CREATE TABLE party_edits (
    id          INTEGER PRIMARY KEY,
    party_id    INTEGER NOT NULL REFERENCES parties (id),
    type        TEXT NOT NULL CHECK (type IN ('person', 'organization', 'anonymous', 'student', 'household')),
    name        TEXT NOT NULL,
    phone       TEXT,
    id_hash     BLOB,
    id_last4    TEXT,
    school      TEXT,
    grade       TEXT,
    village     TEXT,
    members     INTEGER,
    reason      TEXT NOT NULL,
    edited_by   TEXT NOT NULL,
    edited_at   TEXT NOT NULL
);
CREATE INDEX party_edits_party ON party_edits (party_id, id);
CREATE TRIGGER party_edits_no_update BEFORE UPDATE ON party_edits
BEGIN SELECT RAISE(ABORT, 'lovefund: an edit is never changed; edit again instead'); END;
CREATE TRIGGER party_edits_no_delete BEFORE DELETE ON party_edits
BEGIN SELECT RAISE(ABORT, 'lovefund: edits are never deleted'); END;

CREATE TABLE receipt_names (
    year  INTEGER NOT NULL,
    seq   INTEGER NOT NULL,
    name  TEXT NOT NULL,
    PRIMARY KEY (year, seq),
    FOREIGN KEY (year, seq) REFERENCES receipts (year, seq)
);
CREATE TRIGGER receipt_names_no_update BEFORE UPDATE ON receipt_names
BEGIN SELECT RAISE(ABORT, 'lovefund: a receipt keeps the name it was issued with'); END;
CREATE TRIGGER receipt_names_no_delete BEFORE DELETE ON receipt_names
BEGIN SELECT RAISE(ABORT, 'lovefund: a receipt keeps the name it was issued with'); END;

CREATE VIEW parties_now AS
SELECT p.id AS id, p.role AS role,
       CASE WHEN e.id IS NULL THEN p.type ELSE e.type END AS type,
       CASE WHEN e.id IS NULL THEN p.name ELSE e.name END AS name,
       CASE WHEN e.id IS NULL THEN p.phone ELSE e.phone END AS phone,
       CASE WHEN e.id IS NULL THEN p.id_hash ELSE e.id_hash END AS id_hash,
       CASE WHEN e.id IS NULL THEN p.id_last4 ELSE e.id_last4 END AS id_last4,
       CASE WHEN e.id IS NULL THEN p.school ELSE e.school END AS school,
       CASE WHEN e.id IS NULL THEN p.grade ELSE e.grade END AS grade,
       CASE WHEN e.id IS NULL THEN p.village ELSE e.village END AS village,
       CASE WHEN e.id IS NULL THEN p.members ELSE e.members END AS members,
       p.created_at AS created_at
FROM parties p
LEFT JOIN party_edits e ON e.id = (SELECT MAX(x.id) FROM party_edits x WHERE x.party_id = p.id);
