//! The treasurer's two everyday entries, built from checked values:
//! a donation (debit the method's asset, credit 4101 捐贈收入, both on the fund) and a
//! disbursement (debit the program's 5101 sub-account, credit the method's asset);
//! and a gift held in trust for a named beneficiary (受托代理) and its payout.

use super::account::AccountCode;
use super::chart::ENTRUSTED_LIABILITIES;
use super::entry::{EntryDetails, EntryKind, NewEntry, Posting};
use super::fund::{Fund, Funds};
use super::guard::SubjectDays;
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
    paid_out(m, program_account)
}

/// Money paid out of the method's account, debited to `account`.
fn paid_out(m: &Movement<'_>, account: &str) -> Result<NewEntry> {
    let postings = vec![
        Posting {
            account: code(account)?,
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

/// 受托代理 (民間非營利組織會計制度 2004, accounts 1501 / 2601): a gift the donor
/// designates for one named student or household is not the fund's to use — the fund
/// only passes it on, cannot change who gets it, and so it is never 捐贈收入. The
/// system books a trust asset against a trust liability (借 受托代理資產 1501 / 貸
/// 受托代理負債 2601), but lets money received in trust stay in 現金 / 銀行存款 /
/// 其他貨幣資金 under a 受托代理資產 detail instead of 1501. That is what a love fund
/// has: the gift reaches its own bank account or wallet, is reconciled with the bank
/// statement there, and leaves from there. So a gift in trust debits the method's
/// asset and credits 2601 (no 1501 posting: that would count the money twice); 2601
/// is kept per beneficiary (the system's 明細賬 by designated recipient) by the store,
/// and the balance sheet moves the money held in trust from 貨幣資金 (line 1) to
/// 受托代理資產 (line 51), as the system's notes to the form say. 1501 stays for
/// entrusted goods booked by hand. The postings are on the unrestricted fund: they
/// change no fund's net assets, so no fund guard sees them.
pub fn entrusted_gift_entry(m: &Movement<'_>) -> Result<NewEntry> {
    let postings = vec![
        Posting {
            account: code(m.method.asset_account())?,
            fund: m.fund.id,
            amount: m.amount,
        },
        Posting {
            account: code(ENTRUSTED_LIABILITIES)?,
            fund: m.fund.id,
            amount: negated(m.amount)?,
        },
    ];
    NewEntry::new(m.date, EntryKind::Donation, &m.memo, details(m), postings)
}

/// Paying a gift held in trust out to its beneficiary (`m.party_id`): debit 2601,
/// credit the method's asset. `held` is what is held for them, day by day; paying
/// more than is available on the date (counting every later entry) is refused.
pub fn entrusted_payout_entry(
    m: &Movement<'_>,
    held: &SubjectDays,
    beneficiary: &str,
) -> Result<NewEntry> {
    let available = held.available(m.date);
    if m.amount.fen() > available {
        return Err(Error::input_in(
            Field::Amount,
            LedgerMessage::EntrustedOverpaid {
                takes: m.amount.to_string(),
                beneficiary: beneficiary.into(),
                date: m.date.to_string(),
                held: Money::from_fen(available.max(0)).to_string(),
            },
        ));
    }
    paid_out(m, ENTRUSTED_LIABILITIES)
}

/// What is held in trust for one beneficiary, day by day, from its changes (date,
/// entry, fen; credits to 2601 positive) in the order they apply, leaving out entry
/// `except` (a payout being tried again under its reference: its own check must not
/// count it).
pub fn entrusted_days(changes: &[(NaiveDate, i64, i64)], except: Option<i64>) -> SubjectDays {
    let mut days = SubjectDays::default();
    for (date, _, fen) in changes.iter().filter(|c| Some(c.1) != except) {
        days.apply(*date, *fen);
    }
    days
}

/// Refuses a reversal that would take more out of what is held for `beneficiary`
/// than is left (a gift in trust already paid out): `change` is the reversal's change
/// to it, on `date`.
pub fn check_entrusted_reversal(
    held: &SubjectDays,
    date: NaiveDate,
    change: i64,
    id: i64,
    beneficiary: &str,
) -> Result<()> {
    let available = held.available(date);
    if change < 0 && -change > available {
        return Err(Error::conflict(LedgerMessage::EntrustedReversalOverdrawn {
            id,
            beneficiary: beneficiary.into(),
            takes: Money::from_fen(-change).to_string(),
            held: Money::from_fen(available.max(0)).to_string(),
        }));
    }
    Ok(())
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
