//! Bank reconciliations as records of their own: the statement's fingerprint and
//! closing balance, the postings it cleared (each at most once) and the statement
//! lines the ledger did not have. Postings are never edited.

use super::Sql;
use super::journal::parse_date;
use crate::error::message::StoreMessage;
use crate::error::{Error, Result};
use crate::ledger::money::Money;
pub use crate::ledger::reconciliation::ReconciliationRecord;
use crate::ledger::reconciliation::{LedgerItem, MatchKind};
use chrono::NaiveDate;
use rusqlite::{Connection, params};

/// What `--commit` writes.
pub struct NewReconciliation<'a> {
    pub account: &'a str,
    pub as_of: NaiveDate,
    /// The statement's lines in canonical form, hashed (`reconcile::statement::lines_sha256`).
    pub statement_sha256: &'a str,
    /// The file's bytes, hashed: how rows recorded before issue 14 know a statement.
    pub file_sha256: &'a str,
    pub statement_lines: usize,
    pub closing_balance: Money,
    pub ledger_balance: Money,
    pub adjusted: Money,
    pub agrees: bool,
    /// The matched pairs and the lines no posting matched, read from the spill.
    pub lines: &'a super::spill::Spill,
}

impl Sql<'_> {
    /// Uncleared postings of an account and its sub-accounts dated on or before `as_of`.
    pub fn uncleared_items(&self, account: &str, as_of: NaiveDate) -> Result<Vec<LedgerItem>> {
        let mut out = Vec::new();
        self.for_each_uncleared_item(account, as_of, &mut |item| {
            out.push(item.clone());
            Ok(())
        })?;
        Ok(out)
    }

    /// `uncleared_items` one at a time, in date order (then entry and posting).
    pub fn for_each_uncleared_item(
        &self,
        account: &str,
        as_of: NaiveDate,
        visit: &mut dyn FnMut(&LedgerItem) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT p.entry_id, p.seq, e.date, p.amount_fen, e.reference, e.memo
             FROM postings p JOIN entries e ON e.id = p.entry_id
             LEFT JOIN cleared_postings c ON c.entry_id = p.entry_id AND c.seq = p.seq
             WHERE (p.account = ?1 OR (p.account > ?1 || '.' AND p.account < ?1 || '/'))
               AND e.date <= ?2 AND c.entry_id IS NULL
             ORDER BY e.date, p.entry_id, p.seq",
        )?;
        let mut rows = stmt.query(params![account, crate::ledger::date::iso(as_of)])?;
        while let Some(r) = rows.next()? {
            visit(&LedgerItem {
                posting_key: (r.get(0)?, r.get(1)?),
                date: parse_date(&r.get::<_, String>(2)?)?,
                amount: Money::from_fen(r.get(3)?),
                reference: r.get(4)?,
                memo: r.get(5)?,
            })?;
        }
        Ok(())
    }

    pub fn reconciliations(&self) -> Result<Vec<ReconciliationRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, account, as_of, statement_sha256, statement_lines, closing_balance_fen,
                    ledger_balance_fen, adjusted_fen, agrees, recorded_by, recorded_at
             FROM reconciliations ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ReconciliationRecord {
                id: r.get(0)?,
                account: r.get(1)?,
                as_of: r.get(2)?,
                statement_sha256: r.get(3)?,
                statement_lines: r.get(4)?,
                closing_balance: Money::from_fen(r.get(5)?),
                ledger_balance: Money::from_fen(r.get(6)?),
                adjusted: Money::from_fen(r.get(7)?),
                agrees: r.get(8)?,
                recorded_by: r.get(9)?,
                recorded_at: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Cleared postings and unmatched statement lines of one reconciliation:
    /// (entry, seq, statement line, date, amount, reference, kind) and
    /// (statement line, date, amount, reference, description).
    #[allow(clippy::type_complexity)]
    pub fn reconciliation_lines(
        &self,
        id: i64,
    ) -> Result<(
        Vec<(i64, i64, i64, String, Money, String, String)>,
        Vec<(i64, String, Money, String, String)>,
    )> {
        let mut stmt = self.conn.prepare(
            "SELECT entry_id, seq, statement_line, statement_date, amount_fen, reference, match_kind
             FROM cleared_postings WHERE reconciliation_id = ?1 ORDER BY statement_line",
        )?;
        let cleared = stmt
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    Money::from_fen(r.get(4)?),
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT statement_line, date, amount_fen, reference, description
             FROM reconciliation_unmatched WHERE reconciliation_id = ?1 ORDER BY statement_line",
        )?;
        let unmatched = stmt
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    Money::from_fen(r.get(2)?),
                    r.get(3)?,
                    r.get(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((cleared, unmatched))
    }
}

