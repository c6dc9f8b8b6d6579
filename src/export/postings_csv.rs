//! CSV for spreadsheets and auditors: one row per posting, with its entry's
//! details. Amounts are signed as in lovefund: debits positive, credits negative.

use super::{FormatWriter, Header, masked};
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

/// A csv writer onto the output for one entry's rows (it borrows the output, so it
/// cannot outlive the call; the output is buffered already).
pub(super) fn rows(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .buffer_capacity(1024)
        .from_writer(out)
}

impl FormatWriter for PostingsCsvWriter {
    fn begin(&mut self, out: &mut dyn Write, _header: &Header) -> io::Result<()> {
        rows(out).write_record(POSTING_COLUMNS)?;
        Ok(())
    }

    fn entry(
        &mut self,
        out: &mut dyn Write,
        header: &Header,
        entry: &ExportEntry,
    ) -> io::Result<()> {
        let id = entry.id.to_string();
        let date = crate::ledger::date::iso(entry.date);
        let (party, party_type, party_id) = match &entry.counterparty {
            Some(c) => (
                c.name.as_str(),
                c.party_type.as_str(),
                masked(c.id_last4.as_deref()),
            ),
            None => ("", "", String::new()),
        };
        let reverses = entry.reverses.map(|r| r.to_string()).unwrap_or_default();
        let mut csv = rows(out);
        for posting in &entry.postings {
            let account = header.account(posting.account.as_str())?;
            csv.write_record([
                id.as_str(),
                &date,
                entry.kind.as_str(),
                &account.code,
                &account.name,
                header.fund_name(posting.fund)?,
                &posting.amount.plain(),
                party,
                party_type,
                &party_id,
                entry.method.as_deref().unwrap_or_default(),
                entry.reference.as_deref().unwrap_or_default(),
                entry.receipt.as_deref().unwrap_or_default(),
                &reverses,
                &entry.memo,
            ])?;
        }
        csv.flush()
    }
}
