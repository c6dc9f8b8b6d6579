-- Receipt signing keys (issue 16 §3): each ledger signs its receipts' payloads with
-- an Ed25519 key. `signing_keys` holds the public halves and is chained: a key is
-- made (at init, or by the Rust step after this file for an older ledger) and
-- retired by `key rotate`, each a row of its own, never changed or deleted.
-- `signing_secrets` holds the 32-byte secrets and is NOT chained: `backup` leaves
-- it out unless asked, so that an auditor's copy cannot sign.

CREATE TABLE signing_keys (
    id         INTEGER PRIMARY KEY,
    key_id     TEXT NOT NULL,
    -- 64 lowercase hex digits
    public_key TEXT NOT NULL,
    -- 'created' or 'retired'
    event      TEXT NOT NULL,
    reason     TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX signing_keys_key_id ON signing_keys (key_id, id);

CREATE TRIGGER signing_keys_no_update BEFORE UPDATE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'lovefund: a signing key record is never edited'); END;
CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'lovefund: a signing key record is never deleted'); END;

CREATE TABLE signing_secrets (
    key_id TEXT PRIMARY KEY,
    secret BLOB NOT NULL
);
