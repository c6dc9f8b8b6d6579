//! A workbook's first sheet (.xlsx, .xlsm, .xlsb, .xls, .ods, read by calamine) as
//! rows of text, so it goes through the same reader as a CSV file: each cell becomes
//! the text a CSV export of it would hold, and each row keeps its number in the sheet
//! as its line. Cells are converted exactly: a date cell (an Excel serial number with
//! a date format) to `YYYY-MM-DD` (with ` HH:MM:SS` when it has a time), a number to
//! its decimal text through `rust_decimal`, never through f64's own printing (which
//! writes `3000.0000000000005` for a sum Excel shows as 3,000.00). Not here: what a
//! cell means.

use super::errors::LineErrors;
use super::source::Rows;
use crate::error::message::InputMessage;
use crate::error::{Error, Result};
use calamine::{Data, Range, Reader};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use std::path::Path;

/// The file name endings read as workbooks.
const WORKBOOK_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];
/// How far a number may be from its value to two decimals and still be read as it
/// (Excel's binary floating point); further, all its decimals are kept, so an
/// amount like 10.005 is refused rather than rounded.
const NOISE_MAX: Decimal = Decimal::from_parts(1, 0, 0, false, 6);

/// Whether `path` names a workbook rather than a text file, by its ending.
pub fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        WORKBOOK_EXTENSIONS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(e))
    })
}

/// The first sheet's rows, read one at a time into one reused record.
pub struct SheetRows {
    range: Range<Data>,
    /// The next row of `range` to read.
    next: usize,
    /// The sheet row number (1-based) of `range`'s first row.
    first_line: u64,
    header: csv::StringRecord,
    header_line: u64,
    record: csv::StringRecord,
}

impl SheetRows {
    /// Opens the workbook and reads its first sheet; its first non-blank row is the
    /// header until `next_header` says otherwise.
    pub fn open(path: &Path) -> Result<SheetRows> {
        let unreadable = |detail: String| Error::input(InputMessage::WorkbookUnreadable { detail });
        let mut workbook =
            calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
        let range = workbook
            .worksheet_range_at(0)
            .ok_or_else(|| Error::input(InputMessage::WorkbookEmpty))?
            .map_err(|e| unreadable(e.to_string()))?;
        let first_line = range.start().map_or(1, |(row, _)| u64::from(row) + 1);
        let mut rows = SheetRows {
            range,
            next: 0,
            first_line,
            header: csv::StringRecord::new(),
            header_line: 0,
            record: csv::StringRecord::new(),
        };
        rows.next_header(&mut LineErrors::default());
        Ok(rows)
    }
}

impl Rows for SheetRows {
    fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    fn header_line(&self) -> u64 {
        self.header_line
    }

    /// Rows are taken by index: calamine's row iterator has no fast `nth`, so
    /// skipping to the next row through it made reading a sheet quadratic.
    fn next_line(&mut self, _errors: &mut LineErrors) -> Option<(u64, &csv::StringRecord)> {
        let (height, width) = self.range.get_size();
        let cell = |row: usize, column: usize| self.range.get((row, column));
        while self.next < height {
            let index = self.next;
            self.next += 1;
            if (0..width).all(|c| cell(index, c).is_none_or(is_blank)) {
                continue;
            }
            self.record.clear();
            for column in 0..width {
                let text = cell(index, column).map(cell_text).unwrap_or_default();
                self.record.push_field(&text);
            }
            return Some((self.first_line + index as u64, &self.record));
        }
        None
    }

    fn next_header(&mut self, errors: &mut LineErrors) -> bool {
        let Some((line, record)) = self.next_line(errors) else {
            return false;
        };
        self.header = record.clone();
        self.header_line = line;
        true
    }
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// A cell's text, as a CSV export of the sheet would hold it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => number_text(*number),
        Data::Bool(truth) => if *truth { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(when) if when.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = when.to_ymd_hms_milli();
            let date = format!("{year:04}-{month:02}-{day:02}");
            if (hour, minute, second) == (0, 0, 0) {
                date
            } else {
                format!("{date} {hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::DateTime(duration) => number_text(duration.as_f64()),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// A number's decimal text: to two decimals when it is that close to them
/// (`3000` → "3000", `2999.9999999999995` → "3000", `0.1 + 0.2` → "0.3"), else with
/// its decimals, so the reader refuses what it must not round.
fn number_text(number: f64) -> String {
    let Some(exact) = Decimal::from_f64(number) else {
        return number.to_string();
    };
    let cents = exact.round_dp(2);
    if (exact - cents).abs() <= NOISE_MAX {
        cents.normalize().to_string()
    } else {
        exact.round_dp(9).normalize().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn numbers_without_float_noise() {
        assert_eq!(number_text(3000.0), "3000");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(2999.9999999999995), "3000");
        assert_eq!(number_text(1234.5), "1234.5");
        assert_eq!(number_text(20220301.0), "20220301");
        assert_eq!(number_text(10.005), "10.005");
        assert_eq!(number_text(-40.25), "-40.25");
    }

    #[test]
    fn date_cells_exactly() {
        let date = |serial: f64| {
            cell_text(&Data::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            )))
        };
        assert_eq!(date(44621.0), "2022-03-01");
        assert_eq!(date(44_621.430_902_777_78), "2022-03-01 10:20:30");
        assert_eq!(date(1.0), "1900-01-01");
        let date_1904 = Data::DateTime(ExcelDateTime::new(
            43159.0,
            ExcelDateTimeType::DateTime,
            true,
        ));
        assert_eq!(cell_text(&date_1904), "2022-03-01");
    }

    #[test]
    fn names_only_workbooks() {
        assert!(is_workbook(Path::new("捐款.XLSX")));
        assert!(is_workbook(Path::new("a.ods")));
        assert!(!is_workbook(Path::new("a.csv")));
        assert!(!is_workbook(Path::new("xlsx")));
    }
}
