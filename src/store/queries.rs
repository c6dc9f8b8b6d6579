//! Read queries for reports and checks. Each returns plain data; none formats text.

use super::journal::{entry_columns, entry_from_row, lenient_posting, parse_date};
use super::{Sql, Store};
use crate::error::Result;
use crate::error::message::StoreMessage;
use crate::error::message::{ClearedFault, FindingMessage};
use crate::ledger::entry::StoredEntry;
use crate::ledger::money::Money;
use crate::ledger::party::Role;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use std::collections::HashMap;

fn date_text(date: NaiveDate) -> String {
    crate::ledger::date::iso(date)
}

/// Debit and credit turnover of one account (own postings only) up to a date.
#[derive(Clone, Debug)]
pub struct AccountTotal {
    pub account: String,
    pub debit: Money,
    pub credit: Money,
}

/// The chain head: how many entries, and the last entry's id with the hash of the
/// last item of the chain, entry or record (the ledger fingerprint).
#[derive(Clone, Debug)]
pub struct ChainHead {
    pub entries: i64,
    pub last: Option<(i64, Vec<u8>)>,
}

/// A stored row of the derived daily totals.
pub type DailyTotalRow = (String, i64, String, i64, i64);
/// A stored row of the derived balance guards: subject, date, delta, min prefix.
pub type GuardRow = (String, String, i64, i64);

/// One posting of a register, borrowed from the database row being read.
#[derive(Clone, Copy, Debug)]
pub struct RegisterRow<'a> {
    pub entry_id: i64,
    pub date: NaiveDate,
    pub memo: &'a str,
    pub account: &'a str,
    pub fund_id: i64,
    pub amount: Money,
}

