//! `close --year Y`: the year-end closing entries, then the lock on the year.

use super::{Context, ledger_lang, output};
use crate::error::{Error, Result};
use crate::i18n::L;
use crate::ledger::closing::closing_entries;
use crate::render::json;
use crate::store::periods::{self, ClosedYear};
use chrono::NaiveDate;
use serde_json::json;
use std::io::Write;

pub fn run(ctx: &Context, year: i32, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let end = NaiveDate::from_ymd_opt(year, 12, 31)
        .filter(|_| (1900..=9998).contains(&year))
        .ok_or_else(|| Error::input(format!("--year {year} is not a year lovefund keeps")))?;
    if chrono::Local::now().date_naive() <= end {
        return Err(Error::input(format!(
            "--year {year} has not ended yet; close it after 31 December"
        )));
    }
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let memo_lang = ledger_lang(&store);
    let memo = (L::ClosingMemo.get(memo_lang), L::ReleaseMemo.get(memo_lang));
    let now = ctx.now();
    let ids = store.append(&ctx.user, &now, |appender| {
        let tx = appender.transaction()?;
        if let Some(closed) = periods::closed_years(tx)?
            .into_iter()
            .find(|c| c.year == year)
        {
            return Err(Error::conflict(format!(
                "{year} is already closed (by {} at {}); a year is closed once",
                closed.closed_by, closed.closed_at
            )));
        }
        if let Some(through) = periods::closed_through(tx)?.filter(|t| *t > year) {
            return Err(Error::conflict(format!(
                "{through} is already closed, so {year} is locked too; years close in order"
            )));
        }
        let previous = year - 1;
        let first = periods::first_year(tx)?;
        let previous_closed = periods::closed_years(tx)?
            .iter()
            .any(|c| c.year == previous);
        if first.is_some_and(|f| f <= previous) && !previous_closed {
            return Err(Error::conflict(format!(
                "{previous} is not closed yet; close the years in order, {previous} first"
            )));
        }
        let balances = periods::result_balances(tx, end)?;
        let entries = closing_entries(year, &balances, appender.funds(), memo)?;
        let mut ids = Vec::new();
        for entry in &entries {
            ids.push(appender.append(entry)?.id);
        }
        let last_entry = appender.head_id();
        let record = ClosedYear {
            year,
            entry_id: ids.first().copied(),
            last_entry,
            closed_by: ctx.user.clone(),
            closed_at: now.clone(),
        };
        periods::insert_closed_year(appender.transaction()?, &record)?;
        Ok(ids)
    })?;
    if ctx.json {
        return output(json::write(
            out,
            &json!({"year": year, "closing_entries": ids}),
        ));
    }
    output(writeln!(
        out,
        "{} {year}: {} {:?}",
        L::Closed.get(lang),
        L::Entries.get(lang),
        ids
    ))?;
    Ok(())
}
