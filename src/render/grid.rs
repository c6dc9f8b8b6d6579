//! One layout for a report's rows, written as a text table, as CSV or as an Excel
//! workbook: the same cells every way, amounts grouped for reading (`293,300.00`) or plain for
//! spreadsheets (`293300.00`), text guarded against formulas (`crate::output::csv`).

use super::table::{Align, Table};
use crate::ledger::money::Money;
use crate::output::{csv, xlsx};
use std::io::{self, Write};

pub enum Cell {
    Text(String),
    Amount(Money),
    Count(i64),
}

pub struct Grid {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Written after a rule in text; as a last row in CSV.
    pub totals: Option<Vec<Cell>>,
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Amount(m) => m.grouped(),
            Cell::Count(n) => n.to_string(),
        }
    }

    /// The cell for a spreadsheet, by what it is: text guarded against formulas,
    /// numbers as numbers.
    fn csv(&self) -> csv::Cell<'_> {
        match self {
            Cell::Text(t) => csv::Cell::Text(t),
            Cell::Amount(m) => csv::Cell::Amount(*m),
            Cell::Count(n) => csv::Cell::Integer(*n),
        }
    }

    fn align(&self) -> Align {
        match self {
            Cell::Text(_) => Align::Left,
            _ => Align::Right,
        }
    }
}

impl Grid {
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", self.title)?;
        // A column holding any number is right-aligned, headings and all.
        let aligns: Vec<Align> = (0..self.columns.len())
            .map(|i| {
                let numeric = self
                    .rows
                    .iter()
                    .chain(self.totals.iter())
                    .any(|row| row.get(i).is_some_and(|c| c.align() == Align::Right));
                if numeric { Align::Right } else { Align::Left }
            })
            .collect();
        let columns: Vec<(&str, Align)> = self
            .columns
            .iter()
            .map(String::as_str)
            .zip(aligns)
            .collect();
        let mut table = Table::new(&columns);
        for row in &self.rows {
            table.row(row.iter().map(Cell::text).collect());
        }
        if let Some(totals) = &self.totals {
            table.rule();
            table.row(totals.iter().map(Cell::text).collect());
        }
        table.write(out)
    }

    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut writer = csv::Rows::new(out);
        writer.heading(&self.columns)?;
        let mut cells = Vec::new();
        for row in self.rows.iter().chain(self.totals.iter()) {
            cells.clear();
            cells.extend(row.iter().map(Cell::csv));
            writer.row(&cells)?;
        }
        writer.flush()
    }
}

impl Grid {
    /// The grid as an .xlsx workbook: amounts as numbers, the totals bold.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, String> {
        let mut rows: Vec<xlsx::Row<'_>> = self
            .rows
            .iter()
            .map(|row| xlsx::Row {
                cells: row.iter().map(Cell::csv).collect(),
                total: false,
            })
            .collect();
        if let Some(totals) = &self.totals {
            rows.push(xlsx::Row {
                cells: totals.iter().map(Cell::csv).collect(),
                total: true,
            });
        }
        xlsx::workbook(&self.title, &self.columns, &rows)
    }
}
