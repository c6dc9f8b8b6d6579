//! The one CSV writer: every CSV lovefund writes (`export --format csv` and
//! `import-csv`, each report's `--csv`, the demo's files) writes its cells through
//! `Rows`, so no cell can reach a spreadsheet as a formula. A cell is guarded by what
//! it is, never by guessing from its content: text that Excel or WPS would read as a
//! formula (OWASP's rule: it starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) gets a leading `'`; amounts, integers and dates are written as numbers,
//! so `-5.00` stays the number −5. `unguarded` is the inverse the import applies, so
//! export → import gives back the same names.
//!
//! Not here: which columns a file has (each writer decides), or reading CSV
//! (`crate::input`).

use crate::ledger::money::Money;
use chrono::NaiveDate;
use std::fmt::Write as _;
use std::io::{self, Write};

/// What a spreadsheet reads as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell of a row, by what it is.
#[derive(Clone, Copy, Debug)]
pub enum Cell<'a> {
    /// Words: guarded against formulas.
    Text(&'a str),
    /// Plain, two decimals, signed (`-5.00`).
    Amount(Money),
    /// An id or a count.
    Integer(i64),
    /// ISO 8601 (`2022-03-01`).
    Date(NaiveDate),
}

/// Whether text needs the leading `'`: it starts like a formula, after any
/// apostrophes it already has. Counting those in keeps the guard reversible: a name
/// that really is `'=x` is written `''=x` and read back as `'=x`.
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// Text as written in a CSV cell: with a leading `'` when a spreadsheet would read
/// it as a formula.
pub fn guarded(text: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The text a guarded cell stood for: one leading `'` removed where `guarded` put
/// it, anything else unchanged.
pub fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

/// Rows of CSV onto an output.
pub struct Rows<W: Write> {
    writer: ::csv::Writer<W>,
    /// Reused for numbers and guarded text, so a row allocates nothing new.
    scratch: String,
}

impl<W: Write> Rows<W> {
    pub fn new(out: W) -> Self {
        Rows {
            writer: ::csv::WriterBuilder::new()
                .buffer_capacity(4096)
                .from_writer(out),
            scratch: String::new(),
        }
    }

    /// A row of text cells (a header).
    pub fn heading<S: AsRef<str>>(&mut self, names: &[S]) -> io::Result<()> {
        for name in names {
            self.cell(Cell::Text(name.as_ref()))?;
        }
        self.end_row()
    }

    pub fn row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        for cell in cells {
            self.cell(*cell)?;
        }
        self.end_row()
    }

    fn cell(&mut self, cell: Cell<'_>) -> io::Result<()> {
        self.scratch.clear();
        // Writing into a String cannot fail.
        let _ = match cell {
            Cell::Text(text) if needs_guard(text) => write!(self.scratch, "'{text}"),
            Cell::Text(text) => return Ok(self.writer.write_field(text)?),
            Cell::Amount(amount) => write!(self.scratch, "{}", amount.plain()),
            Cell::Integer(n) => write!(self.scratch, "{n}"),
            Cell::Date(date) => write!(self.scratch, "{}", date.format("%Y-%m-%d")),
        };
        Ok(self.writer.write_field(&self.scratch)?)
    }

    fn end_row(&mut self) -> io::Result<()> {
        Ok(self.writer.write_record(None::<&[u8]>)?)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }

    /// The output, flushed.
    pub fn into_inner(self) -> io::Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(cells: &[Cell<'_>]) -> String {
        let mut rows = Rows::new(Vec::new());
        rows.row(cells).unwrap();
        String::from_utf8(rows.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn text_that_starts_a_formula_gets_an_apostrophe() {
        for (text, cell) in [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\r=x", "\"'\r=x\""),
            ("'=x", "''=x"),
            ("李明", "李明"),
            ("a=b", "a=b"),
            ("'quoted'", "'quoted'"),
            ("", "\"\""),
        ] {
            assert_eq!(
                written(&[Cell::Text(text)]),
                format!("{cell}\n"),
                "{text:?}"
            );
            assert_eq!(guarded(text), cell.trim_matches('"').replace("\"\"", "\""));
        }
    }

    #[test]
    fn numbers_stay_numbers() {
        let date = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        let row = [
            Cell::Amount(Money::from_fen(-500)),
            Cell::Integer(-3),
            Cell::Date(date),
            Cell::Text("x"),
        ];
        assert_eq!(written(&row), "-5.00,-3,2022-03-01,x\n");
    }

    #[test]
    fn unguarded_undoes_guarded_and_nothing_else() {
        for text in [
            "=1+1", "+1", "-x", "@x", "'=x", "''+x", "'", "'x", "''", "x", "", "李'明",
        ] {
            assert_eq!(unguarded(&guarded(text)), text, "{text:?}");
        }
        assert_eq!(
            unguarded("'abc"),
            "'abc",
            "an apostrophe lovefund did not add stays"
        );
        assert_eq!(unguarded("'=x"), "=x");
    }
}
