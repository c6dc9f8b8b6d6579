//! Donors and beneficiaries: lists with totals, and one person's history.
//! Identity numbers appear only masked (see `ledger::party`).

use crate::error::message::OpsMessage;
use crate::error::{Error, Result};
use crate::ledger::money::Money;
use crate::ledger::party::{Party, Role};
use crate::ledger::words::Words;
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct PartyLine {
    #[serde(flatten)]
    pub party: Party,
    /// Donations (or disbursements) recorded, reversals not subtracted.
    pub count: i64,
    /// Net of reversals.
    pub total: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct PartyDetail {
    #[serde(flatten)]
    pub party: Party,
    pub history: Vec<HistoryLine>,
    pub count: i64,
    pub total: Money,
    /// The corrections of the party, oldest first.
    pub edits: Vec<EditLine>,
}

/// One correction of a party: when (local time), by whom, why, and what changed.
#[derive(Clone, Debug, Serialize)]
pub struct EditLine {
    pub edit: i64,
    pub at: String,
    pub by: String,
    pub reason: String,
    pub changed: Vec<&'static str>,
    /// The name after the edit.
    pub name: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct HistoryLine {
    pub entry: i64,
    pub date: NaiveDate,
    pub kind: String,
    pub fund: String,
    pub method: Option<String>,
    pub amount: Money,
    pub receipt: Option<String>,
    pub reference: Option<String>,
    pub memo: String,
}

pub fn party_list(store: &impl Read, role: Role) -> Result<Vec<PartyLine>> {
    let totals = store.party_totals(role)?;
    Ok(store
        .parties(role)?
        .into_iter()
        .map(|party| {
            let (count, total) = totals.get(&party.id).copied().unwrap_or((0, Money::ZERO));
            PartyLine {
                party,
                count,
                total,
            }
        })
        .collect())
}

pub fn party_detail(
    store: &impl Read,
    role: Role,
    id: i64,
    lang: impl Words,
) -> Result<PartyDetail> {
    let party = store.party(role, id)?.ok_or_else(|| {
        Error::not_found(OpsMessage::NoParty {
            role: role.as_str().to_string(),
            id,
        })
    })?;
    let funds = store.funds()?;
    let history: Vec<HistoryLine> = store
        .party_history(role, id)?
        .into_iter()
        .map(|r| HistoryLine {
            entry: r.entry_id,
            date: r.date,
            fund: funds
                .get(crate::ledger::fund::FundId(r.fund_id))
                .map_or_else(String::new, |f| f.name(lang.script()).to_string()),
            kind: r.kind,
            method: r.method,
            amount: r.amount,
            receipt: r.receipt,
            reference: r.reference,
            memo: r.memo,
        })
        .collect();
    let count = history.iter().filter(|h| h.kind != "reversal").count() as i64;
    let total = Money::total("total", history.iter().map(|h| h.amount))?;
    let local = store.local_time()?;
    let mut edits = Vec::new();
    if let Some(mut before) = store.party_as_added(id)? {
        for e in store.party_edits(id)? {
            edits.push(EditLine {
                edit: e.id,
                at: local.show(&e.edited_at),
                by: e.edited_by,
                reason: e.reason,
                changed: crate::ledger::party::changed_fields(&before, &e.party),
                name: e.party.name.clone(),
            });
            before = e.party;
        }
    }
    Ok(PartyDetail {
        party,
        history,
        count,
        total,
        edits,
    })
}
