-- Original documents (原始凭证) behind entries (issue 17 §2): scans, photos and PDFs
-- stored in the ledger, content-addressed. `attachment_blobs` holds each distinct
-- file's bytes once, by SHA-256; it is not chained (the chain would copy every byte
-- into its records), but `verify` recomputes every blob's SHA-256 and the hash is in
-- the chained `attachments` row that names it. An attachment is withdrawn only by a
-- chained `attachment_withdrawals` row with a reason; its bytes stay. Nothing here is
-- ever changed or deleted.
CREATE TABLE attachment_blobs (
    sha256  BLOB PRIMARY KEY CHECK (length(sha256) = 32),
    size    INTEGER NOT NULL CHECK (size >= 0),
    bytes   BLOB NOT NULL
);
CREATE TRIGGER attachment_blobs_no_update BEFORE UPDATE ON attachment_blobs
BEGIN SELECT RAISE(ABORT, 'lovefund: a stored document is never changed'); END;
CREATE TRIGGER attachment_blobs_no_delete BEFORE DELETE ON attachment_blobs
BEGIN SELECT RAISE(ABORT, 'lovefund: a stored document is never deleted'); END;

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    entry_id     INTEGER NOT NULL REFERENCES entries (id),
    sha256       BLOB NOT NULL REFERENCES attachment_blobs (sha256),
    file_name    TEXT NOT NULL,
    size         INTEGER NOT NULL,
    attached_by  TEXT NOT NULL,
    attached_at  TEXT NOT NULL
);
CREATE INDEX attachments_entry ON attachments (entry_id, id);
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'lovefund: an attachment is never changed; withdraw it with a reason'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'lovefund: an attachment is never deleted; withdraw it with a reason'); END;

CREATE TABLE attachment_withdrawals (
    id             INTEGER PRIMARY KEY,
    attachment_id  INTEGER NOT NULL REFERENCES attachments (id),
    reason         TEXT NOT NULL,
    withdrawn_by   TEXT NOT NULL,
    withdrawn_at   TEXT NOT NULL
);
-- One withdrawal an attachment: `entry attachment-withdraw` refuses a second (not a
-- UNIQUE constraint, so that a row copied in by hand is found by `verify records`
-- rather than refused by SQLite).
CREATE INDEX attachment_withdrawals_attachment ON attachment_withdrawals (attachment_id, id);
CREATE TRIGGER attachment_withdrawals_no_update BEFORE UPDATE ON attachment_withdrawals
BEGIN SELECT RAISE(ABORT, 'lovefund: a withdrawal is never changed'); END;
CREATE TRIGGER attachment_withdrawals_no_delete BEFORE DELETE ON attachment_withdrawals
BEGIN SELECT RAISE(ABORT, 'lovefund: a withdrawal is never deleted'); END;