/// Records a reconciliation; refuses the same statement for the same account twice:
/// the same lines (however the file is laid out), or for a row recorded before the
/// lines were hashed, the same bytes.
pub(super) fn insert_reconciliation(
    conn: &Connection,
    collector: &mut super::records::Collector,
    r: &NewReconciliation<'_>,
    by: &str,
    at: &str,
) -> Result<i64> {
    let seen: Option<i64> = conn
        .query_row(
            "SELECT id FROM reconciliations WHERE account = ?1 AND statement_sha256 IN (?2, ?3)
             ORDER BY id LIMIT 1",
            params![r.account, r.statement_sha256, r.file_sha256],
            |row| row.get(0),
        )
        .ok();
    if let Some(id) = seen {
        return Err(Error::conflict(StoreMessage::StatementReconciled { id }));
    }
    let as_of = crate::ledger::date::iso(r.as_of);
    let values: [&dyn rusqlite::ToSql; 10] = [
        &r.account,
        &as_of,
        &r.statement_sha256,
        &(r.statement_lines as i64),
        &r.closing_balance.fen(),
        &r.ledger_balance.fen(),
        &r.adjusted.fen(),
        &r.agrees,
        &by,
        &at,
    ];
    conn.execute(
        "INSERT INTO reconciliations (account, as_of, statement_sha256, statement_lines, closing_balance_fen,
             ledger_balance_fen, adjusted_fen, agrees, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &values[..],
    )?;
    let id = conn.last_insert_rowid();
    let mut row: Vec<&dyn rusqlite::ToSql> = vec![&id];
    row.extend_from_slice(&values);
    collector.add("reconciliations", &row)?;
    let mut clear = conn.prepare_cached(
        "INSERT INTO cleared_postings (entry_id, seq, reconciliation_id, statement_line, statement_date,
             amount_fen, reference, match_kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let cleared = r.lines.matched(&mut |line, item, kind| -> Result<()> {
        let kind = match kind {
            MatchKind::Reference => "reference",
            MatchKind::AmountDate => "amount-date",
        };
        let date = crate::ledger::date::iso(line.date);
        let values: [&dyn rusqlite::ToSql; 8] = [
            &item.posting_key.0,
            &item.posting_key.1,
            &id,
            &(line.line as i64),
            &date,
            &item.amount.fen(),
            &line.reference,
            &kind,
        ];
        clear.execute(&values[..]).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Error::conflict(StoreMessage::PostingCleared {
                    entry: item.posting_key.0,
                    seq: item.posting_key.1,
                })
            }
            e => e.into(),
        })?;
        collector.add("cleared_postings", &values)
    })?;
    cleared?;
    let mut unmatched = conn.prepare_cached(
        "INSERT INTO reconciliation_unmatched (reconciliation_id, statement_line, date, amount_fen, reference, description)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let recorded = r.lines.statement_only(&mut |line| -> Result<()> {
        let date = crate::ledger::date::iso(line.date);
        let values: [&dyn rusqlite::ToSql; 6] = [
            &id,
            &(line.line as i64),
            &date,
            &line.amount.fen(),
            &line.reference,
            &line.description,
        ];
        unmatched.execute(&values[..])?;
        collector.add("reconciliation_unmatched", &values)
    })?;
    recorded?;
    Ok(id)
}
