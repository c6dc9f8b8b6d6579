-- Voided receipts: the number stays, with why, who and when. A void is a row of its
-- own (receipts are never edited) and is never changed or deleted.

CREATE TABLE receipt_voids (
    year      INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    voided_by TEXT NOT NULL,
    voided_at TEXT NOT NULL,
    PRIMARY KEY (year, seq),
    FOREIGN KEY (year, seq) REFERENCES receipts (year, seq)
) WITHOUT ROWID;

CREATE TRIGGER receipt_voids_no_update BEFORE UPDATE ON receipt_voids
BEGIN SELECT RAISE(ABORT, 'lovefund: a void is never changed'); END;
CREATE TRIGGER receipt_voids_no_delete BEFORE DELETE ON receipt_voids
BEGIN SELECT RAISE(ABORT, 'lovefund: a void is never deleted'); END;
