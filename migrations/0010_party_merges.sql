-- Donors entered twice (issue 16, §1). `donor merge A B` adds a row (party_id B,
-- into_id A): from then on B's gifts count as A's in every report. `donor unmerge B`
-- adds a row (party_id B, into_id NULL). Nothing is changed or deleted: a party's
-- newest row is its state, so the rows are also the history of merges, and the table
-- is chained, so `verify records` replays it. (0009 is another branch's.)
CREATE TABLE party_merges (
    id          INTEGER PRIMARY KEY,
    party_id    INTEGER NOT NULL REFERENCES parties (id),
    into_id     INTEGER REFERENCES parties (id),
    reason      TEXT NOT NULL,
    merged_by   TEXT NOT NULL,
    merged_at   TEXT NOT NULL,
    CHECK (into_id IS NULL OR into_id <> party_id)
);
CREATE INDEX party_merges_party ON party_merges (party_id, id);
CREATE TRIGGER party_merges_no_update BEFORE UPDATE ON party_merges
BEGIN SELECT RAISE(ABORT, 'lovefund: a merge is never changed; unmerge instead'); END;
CREATE TRIGGER party_merges_no_delete BEFORE DELETE ON party_merges
BEGIN SELECT RAISE(ABORT, 'lovefund: merges are never deleted; unmerge instead'); END;

-- Each party merged now, with the party it was merged into.
CREATE VIEW party_merged_now AS
SELECT m.party_id AS id, m.into_id AS into_id
FROM party_merges m
WHERE m.id = (SELECT MAX(x.id) FROM party_merges x WHERE x.party_id = m.party_id)
  AND m.into_id IS NOT NULL;

-- Each merged party with its root: the party its gifts count for, followed through
-- parties that were merged in turn (a merge into a merged party is recorded into
-- its root, and a cycle is refused, so the walk ends; 64 steps bound it anyway).
CREATE VIEW party_roots AS
WITH RECURSIVE up (id, root, depth) AS (
    SELECT id, into_id, 1 FROM party_merged_now
    UNION ALL
    SELECT up.id, m.into_id, up.depth + 1
    FROM up JOIN party_merged_now m ON m.id = up.root
    WHERE up.depth < 64
)
SELECT u.id AS id, u.root AS root FROM up u
WHERE NOT EXISTS (SELECT 1 FROM party_merged_now m WHERE m.id = u.root);
