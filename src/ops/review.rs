//! Two-person review (issue 17 §1): a reviewer approves or rejects entries someone
//! else prepared, by chained decisions that are final; what waits for review.

use super::users::allow;
use super::{Actor, Ledger, optional_text};
use crate::error::message::{AccessMessage, Action, OpsMessage};
use crate::error::{Error, Field, Result};
use crate::i18n::Lang;
use crate::ledger::entry::MEMO_LENGTH_MAX;
use crate::ledger::user::{Decision, Verdict};
use crate::render::Render;
use crate::store::{Read, UnitOfWork};
use serde::Serialize;
use std::io::{self, Write};

/// What `entry approve` and `entry reject` recorded.
#[derive(Debug, Serialize)]
pub struct Reviewed {
    pub verdict: Verdict,
    pub entries: Vec<i64>,
    pub by: String,
}

impl Render for Reviewed {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let ids = self
            .entries
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(if lang == Lang::En { ", " } else { "、" });
        let by = &self.by;
        let line = match (self.verdict, lang) {
            (Verdict::Approved, Lang::ZhHant) => format!("已審核憑證 {ids}（審核人 {by}）"),
            (Verdict::Approved, Lang::ZhHans) => format!("已审核凭证 {ids}（审核人 {by}）"),
            (Verdict::Approved, Lang::En) => format!("Approved entry {ids} (reviewer {by})"),
            (Verdict::Rejected, Lang::ZhHant) => {
                format!("已退回憑證 {ids}（審核人 {by}）；請制單人用 lovefund reverse {ids} 沖銷")
            }
            (Verdict::Rejected, Lang::ZhHans) => {
                format!("已退回凭证 {ids}（审核人 {by}）；请制单人用 lovefund reverse {ids} 冲销")
            }
            (Verdict::Rejected, Lang::En) => format!(
                "Rejected entry {ids} (reviewer {by}); its preparer reverses it with lovefund reverse {ids}"
            ),
        };
        writeln!(out, "{line}")
    }
}

/// A reviewer approves `entries` (all of them or none) or rejects them, with a note
/// (a reason, for a rejection).
pub fn review(
    ledger: &mut Ledger,
    actor: &Actor,
    entries: &[i64],
    verdict: Verdict,
    note: Option<String>,
) -> Result<Reviewed> {
    let field = if verdict == Verdict::Rejected {
        Field::Reason
    } else {
        Field::Note
    };
    let note = optional_text(field.clone(), note, MEMO_LENGTH_MAX)?;
    if verdict == Verdict::Rejected && note.is_none() {
        return Err(Error::input_in(field, AccessMessage::RejectNeedsReason));
    }
    let identity = ledger.identity()?.clone();
    allow(&identity, Action::Review)?;
    let mut ids: Vec<i64> = Vec::new();
    for id in entries {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    ledger
        .store_for(Action::Review)?
        .write(&actor.stamp(), |unit| {
            for &id in &ids {
                let entry = unit
                    .entry(id)?
                    .ok_or_else(|| Error::not_found(OpsMessage::NoEntry { id }))?;
                if entry.recorded_by == identity.name {
                    return Err(Error::conflict(AccessMessage::OwnEntry {
                        entry: id,
                        user: identity.name.clone(),
                    }));
                }
                if let Some(done) = unit.decision(id)? {
                    return Err(Error::conflict(AccessMessage::AlreadyDecided {
                        entry: id,
                        verdict: done.verdict,
                        by: done.decided_by,
                    }));
                }
                unit.insert_decision(&Decision {
                    entry_id: id,
                    verdict,
                    note: note.clone(),
                    decided_by: identity.name.clone(),
                    decided_at: actor.recorded_at.clone(),
                })?;
            }
            Ok(())
        })?;
    Ok(Reviewed {
        verdict,
        entries: ids,
        by: identity.name,
    })
}

/// The most entries `entry pending` lists (it says how many more there are).
pub const PENDING_SHOWN_MAX: usize = 500;

/// `entry pending`: the entries waiting for review.
#[derive(Debug, Serialize)]
pub struct Pending {
    pub count: i64,
    pub entries: Vec<PendingEntry>,
}

#[derive(Debug, Serialize)]
pub struct PendingEntry {
    pub id: i64,
    pub date: chrono::NaiveDate,
    pub memo: String,
    pub recorded_by: String,
    pub amount: crate::ledger::money::Money,
}

/// The entries dated in `year` (every year without one) that wait for review.
pub fn pending(ledger: &Ledger, year: Option<i32>) -> Result<Pending> {
    let store = ledger.reader();
    if !store.has_users()? {
        return Err(Error::conflict(AccessMessage::NoUsers));
    }
    let (from, to) = match year {
        Some(y) => (
            chrono::NaiveDate::from_ymd_opt(y, 1, 1),
            chrono::NaiveDate::from_ymd_opt(y, 12, 31),
        ),
        None => (
            chrono::NaiveDate::from_ymd_opt(1, 1, 1),
            chrono::NaiveDate::from_ymd_opt(9999, 12, 31),
        ),
    };
    let (Some(from), Some(to)) = (from, to) else {
        return Err(Error::input_in(
            Field::Year,
            crate::error::message::LedgerMessage::NotAYear {
                text: year.unwrap_or_default().to_string().into(),
            },
        ));
    };
    let (count, ids) = store.unreviewed(from, to, PENDING_SHOWN_MAX)?;
    let mut entries = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(e) = store.entry(id)? {
            // The entry's size: its debits (they equal its credits).
            let amount = crate::ledger::money::Money::checked_sum(
                e.postings
                    .iter()
                    .map(|p| p.amount)
                    .filter(|a| !a.is_negative()),
            )
            .unwrap_or(crate::ledger::money::Money::ZERO);
            entries.push(PendingEntry {
                id,
                date: e.date,
                memo: e.memo,
                recorded_by: e.recorded_by,
                amount,
            });
        }
    }
    Ok(Pending { count, entries })
}

impl Render for Pending {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        use crate::i18n::L;
        use crate::render::table::{Align, Table};
        let mut table = Table::new(&[
            (L::Entry.get(lang), Align::Right),
            (L::Date.get(lang), Align::Left),
            (L::Memo.get(lang), Align::Left),
            (L::Amount.get(lang), Align::Right),
            (L::RecordedBy.get(lang), Align::Left),
        ]);
        for e in &self.entries {
            table.row(vec![
                e.id.to_string(),
                e.date.to_string(),
                e.memo.clone(),
                e.amount.grouped(),
                e.recorded_by.clone(),
            ]);
        }
        if !self.entries.is_empty() {
            table.write(out)?;
        }
        let (count, shown) = (self.count, self.entries.len());
        let line = match lang {
            Lang::ZhHant => format!(
                "共 {count} 張憑證待審核（列出 {shown} 張）；審核：lovefund entry approve 編號…"
            ),
            Lang::ZhHans => format!(
                "共 {count} 张凭证待审核（列出 {shown} 张）；审核：lovefund entry approve 编号…"
            ),
            Lang::En => format!(
                "{count} entries wait for review ({shown} listed); approve with lovefund entry approve ID…"
            ),
        };
        writeln!(out, "{line}")
    }
}
