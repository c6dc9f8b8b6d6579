//! The audit pack's own CSV files: the receipt register and the reconciliations.
//! Their columns are named in English snake case, as the journal's CSV export names
//! its own, so a script reads them whatever the ledger's language; every cell goes
//! through `output::csv`.

use crate::ledger::money::Money;
use crate::ledger::reconciliation::ReconciliationRecord;
use crate::output::csv::{Cell, Rows};
use crate::report::receipts::ReceiptView;
use std::io::{self, Write};

pub const RECEIPT_COLUMNS: &[&str] = &[
    "number",
    "date",
    "entry_id",
    "donor",
    "amount",
    "amount_words",
    "fund",
    "method",
    "official_no",
    "handler",
    "issued_at",
    "verification_code",
    "status",
    "void_reason",
    "voided_by",
    "voided_at",
    "replaces",
    "replaced_by",
];

/// The receipt register, one row a receipt as it streams from the store.
pub struct ReceiptRegisterCsv<'w> {
    rows: Rows<&'w mut dyn Write>,
}

impl<'w> ReceiptRegisterCsv<'w> {
    pub fn start(out: &'w mut dyn Write) -> io::Result<ReceiptRegisterCsv<'w>> {
        let mut rows = Rows::new(out);
        rows.heading(RECEIPT_COLUMNS)?;
        Ok(ReceiptRegisterCsv { rows })
    }

    pub fn row(&mut self, v: &ReceiptView) -> io::Result<()> {
        let text = |t: &Option<String>| t.as_deref().unwrap_or_default().to_string();
        let (official, reason, by, at) = (
            text(&v.official_no),
            text(&v.void_reason),
            text(&v.voided_by),
            text(&v.voided_at),
        );
        let (replaces, replaced_by) = (text(&v.replaces), text(&v.replaced_by));
        self.rows.row(&[
            Cell::Text(&v.number),
            Cell::Text(&v.date),
            Cell::Integer(v.entry),
            Cell::Text(&v.donor),
            Cell::Amount(v.amount),
            Cell::Text(&v.amount_words),
            Cell::Text(&v.fund),
            Cell::Text(&v.method),
            Cell::Text(&official),
            Cell::Text(&v.handler),
            Cell::Text(&v.issued_at),
            Cell::Text(&v.verification_code),
            Cell::Text(v.status),
            Cell::Text(&reason),
            Cell::Text(&by),
            Cell::Text(&at),
            Cell::Text(&replaces),
            Cell::Text(&replaced_by),
        ])
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.rows.flush()
    }
}

/// The reconciliations of a year, one row each.
pub fn reconciliations_csv(
    out: &mut dyn Write,
    records: &[ReconciliationRecord],
) -> io::Result<()> {
    let mut rows = Rows::new(out);
    rows.heading(&[
        "id",
        "account",
        "as_of",
        "statement_sha256",
        "statement_lines",
        "closing_balance",
        "ledger_balance",
        "adjusted",
        "agrees",
        "recorded_by",
        "recorded_at",
    ])?;
    for r in records {
        rows.row(&[
            Cell::Integer(r.id),
            Cell::Text(&r.account),
            Cell::Text(&r.as_of),
            Cell::Text(&r.statement_sha256),
            Cell::Integer(r.statement_lines),
            Cell::Amount(r.closing_balance),
            Cell::Amount(r.ledger_balance),
            Cell::Amount(r.adjusted),
            Cell::Text(if r.agrees { "yes" } else { "no" }),
            Cell::Text(&r.recorded_by),
            Cell::Text(&r.recorded_at),
        ])?;
    }
    rows.flush()
}

/// One line of a reconciliation: a posting it cleared (with the statement line that
/// cleared it), or a statement line nothing matched (no entry).
pub struct ReconciliationLine<'a> {
    pub cleared: bool,
    pub statement_line: i64,
    pub date: &'a str,
    pub amount: Money,
    pub reference: &'a str,
    /// The entry and posting cleared.
    pub posting: Option<(i64, i64)>,
    pub match_kind: &'a str,
    pub description: &'a str,
}

/// One reconciliation's lines: the postings it cleared, then the statement lines
/// nothing matched.
pub fn reconciliation_lines_csv<'a>(
    out: &mut dyn Write,
    lines: impl Iterator<Item = ReconciliationLine<'a>>,
) -> io::Result<()> {
    let mut rows = Rows::new(out);
    rows.heading(&[
        "line",
        "statement_line",
        "date",
        "amount",
        "reference",
        "entry_id",
        "posting",
        "match",
        "description",
    ])?;
    for l in lines {
        let (entry, posting) = match l.posting {
            Some((entry, seq)) => (Cell::Integer(entry), Cell::Integer(seq)),
            None => (Cell::Text(""), Cell::Text("")),
        };
        rows.row(&[
            Cell::Text(if l.cleared { "cleared" } else { "unmatched" }),
            Cell::Integer(l.statement_line),
            Cell::Text(l.date),
            Cell::Amount(l.amount),
            Cell::Text(l.reference),
            entry,
            posting,
            Cell::Text(l.match_kind),
            Cell::Text(l.description),
        ])?;
    }
    rows.flush()
}
