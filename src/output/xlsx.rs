//! A report as an Excel workbook (issue 15, §2.4), written by rust_xlsxwriter: one
//! sheet, the title in its first row, the column names bold in the second (frozen, so
//! they stay in view), then the rows. Cells are typed as in a CSV (`csv::Cell`):
//! amounts are numbers formatted `#,##0.00` (Excel sums them; a fen amount of at most
//! 15 digits is exact in Excel's doubles), counts are whole numbers, dates are dates,
//! and text is always a string cell — a workbook holds no formulas, so a name like
//! `=HYPERLINK(…)` stays text without the CSV's leading `'`. Columns are as wide as
//! their longest cell by display width (CJK characters count two).
//!
//! Not here: which rows a report has (`render`), or where the file goes (`Guard`).

use super::csv::Cell;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

/// Excel's column width is in characters of its default font; this leaves room.
const WIDTH_MAX: usize = 60;

/// One row of a sheet; `total` rows are bold, like a text table's last line.
pub struct Row<'a> {
    pub cells: Vec<Cell<'a>>,
    pub total: bool,
}

/// The workbook's bytes.
pub fn workbook(title: &str, columns: &[String], rows: &[Row<'_>]) -> Result<Vec<u8>, String> {
    build(title, columns, rows).map_err(|e| e.to_string())
}

fn build(title: &str, columns: &[String], rows: &[Row<'_>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    let amount_total = amount.clone().set_bold();
    let integer = Format::new().set_num_format("0");
    let integer_total = integer.clone().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(title))?;
    sheet.write_string_with_format(0, 0, title, &bold)?;
    let mut widths: Vec<usize> = columns.iter().map(|c| c.width()).collect();
    for (col, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(1, col as u16, name, &bold)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    for (i, row) in rows.iter().enumerate() {
        let r = 2 + i as u32;
        for (col, cell) in row.cells.iter().enumerate() {
            let c = col as u16;
            let shown = match *cell {
                Cell::Text(text) => {
                    if row.total {
                        sheet.write_string_with_format(r, c, text, &bold)?;
                    } else {
                        sheet.write_string(r, c, text)?;
                    }
                    text.width()
                }
                Cell::Amount(money) => {
                    let format = if row.total { &amount_total } else { &amount };
                    sheet.write_number_with_format(r, c, number(money.fen()), format)?;
                    money.grouped().len()
                }
                Cell::Integer(n) => {
                    let format = if row.total { &integer_total } else { &integer };
                    sheet.write_number_with_format(r, c, n as f64, format)?;
                    n.to_string().len()
                }
                Cell::Date(day) => {
                    sheet.write_number_with_format(r, c, serial(day), &date)?;
                    10
                }
            };
            if widths.len() <= col {
                widths.resize(col + 1, 0);
            }
            widths[col] = widths[col].max(shown);
        }
    }
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (width + 2).min(WIDTH_MAX) as f64)?;
    }
    book.save_to_buffer()
}

/// Fen as yuan, exactly: the nearest double to the decimal, as Excel itself holds it.
fn number(fen: i64) -> f64 {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
        .parse()
        .unwrap_or(0.0)
}

/// Excel's serial day number: days since 1899-12-30 (which absorbs Lotus's 1900 leap day).
fn serial(day: NaiveDate) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    (day - epoch).num_days() as f64
}

/// A sheet's name: at most 31 characters, none of `[]:*?/\`, not blank.
fn sheet_name(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { ' ' } else { c })
        .take(31)
        .collect();
    let name = name.trim();
    if name.is_empty() {
        "Sheet1".to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_yuan_and_dates_are_excel_serials() {
        assert_eq!(number(29_330_000), 293_300.0);
        assert_eq!(number(-500), -5.0);
        assert_eq!(number(999_999_999_999_999), 9_999_999_999_999.99);
        let day = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        assert_eq!(serial(day), 44621.0);
    }

    #[test]
    fn a_title_becomes_a_valid_sheet_name() {
        assert_eq!(sheet_name("捐贈人 2022/3"), "捐贈人 2022 3");
        assert_eq!(sheet_name(&"字".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name(" ? "), "Sheet1");
    }

    #[test]
    fn a_workbook_is_a_zip_file() {
        let rows = [Row {
            cells: vec![
                Cell::Text("=1+1"),
                Cell::Amount(crate::ledger::money::Money::from_fen(500)),
            ],
            total: false,
        }];
        let bytes = workbook("t", &["name".into(), "amount".into()], &rows).unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}
