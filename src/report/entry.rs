//! One entry as a person reads it: postings with account and fund names, who
//! recorded it and when, its hash, and what reverses it or what it reverses.

use crate::error::{Error, Result};
use crate::ledger::entry::StoredEntry;
use crate::ledger::money::Money;
use crate::ledger::words::Words;
use crate::store::Read;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct EntryView {
    #[serde(flatten)]
    pub entry: StoredEntry,
    pub reversed_by: Option<i64>,
    pub lines: Vec<EntryLine>,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntryLine {
    pub account: String,
    pub account_name: String,
    pub fund: String,
    pub debit: Money,
    pub credit: Money,
}

pub fn entry_view(store: &impl Read, id: i64, lang: impl Words) -> Result<EntryView> {
    let entry = store
        .entry(id)?
        .ok_or_else(|| Error::not_found(format!("there is no entry {id}; entry ids start at 1")))?;
    let accounts = store.accounts()?;
    let funds = store.funds()?;
    let lines = entry
        .postings
        .iter()
        .map(|p| {
            let account_name = accounts
                .iter()
                .find(|a| a.code == p.account)
                .map_or("", |a| a.names.get(lang.script()));
            let (debit, credit) = if p.amount.is_negative() {
                (Money::ZERO, p.amount.abs())
            } else {
                (p.amount, Money::ZERO)
            };
            EntryLine {
                account: p.account.to_string(),
                account_name: account_name.to_string(),
                fund: funds
                    .get(p.fund)
                    .map_or("", |f| f.name(lang.script()))
                    .to_string(),
                debit,
                credit,
            }
        })
        .collect();
    Ok(EntryView {
        reversed_by: store.reversed_by(id)?,
        entry,
        lines,
    })
}
