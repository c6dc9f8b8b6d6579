//! Writing to the journal by hand: a balanced entry, and 紅字沖銷 (a reversal).

use super::{Actor, Ledger};
use crate::error::message::{OpsMessage, Quoted, StoreMessage};
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::account::AccountCode;
use crate::ledger::append::Appended;
use crate::ledger::entry::{EntryDetails, EntryKind, NewEntry, Posting, StoredEntry};
use crate::ledger::fund::Funds;
use crate::ledger::money::Money;
use crate::ledger::operations::reversal_entry;
use crate::render::Render;
use crate::store::Read;
use crate::store::UnitOfWork;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{self, Write};

/// One line of an entry as typed: an account, a fund by any of its names (None: the
/// unrestricted fund), and a signed amount (debits positive).
pub struct PostingRequest {
    pub account: AccountCode,
    pub fund: Option<String>,
    pub amount: Money,
}

pub struct EntryRequest {
    pub date: NaiveDate,
    pub memo: String,
    pub postings: Vec<PostingRequest>,
    /// The caller's idempotency key (see `recorded_before`).
    pub reference: Option<String>,
}

/// An entry now in the journal: its id and chain hash; `already` when it was there
/// before, recorded under the same reference by an earlier try.
#[derive(Debug, Serialize)]
pub struct Recorded {
    pub id: i64,
    pub hash: String,
    pub already: bool,
}

impl From<&Appended> for Recorded {
    fn from(appended: &Appended) -> Recorded {
        Recorded {
            id: appended.id,
            hash: hex::encode(appended.hash),
            already: false,
        }
    }
}

impl Render for Recorded {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let label = match self.already {
            true => L::AlreadyRecorded,
            false => L::Recorded,
        };
        writeln!(out, "{} {} ({})", label.get(lang), self.id, self.hash)
    }
}

/// Whether an entry was appended now or found recorded by an earlier try.
pub enum Written<T> {
    New(T),
    /// The entry already in the journal under the same reference.
    Already(Box<StoredEntry>),
}

/// The entry already in the journal under `entry`'s reference, when it is this very
/// entry: a retry (after a lost answer, say) then records nothing twice. The same
/// reference on a different entry is refused, naming what differs. References are
/// one namespace for donations, disbursements, manual entries and imports.
pub(super) fn recorded_before(unit: &impl Read, entry: &NewEntry) -> Result<Option<StoredEntry>> {
    let Some(reference) = entry.details.reference.as_deref() else {
        return Ok(None);
    };
    let Some(found) = unit.entry_by_reference(reference)? else {
        return Ok(None);
    };
    let stored = unit
        .entry(found.id)?
        .ok_or_else(|| Error::not_found(StoreMessage::EntryVanished { id: found.id }))?;
    let differences = entry.differences(&stored);
    if differences.is_empty() {
        return Ok(Some(stored));
    }
    Err(Error::conflict_in(
        Field::Reference,
        OpsMessage::ReferenceRecorded {
            reference: reference.into(),
            id: stored.id,
            differences: differences.iter().map(|d| d.to_string()).collect(),
        },
    ))
}

