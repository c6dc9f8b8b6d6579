//! Queries for the annual summary: counts of donations and disbursements that were
//! not reversed within the year, and the fund's money on a date.

use super::Sql;
use crate::error::Result;
use crate::ledger::chart::GUARDED_ASSET_CODES;
use crate::ledger::money::Money;
use chrono::NaiveDate;
use rusqlite::params;

/// Donations or disbursements of a period: (kind, party type, entries, distinct parties).
pub type ActivityCount = (String, String, i64, i64);

impl Sql<'_> {
    /// Entries of kind donation or disbursement dated in [start, end] and not
    /// reversed by an entry dated on or before `end`, grouped by kind and party type.
    /// Gifts held in trust and their payouts (受托代理) are neither the fund's
    /// donations nor its aid, and are not counted.
    /// With `donations` false, disbursements alone (what the dashboard counts: the
    /// people aided), which reads a third of a year's entries.
    ///
    /// Each party's entries are counted first, in the entries' date index, and only
    /// the parties found are then looked up (merged donors counted as their root):
    /// a year of a 1,000,000-entry ledger is 140,000 entries but a few thousand
    /// parties.
    pub fn activity_counts(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        donations: bool,
    ) -> Result<Vec<ActivityCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.kind, COALESCE(p.type, ''), SUM(d.entries), COUNT(DISTINCT p.id)
             FROM (SELECT e.kind AS kind, e.party_id AS party_id, COUNT(*) AS entries
                   FROM entries e
                   WHERE e.date >= ?1 AND e.date <= ?2 AND e.kind IN (?3, 'disbursement')
                     AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses = e.id AND r.date <= ?2)
                     AND NOT EXISTS (SELECT 1 FROM entrusted t WHERE t.entry_id = e.id)
                   GROUP BY e.kind, e.party_id) d
             LEFT JOIN party_roots m ON m.id = d.party_id
             LEFT JOIN parties_now p ON p.id = COALESCE(m.root, d.party_id)
             GROUP BY d.kind, p.type",
        )?;
        let rows = stmt.query_map(
            params![
                crate::ledger::date::iso(start),
                crate::ledger::date::iso(end),
                if donations {
                    "donation"
                } else {
                    "disbursement"
                },
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Cash, bank and e-wallet money (1001 + 1002 + 1012 and their sub-accounts)
    /// dated before `date`.
    pub fn money_before(&self, date: NaiveDate) -> Result<Money> {
        let mut total = Money::ZERO;
        // A parent's balance holds its sub-accounts' (1012 holds 1012.01 and .02):
        // only the top codes are added, or an e-wallet's money counts twice.
        for code in GUARDED_ASSET_CODES.iter().filter(|c| !c.contains('.')) {
            total = total.plus("money held", self.balance_before(code, date)?)?;
        }
        Ok(total)
    }
}

impl Sql<'_> {
    /// Net debit per (fund, account) of everything dated in [start, end], closing
    /// entries left out (they move a closed year's results, not money).
    pub fn account_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Vec<(i64, String, Money)>> {
        let (start, end) = (
            crate::ledger::date::iso(start),
            crate::ledger::date::iso(end),
        );
        let mut stmt = self.conn.prepare_cached(
            "SELECT fund_id, account, SUM(debit_fen - credit_fen) FROM daily_totals
             WHERE date >= ?1 AND date <= ?2 GROUP BY fund_id, account",
        )?;
        let mut totals: std::collections::BTreeMap<(i64, String), i64> = stmt
            .query_map(params![start, end], |r| {
                Ok(((r.get(0)?, r.get(1)?), r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut closing = self.conn.prepare_cached(
            "SELECT p.fund_id, p.account, SUM(p.amount_fen)
             FROM closed_years c
             JOIN entries e ON e.id >= c.entry_id AND e.id <= c.last_entry
             JOIN postings p ON p.entry_id = e.id
             WHERE e.kind = 'closing' AND e.date >= ?1 AND e.date <= ?2
             GROUP BY p.fund_id, p.account",
        )?;
        let rows = closing.query_map(params![start, end], |r| {
            Ok((
                (r.get::<_, i64>(0)?, r.get::<_, String>(1)?),
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (key, fen) = row?;
            *totals.entry(key).or_default() -= fen;
        }
        Ok(totals
            .into_iter()
            .map(|((fund, account), fen)| (fund, account, Money::from_fen(fen)))
            .collect())
    }
}

/// A donor's or beneficiary's movements in a period: (party, program account or
/// 4101, donations or payments not reversed within the period, net amount).
pub type PartyMovement = (i64, String, i64, Money);

impl Sql<'_> {
    /// Per party and account: donation revenue (4101…) or program costs (5101.…)
    /// dated in [start, end], net of reversals dated in it, with the number of
    /// donations or disbursements not reversed by `end`.
    pub fn party_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        costs: bool,
    ) -> Result<Vec<PartyMovement>> {
        let (low, high, sign) = if costs {
            ("5101.", "5101/", 1)
        } else {
            ("4101", "4102", -1)
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.party_id, p.account,
                    SUM(CASE WHEN e.kind IN ('donation', 'disbursement') AND NOT EXISTS
                        (SELECT 1 FROM entries r WHERE r.reverses = e.id AND r.date <= ?2) THEN 1 ELSE 0 END),
                    SUM(p.amount_fen)
             FROM entries e JOIN postings p ON p.entry_id = e.id
             WHERE e.date >= ?1 AND e.date <= ?2 AND e.party_id IS NOT NULL
               AND e.kind IN ('donation', 'disbursement', 'reversal')
               AND p.account >= ?3 AND p.account < ?4
             GROUP BY e.party_id, p.account ORDER BY e.party_id, p.account",
        )?;
        let rows = stmt.query_map(
            params![
                crate::ledger::date::iso(start),
                crate::ledger::date::iso(end),
                low,
                high
            ],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    Money::from_fen(r.get::<_, i64>(3)? * sign),
                ))
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
