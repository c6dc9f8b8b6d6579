-- Fund accounting: donor receipts numbered gap-free per year of the donation date
-- (shown as YYYY-NNNNNN, e.g. 2022-000123). Who issued a receipt and when is the
-- entry's recorded_by and recorded_at. A receipt row is never changed or deleted;
-- voiding (a later migration) adds rows.

CREATE TABLE receipts (
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    entry_id    INTEGER NOT NULL REFERENCES entries (id),
    official_no TEXT,                        -- 公益事業捐贈票據 number, when one exists
    replaces    TEXT,                        -- the voided receipt this one reissues
    PRIMARY KEY (year, seq)
) WITHOUT ROWID;
CREATE INDEX receipts_entry ON receipts (entry_id);
CREATE UNIQUE INDEX receipts_replaces ON receipts (replaces) WHERE replaces IS NOT NULL;

CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
BEGIN SELECT RAISE(ABORT, 'lovefund: receipts are never changed; void and reissue instead'); END;
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'lovefund: receipt numbers are never deleted; void instead'); END;
