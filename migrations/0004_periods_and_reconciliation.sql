-- Year close (period lock) and bank reconciliations. Both are append-only records
-- of their own: closing never edits the journal, and clearing a posting never
-- edits the posting.

CREATE TABLE closed_years (
    year       INTEGER PRIMARY KEY,
    entry_id   INTEGER REFERENCES entries (id),   -- the closing entry, if the year had any income or cost
    last_entry INTEGER NOT NULL,                   -- the highest entry id when the year was closed
    closed_by  TEXT NOT NULL,
    closed_at  TEXT NOT NULL
);

CREATE TABLE reconciliations (
    id                  INTEGER PRIMARY KEY,
    account             TEXT NOT NULL REFERENCES accounts (code),
    as_of               TEXT NOT NULL,
    statement_sha256    TEXT NOT NULL,
    statement_lines     INTEGER NOT NULL,
    closing_balance_fen INTEGER NOT NULL,
    ledger_balance_fen  INTEGER NOT NULL,
    adjusted_fen        INTEGER NOT NULL,
    agrees              INTEGER NOT NULL CHECK (agrees IN (0, 1)),
    recorded_by         TEXT NOT NULL,
    recorded_at         TEXT NOT NULL,
    UNIQUE (account, statement_sha256)
);

-- A posting is cleared at most once (the primary key), by the statement line it matched.
CREATE TABLE cleared_postings (
    entry_id          INTEGER NOT NULL,
    seq               INTEGER NOT NULL,
    reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (id),
    statement_line    INTEGER NOT NULL,
    statement_date    TEXT NOT NULL,
    amount_fen        INTEGER NOT NULL,
    reference         TEXT NOT NULL,
    match_kind        TEXT NOT NULL CHECK (match_kind IN ('reference', 'amount-date')),
    PRIMARY KEY (entry_id, seq),
    FOREIGN KEY (entry_id, seq) REFERENCES postings (entry_id, seq)
) WITHOUT ROWID;
CREATE INDEX cleared_postings_reconciliation ON cleared_postings (reconciliation_id);

-- Statement lines the ledger did not have (bank fees, interest, items not yet booked).
CREATE TABLE reconciliation_unmatched (
    reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (id),
    statement_line    INTEGER NOT NULL,
    date              TEXT NOT NULL,
    amount_fen        INTEGER NOT NULL,
    reference         TEXT NOT NULL,
    description       TEXT NOT NULL,
    PRIMARY KEY (reconciliation_id, statement_line)
) WITHOUT ROWID;

CREATE TRIGGER closed_years_no_update BEFORE UPDATE ON closed_years
BEGIN SELECT RAISE(ABORT, 'lovefund: a closed year stays closed'); END;
CREATE TRIGGER closed_years_no_delete BEFORE DELETE ON closed_years
BEGIN SELECT RAISE(ABORT, 'lovefund: a closed year stays closed'); END;
CREATE TRIGGER reconciliations_no_update BEFORE UPDATE ON reconciliations
BEGIN SELECT RAISE(ABORT, 'lovefund: a recorded reconciliation is never changed'); END;
CREATE TRIGGER reconciliations_no_delete BEFORE DELETE ON reconciliations
BEGIN SELECT RAISE(ABORT, 'lovefund: a recorded reconciliation is never deleted'); END;
CREATE TRIGGER cleared_postings_no_update BEFORE UPDATE ON cleared_postings
BEGIN SELECT RAISE(ABORT, 'lovefund: a cleared posting stays cleared'); END;
CREATE TRIGGER cleared_postings_no_delete BEFORE DELETE ON cleared_postings
BEGIN SELECT RAISE(ABORT, 'lovefund: a cleared posting stays cleared'); END;
