//! Writing to the journal by hand: a balanced entry, and 紅字沖銷 (a reversal).

use super::{Actor, Ledger};
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::account::AccountCode;
use crate::ledger::append::Appended;
use crate::ledger::entry::{EntryDetails, EntryKind, NewEntry, Posting};
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
}

/// An entry now in the journal: its id and chain hash.
#[derive(Debug, Serialize)]
pub struct Recorded {
    pub id: i64,
    pub hash: String,
}

impl From<&Appended> for Recorded {
    fn from(appended: &Appended) -> Recorded {
        Recorded {
            id: appended.id,
            hash: hex::encode(appended.hash),
        }
    }
}

impl Render for Recorded {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        writeln!(out, "{} {} ({})", L::Recorded.get(lang), self.id, self.hash)
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
            format!(
                "{{field}} for account {}: there is no fund {:?}; the funds are {}",
                request.account,
                request.fund.as_deref().unwrap_or("unrestricted"),
                funds.spellings()
            ),
        )
    })?;
    Ok(Posting {
        account: request.account,
        fund: fund.id,
        amount: request.amount,
    })
}

/// Records a balanced entry (NewEntry refuses one that is not).
pub fn record_entry(ledger: &mut Ledger, actor: &Actor, request: EntryRequest) -> Result<Recorded> {
    let appended = ledger
        .store_mut()
        .write(&actor.user, &actor.recorded_at, |appender| {
            let postings = request
                .postings
                .into_iter()
                .map(|p| resolve(p, appender.loaded_funds()))
                .collect::<Result<Vec<_>>>()?;
            let entry = NewEntry::new(
                request.date,
                EntryKind::Manual,
                &request.memo,
                EntryDetails::default(),
                postings,
            )?;
            appender.append(&entry)
        })?;
    Ok(Recorded::from(&appended))
}

pub struct ReverseRequest {
    pub entry_id: i64,
    pub reason: String,
    /// The reversal's date; None: today.
    pub date: Option<NaiveDate>,
}

/// 紅字沖銷: a new entry negating every posting of the original, linked to it.
pub fn reverse(ledger: &mut Ledger, actor: &Actor, request: ReverseRequest) -> Result<Recorded> {
    let date = request.date.unwrap_or(actor.today);
    let memo_label = L::Reverses.get(ledger.lang());
    let id = request.entry_id;
    let store = ledger.store_mut();
    let original = store
        .entry(id)?
        .ok_or_else(|| Error::not_found(format!("there is no entry {id} to reverse")))?;
    let entry = reversal_entry(
        &original,
        store.reversed_by(id)?,
        date,
        &request.reason,
        memo_label,
    )?;
    let appended = store.write(&actor.user, &actor.recorded_at, |appender| {
        appender.append(&entry)
    })?;
    Ok(Recorded::from(&appended))
}
