//! The import CSV (see src/import), so that `export --format import-csv` into a new
//! ledger with `import` gives the same balances: one row per donation or
//! disbursement, with a reversed pair (an entry and its reversal, both in the
//! range) left out. What the import CSV cannot hold — manual entries, closing
//! entries, a reversal whose entry is dated before --from, and which fund a
//! disbursement was drawn on when it is not its program's own — is counted and
//! reported as notes. Identity numbers are never exported, so counterparties are
//! matched by name and type on import; an entry without a reference gets
//! `lovefund-entry-ID`. Text is guarded against spreadsheet formulas with a leading
//! `'`, which the import removes again (`crate::output::csv`).

use super::postings_csv::rows;
use super::{FormatWriter, Header};
use crate::error::message::{ExportNote, LeftOutKind};
use crate::input::IMPORT_REQUIRED;
use crate::ledger::account::AccountType;
use crate::ledger::entry::EntryKind;
use crate::ledger::money::Money;
use crate::output::csv::{Cell, Cell::Text};
use crate::store::export::ExportEntry;
use std::io::{self, Write};

/// The column after the import's required ones (`counterparty_id` is never
/// exported: lovefund does not keep identity numbers).
const MEMO_COLUMN: &str = "memo";

#[derive(Default)]
struct LeftOut {
    manual: u64,
    closing: u64,
    reversal_of_earlier: u64,
    other_fund: u64,
    across_year_end: u64,
}

#[derive(Default)]
pub struct ImportCsvWriter {
    left_out: LeftOut,
}

fn damaged(entry: &ExportEntry, what: &str) -> io::Error {
    io::Error::other(format!(
        "entry {} has {what}; run `lovefund verify`",
        entry.id
    ))
}

/// Whether the entry leaves the export as part of a pair: reversed within the range,
/// or a reversal of an entry within the range.
fn in_reversed_pair(entry: &ExportEntry, header: &Header) -> bool {
    let reversed_in_range = entry
        .reversed_by
        .is_some_and(|(_, date)| header.to.is_none_or(|to| date <= to));
    let reverses_in_range = entry
        .reverses_date
        .is_some_and(|date| header.from.is_none_or(|from| date >= from));
    reversed_in_range || reverses_in_range
}

impl ImportCsvWriter {
    /// The program column and whether the fund differs from the program's own.
    fn program<'h>(header: &'h Header, entry: &ExportEntry) -> io::Result<(&'h str, bool)> {
        let first = entry
            .postings
            .first()
            .ok_or_else(|| damaged(entry, "no postings"))?;
        if entry.kind == EntryKind::Donation {
            return Ok((header.fund_name(first.fund)?, false));
        }
        let cost = entry
            .postings
            .iter()
            .find(|p| {
                header
                    .account(p.account.as_str())
                    .is_ok_and(|a| a.account_type == AccountType::Expense)
            })
            .ok_or_else(|| damaged(entry, "no program cost posting"))?;
        let program = header
            .funds
            .0
            .iter()
            .find(|f| f.program_account.as_deref() == Some(cost.account.as_str()))
            .ok_or_else(|| damaged(entry, "a cost on an account no program uses"))?;
        Ok((program.name(header.lang), program.id != cost.fund))
    }
}

impl FormatWriter for ImportCsvWriter {
    fn begin(&mut self, out: &mut dyn Write, _header: &Header) -> io::Result<()> {
        let columns: Vec<&str> = IMPORT_REQUIRED
            .iter()
            .copied()
            .chain([MEMO_COLUMN])
            .collect();
        rows(out).heading(&columns)
    }

    fn entry(
        &mut self,
        out: &mut dyn Write,
        header: &Header,
        entry: &ExportEntry,
    ) -> io::Result<()> {
        if in_reversed_pair(entry, header) {
            let year = |d: chrono::NaiveDate| chrono::Datelike::year(&d);
            if entry
                .reversed_by
                .is_some_and(|(_, date)| year(date) != year(entry.date))
            {
                self.left_out.across_year_end += 1;
            }
            return Ok(());
        }
        match entry.kind {
            EntryKind::Donation | EntryKind::Disbursement => {}
            EntryKind::Manual => self.left_out.manual += 1,
            EntryKind::Closing => self.left_out.closing += 1,
            EntryKind::Reversal => self.left_out.reversal_of_earlier += 1,
        }
        if !matches!(entry.kind, EntryKind::Donation | EntryKind::Disbursement) {
            return Ok(());
        }
        let party = entry
            .counterparty
            .as_ref()
            .ok_or_else(|| damaged(entry, "no counterparty"))?;
        let (program, other_fund) = Self::program(header, entry)?;
        self.left_out.other_fund += u64::from(other_fund);
        let amount = Money::from_fen(entry.postings.iter().map(|p| p.amount.fen().max(0)).sum());
        let reference = match &entry.reference {
            Some(r) => r.clone(),
            None => format!("lovefund-entry-{}", entry.id),
        };
        let method = entry
            .method
            .as_deref()
            .ok_or_else(|| damaged(entry, "no payment method"))?;
        let mut csv = rows(out);
        csv.row(&[
            Cell::Date(entry.date),
            Text(entry.kind.as_str()),
            Text(&party.name),
            Text(party.party_type.as_str()),
            Text(program),
            Cell::Amount(amount),
            Text(method),
            Text(&reference),
            Text(&entry.memo),
        ])?;
        csv.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write, _header: &Header) -> io::Result<Vec<ExportNote>> {
        let l = &self.left_out;
        let notes = [
            (l.manual, LeftOutKind::Manual),
            (l.closing, LeftOutKind::Closing),
            (l.reversal_of_earlier, LeftOutKind::ReversalOfEarlier),
            (l.other_fund, LeftOutKind::OtherFund),
            (l.across_year_end, LeftOutKind::AcrossYearEnd),
        ];
        Ok(notes
            .into_iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, left_out)| ExportNote::LeftOut { left_out, count })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    /// Rows are written by position: they follow the import's column order.
    #[test]
    fn rows_follow_the_import_columns() {
        assert_eq!(
            super::IMPORT_REQUIRED,
            [
                "date",
                "kind",
                "counterparty",
                "counterparty_type",
                "program",
                "amount",
                "method",
                "reference"
            ]
        );
    }
}
