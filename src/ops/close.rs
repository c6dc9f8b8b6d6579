//! Closing a year: the closing entries into net assets, then the lock on the year.
//! Years close once, in order, and only after they have ended.

use super::{Actor, Ledger};
use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::closing::closing_entries;
use crate::render::Render;
use crate::store::Read;
use crate::store::UnitOfWork;
use crate::store::periods::ClosedYear;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Serialize)]
pub struct YearClosed {
    pub year: i32,
    pub closing_entries: Vec<i64>,
}

impl Render for YearClosed {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let ids: Vec<String> = self.closing_entries.iter().map(i64::to_string).collect();
        let entries = match ids.is_empty() {
            true => L::NoClosingEntries.get(lang).to_string(),
            false => format!(
                "{} {}",
                L::ClosingEntries.get(lang),
                ids.join(L::ListSeparator.get(lang))
            ),
        };
        writeln!(out, "{} {}: {entries}", L::Closed.get(lang), self.year)
    }
}

/// How many unreviewed entries a refusal to close lists.
const UNREVIEWED_LISTED: usize = 10;

/// On a ledger with users, refuses to close while entries of the year wait for a
/// reviewer, unless `close.require-review` is `no`.
fn refuse_unreviewed(store: &impl Read, year: i32, end: NaiveDate) -> Result<()> {
    use crate::ledger::settings::Setting;
    let setting = Setting::CloseNeedsReview;
    let on = Setting::is_yes(store.setting(setting.key())?.map(|c| c.value).as_deref());
    if !on || !store.has_users()? {
        return Ok(());
    }
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(end);
    let (count, entries) = store.unreviewed(start, end, UNREVIEWED_LISTED)?;
    if count == 0 {
        return Ok(());
    }
    Err(Error::conflict_in(
        Field::Year,
        crate::error::message::AccessMessage::Unapproved {
            year,
            count,
            entries,
            setting: setting.key().to_string(),
        },
    ))
}

/// Closes `year`: refused before 31 December has passed, when the year is closed
/// already, when a later year is, or when the year before is still open.
pub fn close_year(ledger: &mut Ledger, actor: &Actor, year: i32) -> Result<YearClosed> {
    let end = NaiveDate::from_ymd_opt(year, 12, 31)
        .filter(|_| (1900..=9998).contains(&year))
        .ok_or_else(|| {
            Error::input_in(
                Field::Year,
                OpsMessage::YearNotKept {
                    year: i64::from(year),
                },
            )
        })?;
    if actor.today <= end {
        return Err(Error::input_in(
            Field::Year,
            OpsMessage::YearNotEnded {
                year: i64::from(year),
            },
        ));
    }
    refuse_unreviewed(ledger.reader(), year, end)?;
    let memo_lang = ledger.lang();
    let memo = (L::ClosingMemo.get(memo_lang), L::ReleaseMemo.get(memo_lang));
    let store = ledger.store_mut()?;
    let ids = store.write(&actor.stamp(), |appender| {
        refuse_out_of_order(appender, year)?;
        let balances = appender.result_balances(end)?;
        let entries = closing_entries(year, &balances, appender.loaded_funds(), memo)?;
        let mut ids = Vec::with_capacity(entries.len());
        for entry in &entries {
            ids.push(appender.append(entry)?.id);
        }
        let record = ClosedYear {
            year,
            entry_id: ids.first().copied(),
            last_entry: appender.head_id(),
            closed_by: actor.user.clone(),
            closed_at: actor.recorded_at.clone(),
        };
        appender.insert_closed_year(&record)?;
        Ok(ids)
    })?;
    Ok(YearClosed {
        year,
        closing_entries: ids,
    })
}

fn refuse_out_of_order(ledger: &impl Read, year: i32) -> Result<()> {
    let closed = ledger.closed_years()?;
    if let Some(c) = closed.iter().find(|c| c.year == year) {
        return Err(Error::conflict(OpsMessage::YearClosed {
            year: i64::from(year),
            by: c.closed_by.to_string(),
            at: c.closed_at.to_string(),
        }));
    }
    if let Some(through) = ledger.closed_through()?.filter(|t| *t > year) {
        return Err(Error::conflict(OpsMessage::LaterYearClosed {
            through: i64::from(through),
            year: i64::from(year),
        }));
    }
    let previous = year - 1;
    let first = ledger.first_year()?;
    if first.is_some_and(|f| f <= previous) && !closed.iter().any(|c| c.year == previous) {
        return Err(Error::conflict(OpsMessage::PreviousYearOpen {
            previous: i64::from(previous),
        }));
    }
    Ok(())
}
