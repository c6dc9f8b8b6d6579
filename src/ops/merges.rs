//! A donor entered twice: `donor merge A B` makes B's gifts count as A's in every
//! report from then on, and `donor unmerge B` undoes it. Both are rows of the chained,
//! append-only table party_merges (migration 0010); nothing recorded before changes,
//! so B keeps its own gifts, receipts and name, and stays listed as merged into A.
//!
//! Refused: a merge without a reason, of a donor into itself, of or into a
//! beneficiary, of a donor already merged (unmerge it first), one that would make a
//! circle (A merged into B, then B into A), and the unmerge of a donor not merged. A
//! merge into a donor that is itself merged goes to that donor's root (the one its
//! gifts count for), and the answer says so.

use super::{Actor, Ledger, optional_text};
use crate::error::message::OpsMessage;
use crate::error::{Error, Field, RefusalKind, Result};
use crate::i18n::{L, Lang};
use crate::ledger::entry::MEMO_LENGTH_MAX;
use crate::ledger::party::{Party, Role};
use crate::render::Render;
use crate::store::{Read, UnitOfWork};
use serde::Serialize;
use std::io::{self, Write};

/// `donor merge INTO PARTY --reason R`, as typed.
pub struct MergeRequest {
    /// The donor that stays: the one the gifts count for.
    pub into: String,
    /// The donor entered twice, merged into `into`.
    pub party: String,
    pub reason: Option<String>,
}

/// `donor unmerge PARTY --reason R`, as typed.
pub struct UnmergeRequest {
    pub party: String,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PartyMerged {
    /// The row of party_merges written.
    pub merge: i64,
    pub id: i64,
    pub name: String,
    /// The donor B's gifts now count for; None after an unmerge.
    pub into: Option<i64>,
    pub into_name: Option<String>,
    /// The donor named as INTO when it was itself merged (the merge went to its root).
    pub named_into: Option<i64>,
}

impl Render for PartyMerged {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let who = L::Donor.get(lang);
        let (id, name) = (self.id, &self.name);
        let (Some(into), Some(into_name)) = (self.into, &self.into_name) else {
            return writeln!(
                out,
                "{}",
                match lang {
                    Lang::ZhHant => format!("已取消合併：{who} {id}（{name}）的捐款重新單獨計算"),
                    Lang::ZhHans => format!("已取消合并：{who} {id}（{name}）的捐款重新单独计算"),
                    Lang::En => format!("Unmerged: {who} {id} ({name}) counts on its own again"),
                }
            );
        };
        let line = match lang {
            Lang::ZhHant => format!(
                "已合併：{who} {id}（{name}）併入 {into}（{into_name}），其捐款從此計入 {into}"
            ),
            Lang::ZhHans => format!(
                "已合并：{who} {id}（{name}）并入 {into}（{into_name}），其捐款从此计入 {into}"
            ),
            Lang::En => format!(
                "Merged: {who} {id} ({name}) into {into} ({into_name}); its gifts count as {into}'s from now on"
            ),
        };
        writeln!(out, "{line}")?;
        if let Some(named) = self.named_into {
            let note = match lang {
                Lang::ZhHant => format!("（{named} 已併入 {into}，所以併入 {into}）"),
                Lang::ZhHans => format!("（{named} 已并入 {into}，所以并入 {into}）"),
                Lang::En => format!("({named} is merged into {into}, so the merge is into {into})"),
            };
            writeln!(out, "{note}")?;
        }
        Ok(())
    }
}

fn reason_of(reason: Option<String>) -> Result<String> {
    optional_text(Field::Reason, reason, MEMO_LENGTH_MAX)?
        .ok_or_else(|| Error::input_in(Field::Reason, OpsMessage::MergeNeedsReason))
}

/// A donor by any of the ways `find_party` resolves; a beneficiary found instead is
/// refused by name, since only donors are merged.
fn donor(store: &impl Read, text: &str) -> Result<Party> {
    match store.find_party(Role::Donor, Field::Donor, text) {
        Err(Error::Refused(refusal)) if refusal.kind == RefusalKind::NotFound => {
            match store.find_party(Role::Beneficiary, Field::Donor, text) {
                Ok(b) => Err(Error::input_in(
                    Field::Donor,
                    OpsMessage::MergeNotDonor {
                        id: b.id,
                        name: b.name,
                    },
                )),
                Err(_) => Err(Error::Refused(refusal)),
            }
        }
        other => other,
    }
}

/// The donor `id`'s gifts count for: itself, or the root it is merged into.
fn root_of(store: &impl Read, id: i64) -> Result<i64> {
    Ok(store.merge_roots()?.get(&id).copied().unwrap_or(id))
}

/// Merges donor `request.party` into `request.into` by a new chained row.
pub fn merge_parties(
    ledger: &mut Ledger,
    actor: &Actor,
    request: MergeRequest,
) -> Result<PartyMerged> {
    let reason = reason_of(request.reason)?;
    ledger.store_mut()?.write(&actor.stamp(), |unit| {
        let into = donor(unit, &request.into)?;
        let party = donor(unit, &request.party)?;
        if into.id == party.id {
            return Err(Error::input(OpsMessage::MergeIntoItself { id: party.id }));
        }
        if let Some(already) = unit.merged_into(party.id)? {
            return Err(Error::conflict(OpsMessage::AlreadyMerged {
                id: party.id,
                into: already,
            }));
        }
        let root = root_of(unit, into.id)?;
        if root == party.id {
            return Err(Error::conflict(OpsMessage::MergeCycle {
                id: party.id,
                into: into.id,
            }));
        }
        let root_party = if root == into.id {
            into.clone()
        } else {
            unit.party(Role::Donor, root)?
                .unwrap_or_else(|| into.clone())
        };
        let merge = unit.insert_party_merge(
            party.id,
            Some(root),
            &reason,
            &actor.user,
            &actor.recorded_at,
        )?;
        Ok(PartyMerged {
            merge,
            id: party.id,
            name: party.name,
            into: Some(root),
            into_name: Some(root_party.name),
            named_into: (root != into.id).then_some(into.id),
        })
    })
}

/// Undoes the merge of donor `request.party` by a new chained row: its gifts count
/// as its own again.
pub fn unmerge_party(
    ledger: &mut Ledger,
    actor: &Actor,
    request: UnmergeRequest,
) -> Result<PartyMerged> {
    let reason = reason_of(request.reason)?;
    ledger.store_mut()?.write(&actor.stamp(), |unit| {
        let party = donor(unit, &request.party)?;
        if unit.merged_into(party.id)?.is_none() {
            return Err(Error::conflict(OpsMessage::NotMerged { id: party.id }));
        }
        let merge =
            unit.insert_party_merge(party.id, None, &reason, &actor.user, &actor.recorded_at)?;
        Ok(PartyMerged {
            merge,
            id: party.id,
            name: party.name,
            into: None,
            into_name: None,
            named_into: None,
        })
    })
}
