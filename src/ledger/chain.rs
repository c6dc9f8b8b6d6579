//! The tamper-evident hash chain (DESIGN.md invariant 3):
//! `hash = SHA-256(previous hash ‖ canonical bytes of the entry and its postings)`.
//! The canonical form is our own length-prefixed binary encoding, so it does not
//! depend on how SQLite renders text or numbers, and it changes only with a new
//! version tag.
//!
//! Records (the rows beside the journal: chart, people, receipts, closings,
//! reconciliations, settings) share the chain: a record's hash is
//! `SHA-256(previous item's hash ‖ canonical bytes of the record)`, where the
//! previous item is whatever was appended last, entry or record. What a record's
//! payload holds is the store's business (store/records.rs); here it is bytes.

use super::entry::{EntryDetails, EntryKind, Posting};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub const HASH_LENGTH: usize = 32;
/// The "previous hash" of the first entry.
pub const GENESIS: [u8; HASH_LENGTH] = [0; HASH_LENGTH];
const FORMAT_TAG: &[u8] = b"lovefund-entry-v1";
const RECORD_TAG: &str = "lovefund-record-v1";

/// Everything the chain covers of a record.
pub struct RecordFields<'a> {
    pub id: i64,
    /// The journal's head entry when the record was written (0: none yet).
    pub after_entry: i64,
    pub recorded_by: &'a str,
    pub recorded_at: &'a str,
    pub payload: &'a [u8],
}

pub fn record_hash(previous: &[u8], fields: &RecordFields<'_>) -> [u8; HASH_LENGTH] {
    let mut hasher = Sha256::new();
    hasher.update(previous);
    let mut head = Vec::with_capacity(96);
    put_str(&mut head, RECORD_TAG);
    head.extend_from_slice(&fields.id.to_be_bytes());
    head.extend_from_slice(&fields.after_entry.to_be_bytes());
    put_str(&mut head, fields.recorded_by);
    put_str(&mut head, fields.recorded_at);
    head.extend_from_slice(&(fields.payload.len() as u64).to_be_bytes());
    hasher.update(&head);
    hasher.update(fields.payload);
    hasher.finalize().into()
}

/// Everything the chain covers, borrowed from a new or a stored entry.
pub struct EntryFields<'a> {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub memo: &'a str,
    pub details: &'a EntryDetails,
    pub recorded_by: &'a str,
    pub recorded_at: &'a str,
    pub postings: &'a [Posting],
}

pub fn entry_hash(previous: &[u8], fields: &EntryFields<'_>) -> [u8; HASH_LENGTH] {
    let mut bytes = Vec::with_capacity(256);
    canonical_bytes(fields, &mut bytes);
    let mut hasher = Sha256::new();
    hasher.update(previous);
    hasher.update(&bytes);
    hasher.finalize().into()
}

/// The canonical byte form: a tag, then each field as fixed-width big-endian
/// integers or u32-length-prefixed UTF-8, options as a 0/1 byte then the value.
pub fn canonical_bytes(fields: &EntryFields<'_>, out: &mut Vec<u8>) {
    put_str(out, std::str::from_utf8(FORMAT_TAG).unwrap_or_default());
    out.extend_from_slice(&fields.id.to_be_bytes());
    put_str(out, &crate::ledger::date::iso(fields.date));
    put_str(out, fields.kind.as_str());
    put_str(out, fields.memo);
    let d = fields.details;
    put_opt_int(out, d.party_id);
    put_opt_str(out, d.method.as_deref());
    put_opt_str(out, d.reference.as_deref());
    put_opt_int(out, d.reverses);
    put_opt_str(out, d.reason.as_deref());
    put_str(out, fields.recorded_by);
    put_str(out, fields.recorded_at);
    out.extend_from_slice(&(fields.postings.len() as u32).to_be_bytes());
    for p in fields.postings {
        put_str(out, p.account.as_str());
        out.extend_from_slice(&p.fund.0.to_be_bytes());
        out.extend_from_slice(&p.amount.fen().to_be_bytes());
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_be_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
    }
}

fn put_opt_int(out: &mut Vec<u8>, n: Option<i64>) {
    match n {
        None => out.push(0),
        Some(n) => {
            out.push(1);
            out.extend_from_slice(&n.to_be_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::account::AccountCode;
    use crate::ledger::fund::FundId;
    use crate::ledger::money::Money;

    fn fields<'a>(
        details: &'a EntryDetails,
        postings: &'a [Posting],
        memo: &'a str,
    ) -> EntryFields<'a> {
        EntryFields {
            id: 1,
            date: NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(),
            kind: EntryKind::Manual,
            memo,
            details,
            recorded_by: "treasurer",
            recorded_at: "2022-03-01T00:00:00Z",
            postings,
        }
    }

    #[test]
    fn every_field_changes_the_hash() {
        let details = EntryDetails::default();
        let postings = vec![
            Posting {
                account: AccountCode::parse("1002").unwrap(),
                fund: FundId(1),
                amount: Money::from_fen(100),
            },
            Posting {
                account: AccountCode::parse("4101").unwrap(),
                fund: FundId(1),
                amount: Money::from_fen(-100),
            },
        ];
        let base = entry_hash(&GENESIS, &fields(&details, &postings, "a"));
        assert_ne!(
            base,
            entry_hash(&GENESIS, &fields(&details, &postings, "b"))
        );
        assert_ne!(
            base,
            entry_hash(&[1; 32], &fields(&details, &postings, "a"))
        );
        let mut changed = postings.clone();
        changed[0].fund = FundId(2);
        assert_ne!(base, entry_hash(&GENESIS, &fields(&details, &changed, "a")));
        // A string boundary moved between fields must not collide.
        let moved = EntryDetails {
            method: Some(String::new()),
            ..EntryDetails::default()
        };
        assert_ne!(base, entry_hash(&GENESIS, &fields(&moved, &postings, "a")));
    }

    #[test]
    fn every_field_of_a_record_changes_its_hash() {
        let record = |id, after_entry, by, payload| RecordFields {
            id,
            after_entry,
            recorded_by: by,
            recorded_at: "2022-03-01T00:00:00Z",
            payload,
        };
        let base = record_hash(&GENESIS, &record(1, 0, "treasurer", b"ab"));
        for other in [
            record_hash(&[1; 32], &record(1, 0, "treasurer", b"ab")),
            record_hash(&GENESIS, &record(2, 0, "treasurer", b"ab")),
            record_hash(&GENESIS, &record(1, 1, "treasurer", b"ab")),
            record_hash(&GENESIS, &record(1, 0, "treasurer2", b"ab")),
            record_hash(&GENESIS, &record(1, 0, "treasurer", b"ac")),
            // The boundary between the recorder and the payload is fixed.
            record_hash(&GENESIS, &record(1, 0, "treasurera", b"b")),
        ] {
            assert_ne!(base, other);
        }
    }
}
