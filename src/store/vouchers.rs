//! Voucher numbers (记-NNN, issue 17 §2), derived from the journal: an entry's number
//! is its place, by id, among the entries dated in its month. Entries are never
//! changed or deleted and ids only grow, so a number once printed never changes, the
//! numbers of a month run from 1 without gaps, and they are covered by the chain as
//! the entries are; an entry recorded late for an earlier month takes that month's
//! next number. No table holds them, so no migration numbers old entries.

use crate::error::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};

/// The first day of `date`'s month and of the month after, as stored dates.
pub fn month_bounds(date: NaiveDate) -> (String, String) {
    let first = date.with_day(1).unwrap_or(date);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(first);
    (
        first.format("%Y-%m-%d").to_string(),
        next.format("%Y-%m-%d").to_string(),
    )
}

/// Entry `id`'s number in its month (dated `date`).
pub(super) fn number_of(conn: &Connection, id: i64, date: NaiveDate) -> Result<i64> {
    let (first, next) = month_bounds(date);
    Ok(conn
        .prepare_cached("SELECT COUNT(*) FROM entries WHERE date >= ?1 AND date < ?2 AND id <= ?3")?
        .query_row(params![first, next, id], |r| r.get(0))?)
}

/// The ids of the entries dated in `month`'s month, in number order.
pub(super) fn entries_of_month(conn: &Connection, month: NaiveDate) -> Result<Vec<i64>> {
    let (first, next) = month_bounds(month);
    let mut stmt =
        conn.prepare_cached("SELECT id FROM entries WHERE date >= ?1 AND date < ?2 ORDER BY id")?;
    let rows = stmt.query_map(params![first, next], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
