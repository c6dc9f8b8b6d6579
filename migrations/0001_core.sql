-- lovefund core schema: the chart of accounts, funds, parties, and the append-only
-- journal (entries + postings) with its hash chain. Amounts are INTEGER fen.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE accounts (
    code    TEXT PRIMARY KEY,
    type    TEXT NOT NULL CHECK (type IN ('asset', 'liability', 'net-assets', 'income', 'expense')),
    name_zh_hant TEXT NOT NULL,
    name_zh_hans TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    parent  TEXT REFERENCES accounts (code)
) WITHOUT ROWID;

CREATE TABLE funds (
    id           INTEGER PRIMARY KEY,
    alias        TEXT NOT NULL UNIQUE,
    name_zh_hant TEXT NOT NULL UNIQUE,
    name_zh_hans TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    restricted   INTEGER NOT NULL CHECK (restricted IN (0, 1)),
    program_account TEXT REFERENCES accounts (code)
);

-- Donors and beneficiaries. Identity numbers are never stored in clear: only a
-- keyed hash (to find the same person twice) and the last four characters.
CREATE TABLE parties (
    id            INTEGER PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('donor', 'beneficiary')),
    type          TEXT NOT NULL CHECK (type IN ('person', 'organization', 'anonymous', 'student', 'household')),
    name          TEXT NOT NULL,
    phone         TEXT,
    id_hash       BLOB,
    id_last4      TEXT,
    school        TEXT,
    grade         TEXT,
    village       TEXT,
    members       INTEGER,
    created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX parties_id_hash ON parties (role, id_hash) WHERE id_hash IS NOT NULL;
CREATE INDEX parties_name ON parties (role, name, type);

CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind        TEXT NOT NULL CHECK (kind IN ('manual', 'donation', 'disbursement', 'reversal', 'closing')),
    memo        TEXT NOT NULL,
    party_id    INTEGER REFERENCES parties (id),
    method      TEXT CHECK (method IN ('bank', 'cash', 'wechat', 'alipay')),
    reference   TEXT,
    reverses    INTEGER REFERENCES entries (id),
    reason      TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    hash        BLOB NOT NULL CHECK (length(hash) = 32)
);
-- No index on date or party_id: each cost a third of a million-line import's time,
-- and the reports that filter on them scan the journal once instead.
-- Idempotency keys and reversal links are unique where present.
CREATE UNIQUE INDEX entries_reference ON entries (reference) WHERE reference IS NOT NULL;
CREATE UNIQUE INDEX entries_reverses ON entries (reverses) WHERE reverses IS NOT NULL;

CREATE TABLE postings (
    entry_id   INTEGER NOT NULL REFERENCES entries (id),
    seq        INTEGER NOT NULL,
    account    TEXT NOT NULL REFERENCES accounts (code),
    fund_id    INTEGER NOT NULL REFERENCES funds (id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
    PRIMARY KEY (entry_id, seq)
) WITHOUT ROWID;
CREATE INDEX postings_account ON postings (account, entry_id);

-- Derived totals, kept in the same transaction as each append so reports need not
-- read every posting. `verify totals` recomputes them from the postings alone.
CREATE TABLE daily_totals (
    account    TEXT NOT NULL,
    fund_id    INTEGER NOT NULL,
    date       TEXT NOT NULL,
    debit_fen  INTEGER NOT NULL,
    credit_fen INTEGER NOT NULL,
    PRIMARY KEY (account, fund_id, date)
) WITHOUT ROWID;

-- Per day, for each guarded balance (a fund's net assets; cash, bank and e-wallet
-- money): the day's net change and the lowest running change within the day, in
-- recording order. Enough to refuse any entry that would make a balance negative on
-- its date or any later one.
CREATE TABLE guard_daily (
    subject        TEXT NOT NULL,
    date           TEXT NOT NULL,
    delta_fen      INTEGER NOT NULL,
    min_prefix_fen INTEGER NOT NULL,
    PRIMARY KEY (subject, date)
) WITHOUT ROWID;

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'lovefund: entries are append-only; record a reversal instead'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'lovefund: entries are append-only; record a reversal instead'); END;
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'lovefund: postings are append-only; record a reversal instead'); END;
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'lovefund: postings are append-only; record a reversal instead'); END;
