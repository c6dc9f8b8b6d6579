//! Journal entries: a date, a memo and two or more postings that sum to exactly zero.
//! `NewEntry::new` is the only way to make one, so an unbalanced entry cannot exist
//! in memory, let alone reach the store. Debit is positive, credit negative.

use super::account::AccountCode;
use super::fund::FundId;
use super::money::Money;
use crate::error::message::LedgerMessage;
use crate::error::{Error, Field, Result};
use chrono::NaiveDate;
use serde::Serialize;

/// The most postings one entry may have (a closing entry has one per account/fund).
pub const POSTINGS_PER_ENTRY_MAX: usize = 1000;
/// The longest memo or reason accepted, in characters.
pub const MEMO_LENGTH_MAX: usize = 500;
/// The longest reference accepted, in characters.
pub const REFERENCE_LENGTH_MAX: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    Manual,
    Donation,
    Disbursement,
    Reversal,
    Closing,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Manual => "manual",
            EntryKind::Donation => "donation",
            EntryKind::Disbursement => "disbursement",
            EntryKind::Reversal => "reversal",
            EntryKind::Closing => "closing",
        }
    }

    pub fn parse(text: &str) -> Option<EntryKind> {
        Some(match text {
            "manual" => EntryKind::Manual,
            "donation" => EntryKind::Donation,
            "disbursement" => EntryKind::Disbursement,
            "reversal" => EntryKind::Reversal,
            "closing" => EntryKind::Closing,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Posting {
    pub account: AccountCode,
    pub fund: FundId,
    pub amount: Money,
}

/// What an entry says besides its postings; all of it is covered by the hash chain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EntryDetails {
    /// Donor or beneficiary (table `parties`), for donations and disbursements.
    pub party_id: Option<i64>,
    /// bank, cash, wechat or alipay, for donations and disbursements.
    pub method: Option<String>,
    /// The caller's idempotency key (a bank reference, an import line's reference).
    pub reference: Option<String>,
    /// For a reversal: the entry it reverses and why.
    pub reverses: Option<i64>,
    pub reason: Option<String>,
}

/// A balanced entry not yet in the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEntry {
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub memo: String,
    pub details: EntryDetails,
    postings: Vec<Posting>,
}

impl NewEntry {
    /// Checks the double-entry rule and the limits; the error names what is wrong.
    pub fn new(
        date: NaiveDate,
        kind: EntryKind,
        memo: &str,
        details: EntryDetails,
        postings: Vec<Posting>,
    ) -> Result<NewEntry> {
        check_text(Field::Memo, memo, MEMO_LENGTH_MAX)?;
        if let Some(reason) = &details.reason {
            check_text(Field::Reason, reason, MEMO_LENGTH_MAX)?;
        }
        if let Some(reference) = &details.reference {
            check_text(Field::Reference, reference, REFERENCE_LENGTH_MAX)?;
        }
        if postings.len() < 2 {
            return Err(Error::input(LedgerMessage::TooFewPostings));
        }
        if postings.len() > POSTINGS_PER_ENTRY_MAX {
            return Err(Error::input(LedgerMessage::TooManyPostings {
                max: POSTINGS_PER_ENTRY_MAX as u64,
            }));
        }
        if let Some(p) = postings.iter().find(|p| p.amount.is_zero()) {
            return Err(Error::input_in(
                Field::Posting,
                LedgerMessage::ZeroPosting {
                    account: p.account.to_string(),
                },
            ));
        }
        let sum = sum_postings(&postings)
            .ok_or_else(|| Error::input_in(Field::Posting, LedgerMessage::PostingsTooLarge))?;
        if !sum.is_zero() {
            return Err(Error::input(LedgerMessage::Unbalanced {
                credits: sum.is_negative(),
                by: sum.abs().to_string(),
                sum: sum.plain(),
            }));
        }
        Ok(NewEntry {
            date,
            kind,
            memo: memo.trim().to_string(),
            details,
            postings,
        })
    }

    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }

    /// What differs between this entry and one already in the journal (under the
    /// same reference): the names of the fields, empty when it is the same entry.
    /// Who recorded it and when are not compared: a retry is recorded later.
    pub fn differences(&self, stored: &StoredEntry) -> Vec<&'static str> {
        let mut differ = Vec::new();
        let d = (&self.details, &stored.details);
        let fields = [
            ("date", self.date == stored.date),
            ("kind", self.kind == stored.kind),
            ("memo", self.memo == stored.memo),
            ("counterparty", d.0.party_id == d.1.party_id),
            ("method", d.0.method == d.1.method),
            ("reverses", d.0.reverses == d.1.reverses),
            ("reason", d.0.reason == d.1.reason),
            ("postings", self.postings == stored.postings),
        ];
        for (name, same) in fields {
            if !same {
                differ.push(name);
            }
        }
        differ
    }
}

