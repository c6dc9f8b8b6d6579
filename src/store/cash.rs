//! What the cash-flow statement reads: per entry dated in a period, its change to
//! the fund's money (1001 现金, 1002 银行存款, 1012 and its e-wallet sub-accounts) and
//! the accounts on its other side, for `report::cash_flow` to class.

use crate::error::Result;
use rusqlite::{Connection, params};

/// One entry that moved money: the change (in fen, + in), and the lowest-coded
/// income (4…) and cost (5…) account among its other postings, if any.
#[derive(Clone, Debug)]
pub struct CashMove {
    /// The month it is dated in, 1 to 12.
    pub month: u32,
    pub cash_fen: i64,
    pub income: Option<String>,
    pub cost: Option<String>,
}

pub(super) fn cash_moves(conn: &Connection, start: &str, end: &str) -> Result<Vec<CashMove>> {
    let mut stmt = conn.prepare(
        "SELECT CAST(substr(e.date, 6, 2) AS INTEGER),
                SUM(CASE WHEN p.account IN ('1001', '1002', '1012') OR p.account LIKE '1012.%'
                         THEN p.amount_fen ELSE 0 END),
                MIN(CASE WHEN p.account >= '4' AND p.account < '5' THEN p.account END),
                MIN(CASE WHEN p.account >= '5' AND p.account < '6' THEN p.account END)
         FROM entries e JOIN postings p ON p.entry_id = e.id
         WHERE e.date >= ?1 AND e.date <= ?2 AND e.kind <> 'closing'
         -- By date first, so the date index reads the period's entries alone: by
         -- id alone SQLite reads every entry of every year, in id order.
         GROUP BY e.date, e.id",
    )?;
    let rows = stmt.query_map(params![start, end], |r| {
        Ok(CashMove {
            month: r.get(0)?,
            cash_fen: r.get(1)?,
            income: r.get(2)?,
            cost: r.get(3)?,
        })
    })?;
    let mut moves = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    moves.retain(|m| m.cash_fen != 0);
    Ok(moves)
}

/// Per month of [start, end]: donations raised (4101, credited) and aid disbursed
/// (5101, debited), net of reversals dated in the month, closing entries left out —
/// the months of what the summary's headline counts. Read from the derived daily
/// totals (a year of a 1,000,000-entry ledger is a few hundred rows there, where its
/// postings are hundreds of thousands), less what the closing entries of closed
/// years moved on those accounts.
pub(super) fn monthly_results(
    conn: &Connection,
    start: &str,
    end: &str,
) -> Result<Vec<(u32, i64, i64)>> {
    let mut months: std::collections::BTreeMap<u32, (i64, i64)> = Default::default();
    let mut totals = conn.prepare_cached(
        "SELECT CAST(substr(date, 6, 2) AS INTEGER),
                SUM(CASE WHEN account < '5' THEN credit_fen - debit_fen ELSE 0 END),
                SUM(CASE WHEN account >= '5' THEN debit_fen - credit_fen ELSE 0 END)
         FROM daily_totals
         WHERE ((account >= '4101' AND account < '4101/') OR (account >= '5101' AND account < '5101/'))
           AND date >= ?1 AND date <= ?2
         GROUP BY 1",
    )?;
    // Adds each month's (raised, disbursed) of `statement`, times `sign`.
    let mut add = |statement: &mut rusqlite::CachedStatement, sign: i64| -> Result<()> {
        let rows = statement.query_map(params![start, end], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (month, raised, disbursed) = row?;
            let m = months.entry(month).or_default();
            m.0 += sign * raised;
            m.1 += sign * disbursed;
        }
        Ok(())
    };
    add(&mut totals, 1)?;
    let mut closing = conn.prepare_cached(
        "SELECT CAST(substr(e.date, 6, 2) AS INTEGER),
                SUM(CASE WHEN p.account < '5' THEN -p.amount_fen ELSE 0 END),
                SUM(CASE WHEN p.account >= '5' THEN p.amount_fen ELSE 0 END)
         FROM closed_years c
         JOIN entries e ON e.id >= c.entry_id AND e.id <= c.last_entry
         JOIN postings p ON p.entry_id = e.id
         WHERE e.kind = 'closing' AND e.date >= ?1 AND e.date <= ?2
           AND ((p.account >= '4101' AND p.account < '4101/')
                OR (p.account >= '5101' AND p.account < '5101/'))
         GROUP BY 1",
    )?;
    add(&mut closing, -1)?;
    Ok(months
        .into_iter()
        .filter(|(_, (raised, disbursed))| *raised != 0 || *disbursed != 0)
        .map(|(month, (raised, disbursed))| (month, raised, disbursed))
        .collect())
}