/// Appends `entry` unless the same entry is already recorded under its reference.
pub(super) fn append_once<T>(
    appender: &mut crate::store::Appender<'_>,
    entry: &NewEntry,
    append: impl FnOnce(&mut crate::store::Appender<'_>, &NewEntry) -> Result<T>,
) -> Result<Written<T>> {
    match recorded_before(appender, entry)? {
        Some(stored) => Ok(Written::Already(Box::new(stored))),
        None => append(appender, entry).map(Written::New),
    }
}

fn resolve(request: PostingRequest, funds: &Funds) -> Result<Posting> {
    let fund = match &request.fund {
        None => funds.unrestricted(),
        Some(name) => funds.find(name),
    }
    .ok_or_else(|| {
        Error::not_found_in(
            Field::Posting,
            OpsMessage::NoFundForPosting {
                account: request.account.to_string(),
                fund: request.fund.as_deref().map(Quoted::from),
                funds: funds
                    .0
                    .iter()
                    .map(crate::ledger::fund::Fund::choice)
                    .collect(),
            },
        )
    })?;
    Ok(Posting {
        account: request.account,
        fund: fund.id,
        amount: request.amount,
    })
}

/// Records a balanced entry (NewEntry refuses one that is not); with a reference,
/// at most once (`recorded_before`).
pub fn record_entry(ledger: &mut Ledger, actor: &Actor, request: EntryRequest) -> Result<Recorded> {
    let reference = super::optional_text(
        Field::Reference,
        request.reference,
        crate::ledger::entry::REFERENCE_LENGTH_MAX,
    )?;
    let written = ledger.store_mut()?.write(&actor.stamp(), |appender| {
        let postings = request
            .postings
            .into_iter()
            .map(|p| resolve(p, appender.loaded_funds()))
            .collect::<Result<Vec<_>>>()?;
        let entry = NewEntry::new(
            request.date,
            EntryKind::Manual,
            &request.memo,
            EntryDetails {
                reference,
                ..EntryDetails::default()
            },
            postings,
        )?;
        append_once(appender, &entry, |a, e| a.append(e))
    })?;
    Ok(match written {
        Written::New(appended) => Recorded::from(&appended),
        Written::Already(stored) => Recorded {
            id: stored.id,
            hash: hex::encode(&stored.hash),
            already: true,
        },
    })
}

pub struct ReverseRequest {
    pub entry_id: i64,
    pub reason: String,
    /// The reversal's date; None: today.
    pub date: Option<NaiveDate>,
}

/// 紅字沖銷: a new entry negating every posting of the original, linked to it; a
/// donation's receipts are voided with it (`reverse_in`).
pub fn reverse(ledger: &mut Ledger, actor: &Actor, request: ReverseRequest) -> Result<Recorded> {
    let date = request.date.unwrap_or(actor.today);
    let lang = ledger.lang();
    let appended = ledger.store_mut()?.write(&actor.stamp(), |unit| {
        reverse_in(unit, actor, request.entry_id, date, &request.reason, lang)
    })?;
    Ok(Recorded::from(&appended))
}

/// Reverses entry `id` inside a unit of work, the one way every command reverses
/// (DESIGN.md invariant 8): the reversal entry, and when the entry is a donation, a
/// void of each of its receipts still valid, in the same transaction, so no receipt
/// outlives its donation. Texts stored are in the ledger's language `lang`.
pub(super) fn reverse_in(
    unit: &mut impl UnitOfWork,
    actor: &Actor,
    id: i64,
    date: NaiveDate,
    reason: &str,
    lang: Lang,
) -> Result<Appended> {
    let original = unit
        .entry(id)?
        .ok_or_else(|| Error::not_found(OpsMessage::NoEntryToReverse { id }))?;
    // A reversal may share its original's date however far ahead that is: the only
    // way to correct an entry recorded before dates were limited.
    if date != original.date {
        unit.check_date_ahead(date)?;
    }
    let reversed_by = unit.reversed_by(id)?;
    let entry = reversal_entry(&original, reversed_by, date, reason, L::Reverses.get(lang))?;
    check_entrusted_reversal(unit, &entry, id)?;
    let appended = unit.append(&entry)?;
    if original.kind == EntryKind::Donation {
        let why = format!(
            "{} {}: {}",
            L::VoidedByReversal.get(lang),
            appended.id,
            reason.trim()
        );
        for receipt in unit.receipts_of_entry(id)? {
            if receipt.void.is_none() {
                unit.void_receipt(receipt.number, &why, &actor.user, &actor.recorded_at)?;
            }
        }
    }
    Ok(appended)
}

/// Refuses reversing a gift held in trust once what it gave was paid out: what is
/// held for its beneficiary would go negative (a reversal counts for the beneficiary
/// of the entry it reverses; see store::entrusted).
fn check_entrusted_reversal(unit: &impl UnitOfWork, reversal: &NewEntry, id: i64) -> Result<()> {
    use crate::ledger::chart::ENTRUSTED_LIABILITIES;
    use crate::ledger::operations::{check_entrusted_reversal, entrusted_days};
    use crate::ledger::party::Role;
    let Some(beneficiary) = unit.entrusted_beneficiary(id)? else {
        return Ok(());
    };
    let change: i64 = reversal
        .postings()
        .iter()
        .filter(|p| p.account.top() == ENTRUSTED_LIABILITIES)
        .map(|p| -p.amount.fen())
        .sum();
    let held = entrusted_days(&unit.entrusted_changes(beneficiary)?, None);
    let name = unit
        .party(Role::Beneficiary, beneficiary)?
        .map(|p| p.name)
        .unwrap_or_default();
    check_entrusted_reversal(&held, reversal.date, change, id, &name)
}

/// Money moved between the fund's own accounts (`transfer`): a WeChat Pay or Alipay
/// withdrawal to the bank (提現), cash paid in, and the like. `amount` is what reaches
/// `to`; `fee` (服務費) is taken from `from` on top of it and charged to
/// `TRANSFER_FEE_ACCOUNT`, so `from` gives up amount + fee. All postings are in the
/// unrestricted fund: the move changes no fund's net assets except by the fee.
pub struct TransferRequest {
    pub from: AccountCode,
    pub to: AccountCode,
    pub amount: Money,
    pub fee: Option<Money>,
    pub date: NaiveDate,
    pub reference: Option<String>,
    pub memo: Option<String>,
}

/// Records a transfer as one balanced entry, at most once per reference
/// (`record_entry`).
pub fn transfer(ledger: &mut Ledger, actor: &Actor, request: TransferRequest) -> Result<Recorded> {
    use crate::ledger::chart::{GUARDED_ASSET_CODES, TRANSFER_FEE_ACCOUNT};
    for (field, code) in [(Field::From, &request.from), (Field::To, &request.to)] {
        if !GUARDED_ASSET_CODES.contains(&code.top()) {
            return Err(Error::input_in(
                field,
                OpsMessage::NotAMoneyAccount {
                    account: code.to_string(),
                },
            ));
        }
    }
    if request.from == request.to {
        return Err(Error::input_in(
            Field::To,
            OpsMessage::TransferToItself {
                account: request.to.to_string(),
            },
        ));
    }
    let fee = request.fee.unwrap_or(Money::ZERO);
    let taken = request.amount.plus("transfer amount and fee", fee)?;
    let negated = |m: Money| {
        m.checked_neg()
            .ok_or_else(|| Error::input_in(Field::Amount, OpsMessage::AmountOutOfRange))
    };
    let mut postings = vec![PostingRequest {
        account: request.to.clone(),
        fund: None,
        amount: request.amount,
    }];
    if !fee.is_zero() {
        postings.push(PostingRequest {
            account: AccountCode::parse(TRANSFER_FEE_ACCOUNT)?,
            fund: None,
            amount: fee,
        });
    }
    postings.push(PostingRequest {
        account: request.from.clone(),
        fund: None,
        amount: negated(taken)?,
    });
    let memo = request
        .memo
        .unwrap_or_else(|| format!("{} → {}", request.from, request.to));
    record_entry(
        ledger,
        actor,
        EntryRequest {
            date: request.date,
            memo,
            postings,
            reference: request.reference,
        },
    )
}
