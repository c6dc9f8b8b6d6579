//! Closed years: the year-end close and the lock it puts on every earlier date.

use crate::error::Result;
use crate::ledger::account::AccountType;
use crate::ledger::closing::ResultBalance;
use crate::ledger::fund::FundId;
use crate::ledger::money::Money;
use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ClosedYear {
    pub year: i32,
    pub entry_id: Option<i64>,
    pub last_entry: i64,
    pub closed_by: String,
    pub closed_at: String,
}

pub(super) fn closed_years(conn: &Connection) -> Result<Vec<ClosedYear>> {
    let mut stmt = conn.prepare_cached(
        "SELECT year, entry_id, last_entry, closed_by, closed_at FROM closed_years ORDER BY year",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ClosedYear {
            year: r.get(0)?,
            entry_id: r.get(1)?,
            last_entry: r.get(2)?,
            closed_by: r.get(3)?,
            closed_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The last closed year: nothing may be dated in it or before it.
pub(super) fn closed_through(conn: &Connection) -> Result<Option<i32>> {
    Ok(conn.query_row("SELECT MAX(year) FROM closed_years", [], |r| r.get(0))?)
}

/// The year of the earliest dated posting.
pub(super) fn first_year(conn: &Connection) -> Result<Option<i32>> {
    let date: Option<String> =
        conn.query_row("SELECT MIN(date) FROM daily_totals", [], |r| r.get(0))?;
    Ok(date.and_then(|d| d.get(..4).and_then(|y| y.parse().ok())))
}

/// Income and expense balances per account and fund through `through` (debit positive).
pub(super) fn result_balances(conn: &Connection, through: NaiveDate) -> Result<Vec<ResultBalance>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.account, a.type, d.fund_id, SUM(d.debit_fen - d.credit_fen)
         FROM daily_totals d JOIN accounts a ON a.code = d.account
         WHERE a.type IN ('income', 'expense') AND d.date <= ?1
         GROUP BY d.account, d.fund_id ORDER BY d.account, d.fund_id",
    )?;
    let rows = stmt.query_map([crate::ledger::date::iso(through)], |r| {
        let account_type: String = r.get(1)?;
        Ok(ResultBalance {
            account: r.get(0)?,
            account_type: AccountType::parse(&account_type).unwrap_or(AccountType::Expense),
            fund: FundId(r.get(2)?),
            net_fen: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_closed_year(
    conn: &Connection,
    collector: &mut super::records::Collector,
    year: &ClosedYear,
) -> Result<()> {
    let values: [&dyn rusqlite::ToSql; 5] = [
        &year.year,
        &year.entry_id,
        &year.last_entry,
        &year.closed_by,
        &year.closed_at,
    ];
    conn.execute(
        "INSERT INTO closed_years (year, entry_id, last_entry, closed_by, closed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &values[..],
    )?;
    collector.add("closed_years", &values)
}

/// Postings of closing entries between two dates, per fund and account type (debit
/// positive): reports subtract them so a closed year still shows what it raised.
pub(super) fn closing_movements(
    conn: &Connection,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<(i64, String, Money)>> {
    let mut stmt = conn.prepare_cached(
        // The closing entries of a year are the last ones before its lock, so they
        // are found through closed_years without scanning the journal.
        "SELECT p.fund_id, a.type, SUM(p.amount_fen)
         FROM closed_years c
         JOIN entries e ON e.id >= c.entry_id AND e.id <= c.last_entry
         JOIN postings p ON p.entry_id = e.id
         JOIN accounts a ON a.code = p.account
         WHERE e.kind = 'closing' AND e.date >= ?1 AND e.date <= ?2
         GROUP BY p.fund_id, a.type",
    )?;
    let rows = stmt.query_map(
        params![
            crate::ledger::date::iso(start),
            crate::ledger::date::iso(end)
        ],
        |r| Ok((r.get(0)?, r.get(1)?, Money::from_fen(r.get(2)?))),
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Entries dated in a closed year but recorded after its close: (entry id, date, year).
pub(super) fn entries_after_close(conn: &Connection) -> Result<Vec<(i64, String, i32)>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.date, c.year FROM closed_years c
         JOIN entries e ON e.id > c.last_entry AND e.date <= printf('%04d-12-31', c.year)
         ORDER BY e.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
