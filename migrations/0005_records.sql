-- Chained records (issue 14, item 5): every row a report prints outside the journal
-- — the chart, the parties, receipts and voids, closed years, reconciliations and
-- the ledger's settings in meta — is also in a record of the hash chain. A record
-- holds the canonical bytes of the rows one write transaction inserted and comes
-- after the entry that was the journal's head (`after_entry`, 0 before any entry):
-- hash = SHA-256(hash of the item before ‖ canonical bytes), where the item before
-- is the last entry or record appended, and the next entry chains from it.
-- `verify records` replays the records into the expected tables and compares.
-- (The Rust step after this file records the rows an older ledger already holds.)

CREATE TABLE records (
    id          INTEGER PRIMARY KEY,
    after_entry INTEGER NOT NULL CHECK (after_entry >= 0),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    hash        BLOB NOT NULL CHECK (length(hash) = 32),
    -- Last, so that SQLite writes it in place without a copy in memory first.
    payload     BLOB NOT NULL
);
CREATE INDEX records_order ON records (after_entry, id);

CREATE TRIGGER records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'lovefund: records are append-only'); END;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'lovefund: records are append-only'); END;
CREATE TRIGGER accounts_no_update BEFORE UPDATE ON accounts
BEGIN SELECT RAISE(ABORT, 'lovefund: accounts are never changed; add another account instead'); END;
CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
BEGIN SELECT RAISE(ABORT, 'lovefund: accounts are never deleted'); END;
CREATE TRIGGER funds_no_update BEFORE UPDATE ON funds
BEGIN SELECT RAISE(ABORT, 'lovefund: funds are never changed; add another fund instead'); END;
CREATE TRIGGER funds_no_delete BEFORE DELETE ON funds
BEGIN SELECT RAISE(ABORT, 'lovefund: funds are never deleted'); END;
CREATE TRIGGER parties_no_update BEFORE UPDATE ON parties
BEGIN SELECT RAISE(ABORT, 'lovefund: donors and beneficiaries are never changed in place'); END;
CREATE TRIGGER parties_no_delete BEFORE DELETE ON parties
BEGIN SELECT RAISE(ABORT, 'lovefund: donors and beneficiaries are never deleted'); END;
CREATE TRIGGER meta_no_update BEFORE UPDATE ON meta
BEGIN SELECT RAISE(ABORT, 'lovefund: the ledger settings are set once'); END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta
BEGIN SELECT RAISE(ABORT, 'lovefund: the ledger settings are never deleted'); END;
CREATE TRIGGER reconciliation_unmatched_no_update BEFORE UPDATE ON reconciliation_unmatched
BEGIN SELECT RAISE(ABORT, 'lovefund: a recorded reconciliation is never changed'); END;
CREATE TRIGGER reconciliation_unmatched_no_delete BEFORE DELETE ON reconciliation_unmatched
BEGIN SELECT RAISE(ABORT, 'lovefund: a recorded reconciliation is never deleted'); END;
