//! The treasurer's two everyday entries, built from checked values:
//! a donation (debit the method's asset, credit 4101 捐贈收入, both on the fund) and a
//! disbursement (debit the program's 5101 sub-account, credit the method's asset).

use super::account::AccountCode;
use super::entry::{EntryDetails, EntryKind, NewEntry, Posting};
use super::fund::{Fund, Funds};
use super::money::Money;
use super::party::Method;
use crate::error::message::LedgerMessage;
use crate::error::{Error, Field, Result};
use chrono::NaiveDate;

/// The account donations are credited to.
pub const DONATION_REVENUE: &str = "4101";

/// A donation or disbursement, checked but not yet in the journal.
pub struct Movement<'a> {
    pub date: NaiveDate,
    pub amount: Money,
    pub fund: &'a Fund,
    pub method: Method,
    pub party_id: i64,
    pub reference: Option<String>,
    pub memo: String,
}

fn code(text: &str) -> Result<AccountCode> {
    AccountCode::parse(text)
}

fn details(m: &Movement<'_>) -> EntryDetails {
    EntryDetails {
        party_id: Some(m.party_id),
        method: Some(m.method.as_str().to_string()),
        reference: m.reference.clone(),
        ..EntryDetails::default()
    }
}

fn negated(amount: Money) -> Result<Money> {
    amount
        .checked_neg()
        .ok_or_else(|| Error::input_in(Field::Amount, LedgerMessage::AmountTooLarge))
}

pub fn donation_entry(m: &Movement<'_>) -> Result<NewEntry> {
    let postings = vec![
        Posting {
            account: code(m.method.asset_account())?,
            fund: m.fund.id,
            amount: m.amount,
        },
        Posting {
            account: code(DONATION_REVENUE)?,
            fund: m.fund.id,
            amount: negated(m.amount)?,
        },
    ];
    NewEntry::new(m.date, EntryKind::Donation, &m.memo, details(m), postings)
}

/// `program_account`: the 5101 sub-account of the program (see `program`).
pub fn disbursement_entry(m: &Movement<'_>, program_account: &str) -> Result<NewEntry> {
    let postings = vec![
        Posting {
            account: code(program_account)?,
            fund: m.fund.id,
            amount: m.amount,
        },
        Posting {
            account: code(m.method.asset_account())?,
            fund: m.fund.id,
            amount: negated(m.amount)?,
        },
    ];
    NewEntry::new(
        m.date,
        EntryKind::Disbursement,
        &m.memo,
        details(m),
        postings,
    )
}

/// A program (助學, 扶貧, 幫困 in either script, or study-aid, poverty-relief,
/// hardship): its fund, which has the 5101 sub-account aid is charged to.
pub fn program<'f>(funds: &'f Funds, field: impl Into<Field>, text: &str) -> Result<&'f Fund> {
    let programs = || {
        funds
            .0
            .iter()
            .filter(|f| f.program_account.is_some())
            .map(Fund::choice)
            .collect::<Vec<_>>()
    };
    match funds.find(text) {
        Some(f) if f.program_account.is_some() => Ok(f),
        _ => Err(Error::input_in(
            field,
            LedgerMessage::NotAProgram {
                text: text.into(),
                programs: programs(),
            },
        )),
    }
}

/// A fund by any of its names.
pub fn fund<'f>(funds: &'f Funds, field: impl Into<Field>, text: &str) -> Result<&'f Fund> {
    funds.find(text).ok_or_else(|| {
        Error::input_in(
            field,
            LedgerMessage::NotAFund {
                text: text.into(),
                funds: funds.0.iter().map(Fund::choice).collect(),
            },
        )
    })
}

/// 紅字沖銷: a new entry negating every posting of `original`, linked to it. Refused
/// if the original was already reversed (`reversed_by`), is itself a reversal, or is
/// dated after the reversal.
pub fn reversal_entry(
    original: &super::entry::StoredEntry,
    reversed_by: Option<i64>,
    date: NaiveDate,
    reason: &str,
    memo_label: &str,
) -> Result<NewEntry> {
    let id = original.id;
    if reason.trim().is_empty() {
        return Err(Error::input_in(Field::Reason, LedgerMessage::ReasonEmpty));
    }
    if let Some(by) = reversed_by {
        return Err(Error::conflict(LedgerMessage::AlreadyReversed { id, by }));
    }
    if original.kind == EntryKind::Closing {
        return Err(Error::conflict(LedgerMessage::ClosingNotReversed { id }));
    }
    if original.kind == EntryKind::Reversal {
        return Err(Error::conflict(LedgerMessage::ReversalOfReversal { id }));
    }
    if date < original.date {
        return Err(Error::input_in(
            Field::Date,
            LedgerMessage::ReversalBeforeOriginal {
                date: date.to_string(),
                id,
                original: original.date.to_string(),
            },
        ));
    }
    let postings = original
        .postings
        .iter()
        .map(|p| {
            Ok(Posting {
                amount: negated(p.amount)?,
                ..p.clone()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let details = EntryDetails {
        party_id: original.details.party_id,
        method: original.details.method.clone(),
        reverses: Some(id),
        reason: Some(reason.trim().to_string()),
        ..EntryDetails::default()
    };
    let memo: String = format!("{memo_label} {id}: {}", original.memo)
        .chars()
        .take(super::entry::MEMO_LENGTH_MAX)
        .collect();
    NewEntry::new(date, EntryKind::Reversal, &memo, details, postings)
}
