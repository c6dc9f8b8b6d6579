//! CSV for spreadsheets and auditors: one row per posting, with its entry's
//! details. Amounts are signed as in lovefund: debits positive, credits negative;
//! text is guarded against spreadsheet formulas (`crate::output::csv`).

use super::{FormatWriter, Header, masked};
use crate::output::csv::{Cell, Cell::Text, Rows};
use crate::store::export::ExportEntry;
use std::io::{self, Write};

pub const POSTING_COLUMNS: &[&str] = &[
    "entry_id",
    "date",
    "kind",
    "account",
    "account_name",
    "fund",
    "amount",
    "counterparty",
    "counterparty_type",
    "counterparty_id",
    "method",
    "reference",
    "receipt",
    "reverses",
    "memo",
];

#[derive(Default)]
pub struct PostingsCsvWriter;

/// A CSV writer onto the output for one entry's rows (it borrows the output, so it
/// cannot outlive the call; the output is buffered already).
pub(super) fn rows(out: &mut dyn Write) -> Rows<&mut dyn Write> {
    Rows::new(out)
}

impl FormatWriter for PostingsCsvWriter {
    fn begin(&mut self, out: &mut dyn Write, _header: &Header) -> io::Result<()> {
        rows(out).heading(POSTING_COLUMNS)
    }

    fn entry(
        &mut self,
        out: &mut dyn Write,
        header: &Header,
        entry: &ExportEntry,
    ) -> io::Result<()> {
        let (party, party_type, party_id) = match &entry.counterparty {
            Some(c) => (
                c.name.as_str(),
                c.party_type.as_str(),
                masked(c.id_last4.as_deref()),
            ),
            None => ("", "", String::new()),
        };
        let reverses = entry.reverses.map_or(Text(""), Cell::Integer);
        let mut csv = rows(out);
        for posting in &entry.postings {
            let account = header.account(posting.account.as_str())?;
            csv.row(&[
                Cell::Integer(entry.id),
                Cell::Date(entry.date),
                Text(entry.kind.as_str()),
                Text(&account.code),
                Text(&account.name),
                Text(header.fund_name(posting.fund)?),
                Cell::Amount(posting.amount),
                Text(party),
                Text(party_type),
                Text(&party_id),
                Text(entry.method.as_deref().unwrap_or_default()),
                Text(entry.reference.as_deref().unwrap_or_default()),
                Text(entry.receipt.as_deref().unwrap_or_default()),
                reverses,
                Text(&entry.memo),
            ])?;
        }
        csv.flush()
    }
}
