//! What the cash-flow statement reads: per entry dated in a period, its change to
//! the fund's money (1001 现金, 1002 银行存款, 1012 and its e-wallet sub-accounts) and
//! the accounts on its other side, for `report::cash_flow` to class.

use crate::error::Result;
use rusqlite::{Connection, params};

/// One entry that moved money: the change (in fen, + in), and the lowest-coded
/// income (4…) and cost (5…) account among its other postings, if any.
#[derive(Clone, Debug)]
pub struct CashMove {
    pub cash_fen: i64,
    pub income: Option<String>,
    pub cost: Option<String>,
}

pub(super) fn cash_moves(conn: &Connection, start: &str, end: &str) -> Result<Vec<CashMove>> {
    let mut stmt = conn.prepare(
        "SELECT SUM(CASE WHEN p.account IN ('1001', '1002', '1012') OR p.account LIKE '1012.%'
                         THEN p.amount_fen ELSE 0 END),
                MIN(CASE WHEN p.account >= '4' AND p.account < '5' THEN p.account END),
                MIN(CASE WHEN p.account >= '5' AND p.account < '6' THEN p.account END)
         FROM entries e JOIN postings p ON p.entry_id = e.id
         WHERE e.date >= ?1 AND e.date <= ?2 AND e.kind <> 'closing'
         GROUP BY e.id",
    )?;
    let rows = stmt.query_map(params![start, end], |r| {
        Ok(CashMove {
            cash_fen: r.get(0)?,
            income: r.get(1)?,
            cost: r.get(2)?,
        })
    })?;
    let mut moves = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    moves.retain(|m| m.cash_fen != 0);
    Ok(moves)
}
