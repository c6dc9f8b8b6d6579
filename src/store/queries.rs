//! Read queries for reports and checks. Each returns plain data; none formats text.

use super::Store;
use super::journal::{entry_columns, entry_from_row, parse_date, posting_from_row};
use crate::error::Result;
use crate::ledger::entry::StoredEntry;
use crate::ledger::money::Money;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Debit and credit turnover of one account (own postings only) up to a date.
#[derive(Clone, Debug)]
pub struct AccountTotal {
    pub account: String,
    pub debit: Money,
    pub credit: Money,
}

/// The chain head: how many entries, and the last one's id and hash.
#[derive(Clone, Debug)]
pub struct ChainHead {
    pub entries: i64,
    pub last: Option<(i64, Vec<u8>)>,
}

/// A stored row of the derived daily totals.
pub type DailyTotalRow = (String, i64, String, i64, i64);
/// A stored row of the derived balance guards: subject, date, delta, min prefix.
pub type GuardRow = (String, String, i64, i64);

#[derive(Clone, Debug)]
pub struct RegisterRow {
    pub entry_id: i64,
    pub date: NaiveDate,
    pub memo: String,
    pub account: String,
    pub fund_id: i64,
    pub amount: Money,
}

impl Store {
    /// Per-account debit and credit totals of everything dated on or before `as_of`.
    pub fn account_totals(&self, as_of: Option<NaiveDate>) -> Result<Vec<AccountTotal>> {
        let as_of = as_of.map_or_else(|| "9999-12-31".to_string(), date_text);
        let mut stmt = self.conn.prepare_cached(
            "SELECT account, SUM(debit_fen), SUM(credit_fen) FROM daily_totals
             WHERE date <= ?1 GROUP BY account ORDER BY account",
        )?;
        let rows = stmt.query_map([as_of], |r| {
            Ok(AccountTotal {
                account: r.get(0)?,
                debit: Money::from_fen(r.get(1)?),
                credit: Money::from_fen(r.get(2)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The balance (debit positive) of an account and its sub-accounts before `date`.
    pub fn balance_before(&self, account: &str, date: NaiveDate) -> Result<Money> {
        let (low, high) = sub_account_range(account);
        let fen: i64 = self.conn.query_row(
            "SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM daily_totals
             WHERE (account = ?1 OR (account > ?2 AND account < ?3)) AND date < ?4",
            params![account, low, high, date_text(date)],
            |r| r.get(0),
        )?;
        Ok(Money::from_fen(fen))
    }

    /// Postings of an account and its sub-accounts between two dates, in journal
    /// order (date, then recording order).
    pub fn register_rows(
        &self,
        account: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<RegisterRow>> {
        let (low, high) = sub_account_range(account);
        let from = from.map_or_else(|| "0000-01-01".to_string(), date_text);
        let to = to.map_or_else(|| "9999-12-31".to_string(), date_text);
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.entry_id, e.date, e.memo, p.account, p.fund_id, p.amount_fen
             FROM postings p JOIN entries e ON e.id = p.entry_id
             WHERE (p.account = ?1 OR (p.account > ?2 AND p.account < ?3))
               AND e.date >= ?4 AND e.date <= ?5
             ORDER BY e.date, p.entry_id, p.seq",
        )?;
        let mut rows = stmt.query(params![account, low, high, from, to])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(RegisterRow {
                entry_id: r.get(0)?,
                date: parse_date(&r.get::<_, String>(1)?)?,
                memo: r.get(2)?,
                account: r.get(3)?,
                fund_id: r.get(4)?,
                amount: Money::from_fen(r.get(5)?),
            });
        }
        Ok(out)
    }

    /// One entry with its postings, or None.
    pub fn entry(&self, id: i64) -> Result<Option<StoredEntry>> {
        let found = self
            .conn
            .query_row(
                concat!(
                    "SELECT ",
                    entry_columns!(),
                    " FROM entries e WHERE e.id = ?1"
                ),
                [id],
                entry_from_row,
            )
            .optional()?;
        let Some((mut entry, _)) = found else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT account, fund_id, amount_fen FROM postings WHERE entry_id = ?1 ORDER BY seq",
        )?;
        let postings = stmt.query_map([id], |r| posting_from_row(r, 0))?;
        entry.postings = postings.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(entry))
    }

    /// The id of the entry that reverses `id`, if any.
    pub fn reversed_by(&self, id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM entries WHERE reverses = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn head(&self) -> Result<ChainHead> {
        let count: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0))?;
        let last = self
            .conn
            .query_row(
                "SELECT id, hash FROM entries ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(ChainHead {
            entries: count,
            last,
        })
    }

    /// Streams every entry with its postings in id order, as stored (tampered rows
    /// included: the second value describes a malformed date or kind).
    pub fn for_each_entry(
        &self,
        mut visit: impl FnMut(&StoredEntry, Option<&str>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(concat!(
            "SELECT ",
            entry_columns!(),
            ", p.account, p.fund_id, p.amount_fen
             FROM entries e LEFT JOIN postings p ON p.entry_id = e.id
             ORDER BY e.id, p.seq"
        ))?;
        let mut rows = stmt.query([])?;
        let mut current: Option<(StoredEntry, Option<String>)> = None;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if current.as_ref().is_none_or(|(e, _)| e.id != id) {
                if let Some((entry, malformed)) = current.take() {
                    visit(&entry, malformed.as_deref())?;
                }
                current = Some(entry_from_row(row)?);
            }
            let has_posting = row.get_ref(12)? != rusqlite::types::ValueRef::Null;
            if has_posting && let Some((entry, _)) = current.as_mut() {
                entry.postings.push(posting_from_row(row, 12)?);
            }
        }
        if let Some((entry, malformed)) = current {
            visit(&entry, malformed.as_deref())?;
        }
        Ok(())
    }

    /// Postings whose entry is gone (only possible by tampering).
    pub fn orphan_posting_entry_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT entry_id FROM postings
             WHERE entry_id NOT IN (SELECT id FROM entries) ORDER BY entry_id",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The triggers as stored: (name, SQL).
    pub fn triggers(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The derived daily totals as stored: (account, fund, date) → (debit, credit).
    pub fn stored_daily_totals(&self) -> Result<Vec<DailyTotalRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT account, fund_id, date, debit_fen, credit_fen FROM daily_totals
             ORDER BY account, fund_id, date",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The derived guard rows as stored: (subject, date) → (delta, min prefix).
    pub fn stored_guard_days(&self) -> Result<Vec<GuardRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT subject, date, delta_fen, min_prefix_fen FROM guard_daily ORDER BY subject, date",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// Codes strictly between these are the sub-accounts of `account` ('/' follows '.').
fn sub_account_range(account: &str) -> (String, String) {
    (format!("{account}."), format!("{account}/"))
}
