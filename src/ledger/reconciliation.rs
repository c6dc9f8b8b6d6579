//! The plain data of a bank reconciliation: a statement line as read, a bank posting
//! as the matcher sees it, how a pair was matched, and a recorded reconciliation as
//! listed. They live here, below both, because the reader and matcher
//! (`crate::reconcile`), the store that records them and the renderer that prints
//! them all share them, and none of those may import another. Not here: reading a
//! statement, matching, SQL or formatting.

use crate::ledger::money::Money;
use chrono::NaiveDate;
use serde::Serialize;

/// One good statement line. `line` is its line number in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatementLine {
    pub line: u64,
    pub date: NaiveDate,
    /// Positive: money into the account; negative: money out.
    pub amount: Money,
    /// The bank's reference (流水號, cheque number); may be empty.
    pub reference: String,
    pub description: String,
}

/// A bank posting in the ledger, as the matcher sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerItem {
    /// (entry id, posting sequence within the entry): what a reconciliation marks cleared.
    pub posting_key: (i64, i64),
    pub date: NaiveDate,
    /// Debit positive: money into the bank, as on the statement.
    pub amount: Money,
    pub reference: Option<String>,
    pub memo: String,
}

/// Which pass matched a statement line to a ledger item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    Reference,
    AmountDate,
}

/// A statement line or ledger item as one matching pass sees it inside a group that
/// competes only among itself (one reference and amount; one amount and a run of
/// dates): its order key (the line number, or the item's place in date order) and
/// its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contender {
    pub id: i64,
    pub date: NaiveDate,
}

/// What one pass settled in one group: the pairs (line, item) and the ties (their
/// lines in line order, their items in date order), by `Contender::id`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settled {
    pub pairs: Vec<(i64, i64)>,
    pub ties: Vec<(Vec<i64>, Vec<i64>)>,
}

/// A recorded reconciliation, as listed.
#[derive(Clone, Debug, Serialize)]
pub struct ReconciliationRecord {
    pub id: i64,
    pub account: String,
    pub as_of: String,
    pub statement_sha256: String,
    pub statement_lines: i64,
    pub closing_balance: Money,
    pub ledger_balance: Money,
    pub adjusted: Money,
    pub agrees: bool,
    pub recorded_by: String,
    pub recorded_at: String,
}