impl Sql<'_> {
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

    /// Debit and credit turnover of an account and its sub-accounts between two dates.
    pub fn turnover(
        &self,
        account: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(Money, Money)> {
        let (low, high) = sub_account_range(account);
        let from = from.map_or_else(|| "0000-01-01".to_string(), date_text);
        let to = to.map_or_else(|| "9999-12-31".to_string(), date_text);
        let (debit, credit): (i64, i64) = self.conn.query_row(
            "SELECT COALESCE(SUM(debit_fen), 0), COALESCE(SUM(credit_fen), 0) FROM daily_totals
             WHERE (account = ?1 OR (account > ?2 AND account < ?3))
               AND date >= ?4 AND date <= ?5",
            params![account, low, high, from, to],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((Money::from_fen(debit), Money::from_fen(credit)))
    }

    /// The highest entry id (0 for an empty journal).
    pub fn last_entry_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM entries", [], |r| r.get(0))?)
    }

    /// Streams the postings of an account and its sub-accounts between two dates, in
    /// journal order (date, then recording order), without holding them: SQLite sorts
    /// them (spilling to a temporary file past its cache) and each is handed over as
    /// it is read.
    pub fn for_each_register_row(
        &self,
        account: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        mut visit: impl FnMut(RegisterRow<'_>) -> Result<()>,
    ) -> Result<()> {
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
        while let Some(r) = rows.next()? {
            visit(RegisterRow {
                entry_id: r.get(0)?,
                date: parse_date(text_at(r, 1)?)?,
                memo: text_at(r, 2)?,
                account: text_at(r, 3)?,
                fund_id: r.get(4)?,
                amount: Money::from_fen(r.get(5)?),
            })?;
        }
        Ok(())
    }

    pub fn head(&self) -> Result<ChainHead> {
        let count: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0))?;
        Ok(ChainHead {
            entries: count,
            last: self.chain_last()?,
        })
    }

    /// The chain's last item and its hash (the ledger fingerprint), without counting
    /// the entries as `head` does.
    pub fn chain_last(&self) -> Result<Option<(i64, Vec<u8>)>> {
        let (id, hash) = super::records::chain_head(self.conn)?;
        Ok((hash != crate::ledger::chain::GENESIS).then(|| (id, hash.to_vec())))
    }

    /// Streams every entry with its postings in id order, as stored (tampered rows
    /// included: the second value describes a malformed date or kind).
    pub fn for_each_entry(
        &self,
        mut visit: impl FnMut(&StoredEntry, Option<&FindingMessage>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(concat!(
            "SELECT ",
            entry_columns!(),
            ", p.account, p.fund_id, p.amount_fen
             FROM entries e LEFT JOIN postings p ON p.entry_id = e.id
             ORDER BY e.id, p.seq"
        ))?;
        let mut rows = stmt.query([])?;
        let mut current: Option<(StoredEntry, Option<FindingMessage>)> = None;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if current.as_ref().is_none_or(|(e, _)| e.id != id) {
                if let Some((entry, malformed)) = current.take() {
                    visit(&entry, malformed.as_ref())?;
                }
                current = Some(entry_from_row(row)?);
            }
            let has_posting = row.get_ref(12)? != rusqlite::types::ValueRef::Null;
            if has_posting && let Some((entry, malformed)) = current.as_mut() {
                entry
                    .postings
                    .push(lenient_posting(row, 12, entry.id, malformed));
            }
        }
        if let Some((entry, malformed)) = current {
            visit(&entry, malformed.as_ref())?;
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

/// A text column borrowed from the row, without copying it.
fn text_at<'r>(row: &'r rusqlite::Row<'_>, index: usize) -> Result<&'r str> {
    row.get_ref(index)?.as_str().map_err(|e| {
        crate::error::Error::verify(StoreMessage::MalformedText {
            detail: e.to_string(),
        })
    })
}

/// Codes strictly between these are the sub-accounts of `account` ('/' follows '.').
fn sub_account_range(account: &str) -> (String, String) {
    (format!("{account}."), format!("{account}/"))
}

/// One donation, disbursement or reversal of a donor or beneficiary.
#[derive(Clone, Debug)]
pub struct PartyHistoryRow {
    pub entry_id: i64,
    pub date: NaiveDate,
    pub kind: String,
    pub memo: String,
    pub method: Option<String>,
    pub reference: Option<String>,
    pub receipt: Option<String>,
    pub fund_id: i64,
    /// Revenue (for a donor) or program cost (for a beneficiary), positive; for a gift
    /// held in trust what it put on 2601, for its payout what it took off.
    pub amount: Money,
    /// The party the entry names: the one asked for, or a donor merged into it.
    pub party_id: i64,
    /// A gift held in trust (受托代理, 2601), its payout or their reversal.
    pub entrusted: bool,
}

/// Net debit (debit − credit) per fund and account type, before a date and between
/// two dates (inclusive).
#[derive(Clone, Debug)]
pub struct FundMovement {
    pub fund_id: i64,
    pub account_type: String,
    pub before: Money,
    pub during: Money,
}

/// The account-code range whose postings measure a party's money: donation revenue
/// (class 4) for donors, costs (class 5) for beneficiaries.
fn party_account_range(role: Role) -> (&'static str, &'static str, i64) {
    match role {
        Role::Donor => ("4", "5", -1),
        Role::Beneficiary => ("5", "6", 1),
    }
}

impl Sql<'_> {
    /// Per party: (number of donations or disbursements, net amount).
    pub fn party_totals(&self, role: Role) -> Result<HashMap<i64, (i64, Money)>> {
        let (low, high, sign) = party_account_range(role);
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.party_id,
                    COUNT(DISTINCT CASE WHEN e.kind IN ('donation', 'disbursement') THEN e.id END),
                    SUM(p.amount_fen)
             FROM entries e JOIN postings p ON p.entry_id = e.id
             WHERE e.party_id IS NOT NULL
               AND ((p.account >= ?1 AND p.account < ?2) OR (p.account >= '2601' AND p.account < '2601/'))
             GROUP BY e.party_id",
        )?;
        let rows = stmt.query_map(params![low, high], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (r.get::<_, i64>(1)?, r.get::<_, i64>(2)?),
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, (count, fen)) = row?;
            out.insert(id, (count, Money::from_fen(fen * sign)));
        }
        Ok(out)
    }

    /// A party's entries, and those of the donors merged into it.
    pub fn party_history(&self, role: Role, party_id: i64) -> Result<Vec<PartyHistoryRow>> {
        let (low, high, sign) = party_account_range(role);
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.date, e.kind, e.memo, e.method, e.reference,
                    (SELECT printf('%d-%06d', r.year, r.seq) FROM receipts r WHERE r.entry_id = e.id
                     ORDER BY r.year DESC, r.seq DESC LIMIT 1),
                    MIN(p.fund_id), SUM(p.amount_fen), e.party_id,
                    EXISTS (SELECT 1 FROM entrusted t WHERE t.entry_id = COALESCE(e.reverses, e.id))
             FROM entries e JOIN postings p ON p.entry_id = e.id
             WHERE e.party_id IN (SELECT ?1 UNION ALL SELECT id FROM party_roots WHERE root = ?1)
               AND ((p.account >= ?2 AND p.account < ?3) OR (p.account >= '2601' AND p.account < '2601/'))
             GROUP BY e.id ORDER BY e.date, e.id",
        )?;
        let mut rows = stmt.query(params![party_id, low, high])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(PartyHistoryRow {
                entry_id: r.get(0)?,
                date: parse_date(&r.get::<_, String>(1)?)?,
                kind: r.get(2)?,
                memo: r.get(3)?,
                method: r.get(4)?,
                reference: r.get(5)?,
                receipt: r.get(6)?,
                fund_id: r.get(7)?,
                amount: Money::from_fen(r.get::<_, i64>(8)? * sign),
                party_id: r.get(9)?,
                entrusted: r.get(10)?,
            });
        }
        Ok(out)
    }

    /// Movements per fund and account type for a period (from the daily totals).
    pub fn fund_movements(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<FundMovement>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.fund_id, a.type,
                    SUM(CASE WHEN d.date < ?1 THEN d.debit_fen - d.credit_fen ELSE 0 END),
                    SUM(CASE WHEN d.date >= ?1 THEN d.debit_fen - d.credit_fen ELSE 0 END)
             FROM daily_totals d JOIN accounts a ON a.code = d.account
             WHERE d.date <= ?2
             GROUP BY d.fund_id, a.type",
        )?;
        let rows = stmt.query_map(params![date_text(start), date_text(end)], |r| {
            Ok(FundMovement {
                fund_id: r.get(0)?,
                account_type: r.get(1)?,
                before: Money::from_fen(r.get(2)?),
                during: Money::from_fen(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl Sql<'_> {
    /// The latest date anything is dated, if any.
    pub fn last_date(&self) -> Result<Option<NaiveDate>> {
        let text: Option<String> =
            self.conn
                .query_row("SELECT MAX(date) FROM daily_totals", [], |r| r.get(0))?;
        text.map(|t| parse_date(&t)).transpose()
    }
}

impl Sql<'_> {
    /// One entry with its postings, or None; a tampered one is `Verify`.
    pub fn entry(&self, id: i64) -> Result<Option<StoredEntry>> {
        let conn = self.conn;
        let Some((mut entry, mut malformed)) = conn
            .query_row(
                concat!(
                    "SELECT ",
                    entry_columns!(),
                    " FROM entries e WHERE e.id = ?1"
                ),
                [id],
                entry_from_row,
            )
            .optional()?
        else {
            return Ok(None);
        };
        let mut stmt = conn.prepare_cached(
            "SELECT account, fund_id, amount_fen FROM postings WHERE entry_id = ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([id])?;
        while let Some(row) = rows.next()? {
            entry
                .postings
                .push(lenient_posting(row, 0, id, &mut malformed));
        }
        match malformed {
            Some(problem) => Err(crate::error::Error::verify(StoreMessage::Tampered {
                problem: Box::new(problem),
            })),
            None => Ok(Some(entry)),
        }
    }

    /// The entry that reverses `id`, if any.
    pub fn reversed_by(&self, id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM entries WHERE reverses = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

impl Sql<'_> {
    /// SQLite's own checks: `integrity_check` then `foreign_key_check`; empty when sound.
    pub fn integrity_problems(&self) -> Result<Vec<FindingMessage>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(FindingMessage::Sqlite { detail: row });
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (table, rowid, parent) = row?;
            problems.push(FindingMessage::ForeignKey {
                table,
                row: rowid,
                parent,
            });
        }
        Ok(problems)
    }

    /// Cleared postings that no longer match their posting: (entry, seq, why).
    pub fn cleared_mismatches(&self) -> Result<Vec<(i64, i64, ClearedFault)>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.entry_id, c.seq, p.amount_fen, c.amount_fen, p.account, r.account
             FROM cleared_postings c
             LEFT JOIN postings p ON p.entry_id = c.entry_id AND p.seq = c.seq
             LEFT JOIN reconciliations r ON r.id = c.reconciliation_id
             ORDER BY c.entry_id, c.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (entry, seq, posted, cleared, account, reconciled) = row?;
            let why = match (posted, account, reconciled) {
                (None, _, _) => ClearedFault::PostingGone,
                (_, _, None) => ClearedFault::ReconciliationGone,
                (Some(p), _, _) if p != cleared => ClearedFault::AmountChanged {
                    cleared: Money::from_fen(cleared).plain(),
                    now: Money::from_fen(p).plain(),
                },
                (_, Some(a), Some(r)) if a != r && !a.starts_with(&format!("{r}.")) => {
                    ClearedFault::OtherAccount {
                        account: a,
                        reconciled: r,
                    }
                }
                _ => continue,
            };
            out.push((entry, seq, why));
        }
        Ok(out)
    }
}

/// `integrity_problems` on a second connection, in a thread of its own: SQLite's
/// checks read the whole file, and on a second core they run while the journal is
/// checked. Join the handle for the problems. The connection is opened as the first
/// was (it writes nothing): on a read-only connection SQLite's integrity check
/// skips the CHECK constraints.
pub(super) fn integrity_problems_beside(
    path: std::path::PathBuf,
    read_only: bool,
) -> std::thread::JoinHandle<Result<Vec<FindingMessage>>> {
    std::thread::spawn(move || {
        let store = Store::open(&path, read_only)?;
        store.tune_for_reading()?;
        Sql { conn: &store.conn }.integrity_problems()
    })
}