/// The sum of the postings, or None if it overflows.
pub fn sum_postings(postings: &[Posting]) -> Option<Money> {
    postings
        .iter()
        .try_fold(Money::ZERO, |acc, p| acc.checked_add(p.amount))
}

/// Refuses blank-only-if-required, overlong text and control characters other than
/// none at all: memos are single-line text.
pub fn check_text(field: impl Into<Field>, text: &str, length_max: usize) -> Result<()> {
    let field = field.into();
    if text.chars().count() > length_max {
        return Err(Error::input_in(
            field,
            LedgerMessage::TooLong {
                max: length_max as u64,
            },
        ));
    }
    if text.chars().any(|c| c.is_control()) {
        return Err(Error::input_in(field, LedgerMessage::ControlInText));
    }
    refuse_invisible(field, text)
}

/// A character that draws nothing yet changes how text reads or compares: zero-width
/// spaces and joiners, bidirectional embeddings, overrides, isolates and marks, the
/// byte-order mark, the soft hyphen. A name holding one could show as another name
/// (`張三\u{202E}1000` reads as 張三0001), so they are refused wherever text is kept.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Refuses text holding an invisible character (`is_invisible`), naming it.
pub fn refuse_invisible(field: Field, text: &str) -> Result<()> {
    match text.chars().find(|c| is_invisible(*c)) {
        Some(c) => Err(Error::input_in(
            field,
            LedgerMessage::Invisible { code: u32::from(c) },
        )),
        None => Ok(()),
    }
}

/// An entry as read back from the journal.
#[derive(Clone, Debug, Serialize)]
pub struct StoredEntry {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub memo: String,
    #[serde(flatten)]
    pub details: EntryDetails,
    pub recorded_by: String,
    pub recorded_at: String,
    pub postings: Vec<Posting>,
    #[serde(serialize_with = "hex_bytes")]
    pub hash: Vec<u8>,
}

fn hex_bytes<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(code: &str, fen: i64) -> Posting {
        Posting {
            account: AccountCode::parse(code).unwrap(),
            fund: FundId(1),
            amount: Money::from_fen(fen),
        }
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 3, 1).unwrap()
    }

    #[test]
    fn balanced_by_construction() {
        let ok = NewEntry::new(
            date(),
            EntryKind::Manual,
            "gift",
            EntryDetails::default(),
            vec![posting("1002", 500), posting("4101", -500)],
        );
        assert!(ok.is_ok());
        let err = NewEntry::new(
            date(),
            EntryKind::Manual,
            "gift",
            EntryDetails::default(),
            vec![posting("1002", 500), posting("4101", -400)],
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("Unbalanced"), "{text}");
        assert!(text.contains("credits: false, by: \"1.00\""), "{text}");
    }

    #[test]
    fn refuses_single_and_zero_postings() {
        let one = vec![posting("1002", 0)];
        assert!(
            NewEntry::new(date(), EntryKind::Manual, "", EntryDetails::default(), one).is_err()
        );
        let zero = vec![posting("1002", 0), posting("4101", 0)];
        assert!(
            NewEntry::new(date(), EntryKind::Manual, "", EntryDetails::default(), zero).is_err()
        );
    }
}
