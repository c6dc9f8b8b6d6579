//! 受托代理 as stored (migration 0014): which beneficiary each gift held in trust
//! (`donate --for`) and each payout of it (`disburse --entrusted`) is for, and the
//! queries that keep 2601 受托代理負債 per beneficiary.

use super::records::Collector;
use crate::error::Result;
use crate::ledger::chart::ENTRUSTED_LIABILITIES;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

/// Names the beneficiary entry `entry_id` is held for, as a chained row.
pub(super) fn insert_entrusted(
    conn: &Connection,
    collector: &mut Collector,
    entry_id: i64,
    beneficiary_id: i64,
) -> Result<()> {
    let values: [&dyn rusqlite::ToSql; 2] = [&entry_id, &beneficiary_id];
    conn.execute(
        "INSERT INTO entrusted (entry_id, beneficiary_id) VALUES (?1, ?2)",
        &values[..],
    )?;
    collector.add("entrusted", &values)
}

/// The beneficiary entry `entry_id` is held for, if it is a 受托代理 gift or payout.
pub(super) fn entrusted_beneficiary(conn: &Connection, entry_id: i64) -> Result<Option<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT beneficiary_id FROM entrusted WHERE entry_id = ?1")?;
    Ok(stmt.query_row([entry_id], |r| r.get(0)).optional()?)
}

/// Each change to what is held for `beneficiary_id`: (date, entry, fen; credits to
/// 2601 positive), by
/// the gifts and payouts named for them and the reversals of those, in the order
/// they apply: by date, then as recorded.
pub(super) fn entrusted_changes(
    conn: &Connection,
    beneficiary_id: i64,
) -> Result<Vec<(NaiveDate, i64, i64)>> {
    let (low, high) = account_range();
    let mut stmt = conn.prepare_cached(
        "SELECT e.date, e.id, -SUM(p.amount_fen)
         FROM entrusted t JOIN entries e ON e.id = t.entry_id
              JOIN postings p ON p.entry_id = e.id AND p.account >= ?2 AND p.account < ?3
         WHERE t.beneficiary_id = ?1 GROUP BY e.id
         UNION ALL
         SELECT e.date, e.id, -SUM(p.amount_fen)
         FROM entrusted t JOIN entries e ON e.reverses = t.entry_id
              JOIN postings p ON p.entry_id = e.id AND p.account >= ?2 AND p.account < ?3
         WHERE t.beneficiary_id = ?1 GROUP BY e.id
         ORDER BY 1, 2",
    )?;
    let rows = stmt.query_map(params![beneficiary_id, low, high], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut changes = Vec::new();
    for row in rows {
        let (date, id, fen) = row?;
        changes.push((super::journal::parse_date(&date)?, id, fen));
    }
    Ok(changes)
}

/// The entries that move 2601 受托代理負債 without naming whom the money is held for:
/// neither they nor the entry they reverse have an `entrusted` row (an `entry add`
/// on 2601, or a row deleted around lovefund).
pub(super) fn unnamed_entrusted_entries(conn: &Connection) -> Result<Vec<i64>> {
    let (low, high) = account_range();
    let mut stmt = conn.prepare(
        "SELECT DISTINCT p.entry_id
         FROM postings p JOIN entries e ON e.id = p.entry_id
         WHERE p.account >= ?1 AND p.account < ?2
           AND NOT EXISTS (SELECT 1 FROM entrusted t WHERE t.entry_id = e.id)
           AND NOT EXISTS (SELECT 1 FROM entrusted t WHERE t.entry_id = e.reverses)
         ORDER BY p.entry_id",
    )?;
    let ids = stmt
        .query_map(params![low, high], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Every beneficiary something was ever held in trust for, by id.
pub(super) fn entrusted_beneficiaries(conn: &Connection) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare("SELECT DISTINCT beneficiary_id FROM entrusted ORDER BY beneficiary_id")?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// The codes of 2601 and its sub-accounts, as a half-open range of text.
fn account_range() -> (String, String) {
    (
        ENTRUSTED_LIABILITIES.to_string(),
        format!("{ENTRUSTED_LIABILITIES}/"),
    )
}
