//! A plain text table whose columns line up in a terminal even with Chinese text:
//! widths come from Unicode East Asian Width (`unicode-width`), so 科目 is four
//! columns. A table either measures its rows before writing them (`row`, `write`), or
//! is given its widths up front and writes each row at once (`with_widths`,
//! `write_header`, `write_row`), which keeps a million-line register in constant
//! memory; a table crate that measures and buffers every cell could not.

use std::borrow::Cow;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

pub struct Table {
    headers: Vec<String>,
    align: Vec<Align>,
    widths: Vec<usize>,
    rows: Vec<Option<Vec<String>>>,
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Replaces control characters so a cell cannot move the cursor or break a line.
fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

impl Table {
    pub fn new(columns: &[(&str, Align)]) -> Table {
        Table {
            headers: columns.iter().map(|(h, _)| h.to_string()).collect(),
            align: columns.iter().map(|(_, a)| *a).collect(),
            widths: columns.iter().map(|(h, _)| width(h)).collect(),
            rows: Vec::new(),
        }
    }

    /// A table whose columns are at least `widths` wide (and as wide as their
    /// headers), for rows written at once with `write_row`.
    pub fn with_widths(columns: &[(&str, Align)], widths: &[usize]) -> Table {
        let mut table = Table::new(columns);
        for (w, given) in table.widths.iter_mut().zip(widths) {
            *w = (*w).max(*given);
        }
        table
    }

    /// The headers and the rule under them.
    pub fn write_header(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_cells(out, &self.headers)?;
        self.write_rule(out)
    }

    /// One row, written now (a cell wider than its column pushes the rest right).
    pub fn write_row(&self, out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
        let cells: Vec<Cow<'_, str>> = cells.iter().map(|c| printable(c)).collect();
        self.write_cells(out, &cells)
    }

    pub fn row(&mut self, cells: Vec<String>) {
        let cells: Vec<String> = cells.iter().map(|c| printable(c).into_owned()).collect();
        for (w, cell) in self.widths.iter_mut().zip(&cells) {
            *w = (*w).max(width(cell));
        }
        self.rows.push(Some(cells));
    }

    /// A horizontal rule (before a totals row).
    pub fn rule(&mut self) {
        self.rows.push(None);
    }

    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_header(out)?;
        for row in &self.rows {
            match row {
                Some(cells) => self.write_cells(out, cells)?,
                None => self.write_rule(out)?,
            }
        }
        Ok(())
    }

    pub fn write_rule(&self, out: &mut dyn Write) -> io::Result<()> {
        let total: usize =
            self.widths.iter().sum::<usize>() + 2 * self.widths.len().saturating_sub(1);
        writeln!(out, "{}", "-".repeat(total))
    }

    fn write_cells<S: AsRef<str>>(&self, out: &mut dyn Write, cells: &[S]) -> io::Result<()> {
        let mut line = String::new();
        let last = self.widths.len().saturating_sub(1);
        for (i, (cell, w)) in cells.iter().zip(&self.widths).enumerate() {
            let cell = cell.as_ref();
            let pad = w.saturating_sub(width(cell));
            match self.align[i] {
                Align::Right => {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                }
                Align::Left => {
                    line.push_str(cell);
                    if i != last {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            if i != last {
                line.push_str("  ");
            }
        }
        writeln!(out, "{}", line.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_columns_line_up() {
        let mut t = Table::new(&[("科目", Align::Left), ("Amount", Align::Right)]);
        t.row(vec!["銀行存款".into(), "1.00".into()]);
        t.row(vec!["Cash".into(), "100.00".into()]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(width(lines[2]), width(lines[3]));
        assert_eq!(lines[2], "銀行存款    1.00");
    }
}
