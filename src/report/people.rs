//! Donors and beneficiaries: lists with totals, and one person's history.
//! Identity numbers appear only masked (see `ledger::party`).

use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::money::Money;
use crate::ledger::party::{Party, Role};
use crate::ledger::words::{Word, Words};
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct PartyLine {
    #[serde(flatten)]
    pub party: Party,
    /// Donations (or disbursements) recorded, reversals not subtracted.
    pub count: i64,
    /// Net of reversals. A donor's own gifts and those of the donors merged into it;
    /// a merged donor's line shows its own.
    pub total: Money,
    /// The donor this one is merged into (its root), if it is.
    pub merged_into: Option<i64>,
    /// False for a donor who asked not to be named in public reports.
    pub publish: bool,
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
    /// The donor this one is merged into (its root) and that donor's name.
    pub merged_into: Option<(i64, String)>,
    /// The merges and unmerges of this donor and of those merged into it, oldest first.
    pub merges: Vec<MergeLine>,
    /// False for a donor who asked not to be named in public reports.
    pub publish: bool,
    /// For a beneficiary: what is held in trust for them now (受托代理, 2601), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_in_trust: Option<Money>,
}

/// One merge or unmerge: `party` merged into `into` (None: unmerged), when (local
/// time), by whom and why.
#[derive(Clone, Debug, Serialize)]
pub struct MergeLine {
    pub merge: i64,
    pub party: i64,
    pub name: String,
    pub into: Option<i64>,
    pub at: String,
    pub by: String,
    pub reason: String,
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
    /// The donor merged into this one whose gift this is; None for its own.
    pub merged_from: Option<i64>,
}

pub fn party_list(store: &impl Read, role: Role) -> Result<Vec<PartyLine>> {
    let own = store.party_totals(role)?;
    let roots = store.merge_roots()?;
    let unnamed = store.unnamed_parties()?;
    // A root's line counts the gifts of the donors merged into it.
    let mut totals = own.clone();
    for (merged, root) in &roots {
        if let Some((count, total)) = own.get(merged) {
            let line = totals.entry(*root).or_insert((0, Money::ZERO));
            line.0 += count;
            line.1 = line.1.plus("donor's total", *total)?;
        }
    }
    Ok(store
        .parties(role)?
        .into_iter()
        .map(|party| {
            let merged_into = roots.get(&party.id).copied();
            let publish = !unnamed.contains(&party.id);
            let figures = if merged_into.is_some() { &own } else { &totals };
            let (count, total) = figures.get(&party.id).copied().unwrap_or((0, Money::ZERO));
            PartyLine {
                party,
                count,
                total,
                merged_into,
                publish,
            }
        })
        .collect())
}

/// `party_detail` of the party `who` names: an id, a name, any part of one, pinyin
/// initials or the last 4 identity characters (see `Read::find_party`).
pub fn party_detail_named(
    store: &impl Read,
    role: Role,
    who: &str,
    lang: impl Words,
) -> Result<PartyDetail> {
    let field = match role {
        Role::Donor => Field::Donor,
        Role::Beneficiary => Field::Beneficiary,
    };
    let id = store.find_party(role, field, who)?.id;
    party_detail(store, role, id, lang)
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
            fund: match r.entrusted {
                true => lang.word(Word::Trust).to_string(),
                false => funds
                    .get(crate::ledger::fund::FundId(r.fund_id))
                    .map_or_else(String::new, |f| f.name(lang.script()).to_string()),
            },
            kind: r.kind,
            method: r.method,
            amount: r.amount,
            receipt: r.receipt,
            reference: r.reference,
            memo: r.memo,
            merged_from: (r.party_id != id).then_some(r.party_id),
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
    let merged_into = match store.merge_roots()?.get(&id) {
        Some(root) => store.party(role, *root)?.map(|p| (p.id, p.name)),
        None => None,
    };
    let merges = merge_lines(store, role, id)?;
    Ok(PartyDetail {
        party,
        history,
        count,
        total,
        edits,
        merged_into,
        merges,
        publish: !store.unnamed_parties()?.contains(&id),
        held_in_trust: match role {
            Role::Beneficiary => {
                let held: i64 = store.entrusted_changes(id)?.iter().map(|c| c.2).sum();
                (held != 0).then_some(Money::from_fen(held))
            }
            Role::Donor => None,
        },
    })
}

fn merge_lines(store: &impl Read, role: Role, id: i64) -> Result<Vec<MergeLine>> {
    let local = store.local_time()?;
    let mut lines = Vec::new();
    for m in store.party_merges(id)? {
        let name = store
            .party(role, m.party_id)?
            .map_or_else(String::new, |p| p.name);
        lines.push(MergeLine {
            merge: m.id,
            party: m.party_id,
            name,
            into: m.into_id,
            at: local.show(&m.merged_at),
            by: m.merged_by,
            reason: m.reason,
        });
    }
    Ok(lines)
}
