-- 受托代理 (issue 17 §3): a gift the donor designates for one named student or
-- household is held for them (受托代理負債 2601), not the fund's revenue, and paid
-- out to them. 2601 is kept per beneficiary (the 2004 system's 明細賬 "按照指定的
-- 受贈組織或個人"): each gift (`donate --for`) and each payout (`disburse
-- --entrusted`) names the beneficiary here; a reversal counts for the beneficiary of
-- the entry it reverses. A table of its own, not a column of entries, so no older
-- entry's chain bytes change. The accounts 1501 and 2601 are chained rows: the Rust
-- step after this file adds them to a ledger that lacks them.
CREATE TABLE entrusted (
    entry_id       INTEGER PRIMARY KEY REFERENCES entries (id),
    beneficiary_id INTEGER NOT NULL REFERENCES parties (id)
);
CREATE INDEX entrusted_beneficiary ON entrusted (beneficiary_id, entry_id);
CREATE TRIGGER entrusted_no_update BEFORE UPDATE ON entrusted
BEGIN SELECT RAISE(ABORT, 'lovefund: whom a gift is held for is never changed; reverse it instead'); END;
CREATE TRIGGER entrusted_no_delete BEFORE DELETE ON entrusted
BEGIN SELECT RAISE(ABORT, 'lovefund: whom a gift is held for is never deleted'); END;
