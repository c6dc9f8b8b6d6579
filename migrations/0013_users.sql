-- Users, roles and two-person approval (issue 17 §1). A ledger without users works
-- as before: one treasurer, the OS user recorded. Once `user add` has run, every
-- command that opens the ledger signs a user in.
--
-- `user_records` is each user's history: added (with a role and a password hash),
-- a new password (passwd, reset, recover), a new role, disabled, enabled. A user's
-- state now is the fold of their rows, newest last; nothing is changed or deleted.
-- The password hashes are argon2id PHC strings. They are chained, so a hash swapped
-- in by someone with the file is found by `verify records`.
CREATE TABLE user_records (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    event         TEXT NOT NULL CHECK (event IN ('add', 'password', 'role', 'disable', 'enable')),
    role          TEXT CHECK (role IN ('treasurer', 'reviewer', 'auditor')),
    password_hash TEXT,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    CHECK (event <> 'add' OR (role IS NOT NULL AND password_hash IS NOT NULL)),
    CHECK (event <> 'password' OR password_hash IS NOT NULL),
    CHECK (event <> 'role' OR role IS NOT NULL)
);
CREATE UNIQUE INDEX user_records_added ON user_records (name) WHERE event = 'add';
CREATE TRIGGER user_records_no_update BEFORE UPDATE ON user_records
BEGIN SELECT RAISE(ABORT, 'lovefund: a user record is never changed; add a new one'); END;
CREATE TRIGGER user_records_no_delete BEFORE DELETE ON user_records
BEGIN SELECT RAISE(ABORT, 'lovefund: user records are never deleted'); END;

-- The recovery code's argon2id hash: the newest row is the code in force. The first
-- `user add` makes one, and each `user recover` uses it up and makes the next.
CREATE TABLE recovery_codes (
    id           INTEGER PRIMARY KEY,
    code_hash    TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE TRIGGER recovery_codes_no_update BEFORE UPDATE ON recovery_codes
BEGIN SELECT RAISE(ABORT, 'lovefund: a recovery code is never changed'); END;
CREATE TRIGGER recovery_codes_no_delete BEFORE DELETE ON recovery_codes
BEGIN SELECT RAISE(ABORT, 'lovefund: recovery codes are never deleted'); END;

-- A reviewer's decision on an entry: approved (a review mark, not a posting) or
-- rejected (the preparer then reverses it). One decision per entry, final.
CREATE TABLE approvals (
    entry_id    INTEGER PRIMARY KEY REFERENCES entries (id),
    verdict     TEXT NOT NULL CHECK (verdict IN ('approved', 'rejected')),
    note        TEXT,
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL
);
CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
BEGIN SELECT RAISE(ABORT, 'lovefund: a review decision is never changed'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'lovefund: review decisions are never deleted'); END;
