//! A plain text table whose columns line up in a terminal even with Chinese text:
//! widths come from Unicode East Asian Width (`unicode-width`), so 科目 is four
//! columns. A table either measures its rows before writing them (`row`, `write`), or
//! is given its widths up front and writes each row at once (`with_widths`,
//! `write_header`, `write_row`), which keeps a million-line register in constant
//! memory; a table crate that measures and buffers every cell could not.
//!
//! A table fits the width it is given (`fit_tables_to`: the terminal's): when its
//! columns are wider, the widest text columns give way first — a text cell that no
//! longer fits ends in `…`, except in the last column, which wraps onto indented
//! lines. Amounts and numbers are never cut. When even that is too wide (the amounts
//! alone need more than the width), each row is written as a record instead, one
//! `heading  value` line per cell, a blank line between records, as psql's expanded
//! display does: every amount whole, every line within the width.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::io::{self, Write};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

thread_local! {
    /// The width tables fit in, in terminal columns; 0 for no limit. Per thread, as
    /// tables are written on the thread that runs the command.
    static FIT_WIDTH: Cell<usize> = const { Cell::new(0) };
}
/// A text column is never made narrower than this (or its widest cell, if narrower).
const TEXT_COLUMN_MIN: usize = 10;
const ELLIPSIS: char = '…';

/// Makes every table written from now on fit `columns` terminal columns (0: no limit).
/// The front end sets it once, from `$COLUMNS` or the terminal.
pub fn fit_tables_to(columns: usize) {
    FIT_WIDTH.set(columns);
}

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
    /// Given its widths up front (`with_widths`): the last column's cells are not
    /// measured, so it needs room for `TEXT_COLUMN_MIN` at least.
    streaming: bool,
    /// Whether rows are records, and the fitted widths: worked out at the first row
    /// written and kept, since a streamed table writes many rows of one layout.
    layout: OnceCell<(bool, Vec<usize>)>,
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    // Printable ASCII is one column a byte; most cells are (dates, numbers, amounts),
    // and a streamed list measures every one of them.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    UnicodeWidthStr::width(text)
}

/// A cell's width as a table measures it (control characters replaced).
pub fn cell_width(text: &str) -> usize {
    width(&printable(text))
}

/// Replaces control characters so a cell cannot move the cursor or break a line.
fn printable(text: &str) -> Cow<'_, str> {
    // Every control character (U+0000–U+001F, U+007F–U+009F) has a byte below 0x20,
    // 0x7F or the lead byte 0xC2 in UTF-8: text without them is looked at no further.
    let maybe_control = |b: u8| b < 0x20 || b == 0x7F || b == 0xC2;
    if !text.bytes().any(maybe_control) || !text.chars().any(char::is_control) {
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
            streaming: false,
            layout: OnceCell::new(),
        }
    }

    /// A table whose columns are at least `widths` wide (and as wide as their
    /// headers), for rows written at once with `write_row`.
    pub fn with_widths(columns: &[(&str, Align)], widths: &[usize]) -> Table {
        let mut table = Table::new(columns);
        for (w, given) in table.widths.iter_mut().zip(widths) {
            *w = (*w).max(*given);
        }
        table.streaming = true;
        table
    }

    /// A table for rows written at once with `write_row` whose `widths` bound every
    /// column, the last one too (it is then laid out as if measured).
    pub fn with_bounds(columns: &[(&str, Align)], widths: &[usize]) -> Table {
        let mut table = Table::with_widths(columns, widths);
        table.streaming = false;
        table
    }

    /// The headers and the rule under them (nothing in records: each record names
    /// its cells).
    pub fn write_header(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.as_records() {
            return Ok(());
        }
        self.write_cells(out, &self.headers)?;
        self.write_rule(out)
    }

    /// One row, written now (a cell wider than its column pushes the rest right).
    pub fn write_row(&self, out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
        let cells: Vec<Cow<'_, str>> = cells.iter().map(|c| printable(c)).collect();
        self.write_cells(out, &cells)
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.layout = OnceCell::new();
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
        let widths = self.fitted_widths();
        let total = match self.as_records() {
            true => FIT_WIDTH.get(),
            false => line_width(&widths),
        };
        writeln!(out, "{}", "-".repeat(total))
    }

    /// Whether rows are written as records: the columns do not fit the width even
    /// with their text narrowed as far as it goes.
    fn as_records(&self) -> bool {
        let limit = FIT_WIDTH.get();
        if limit == 0 {
            return false;
        }
        let mut widths = self.fitted_widths();
        // A last text column wraps in what is left of the line, which must hold
        // `TEXT_COLUMN_MIN` columns (or its widest cell, when narrower and measured).
        if let (Some(last), Some(Align::Left)) = (widths.last_mut(), self.align.last()) {
            *last = match self.streaming {
                true => TEXT_COLUMN_MIN,
                false => (*last).min(TEXT_COLUMN_MIN),
            };
        }
        line_width(&widths) > limit
    }

    /// One row as a record: a line per non-empty cell, its heading first (headings
    /// padded to the widest), a value too long for the rest of the line wrapped under
    /// itself (amounts are short and never wrap); then a blank line.
    fn write_record<S: AsRef<str>>(&self, out: &mut dyn Write, cells: &[S]) -> io::Result<()> {
        let limit = FIT_WIDTH.get();
        let label_width = self.headers.iter().map(|h| width(h)).max().unwrap_or(0);
        let label_width = label_width.min(limit / 3);
        let room = limit.saturating_sub(label_width + 2).max(TEXT_COLUMN_MIN);
        for (i, cell) in cells.iter().enumerate() {
            let cell = cell.as_ref();
            if cell.trim().is_empty() {
                continue;
            }
            let header = &self.headers[i];
            let header = match width(header) > label_width {
                true => shorten(header, label_width),
                false => header.clone(),
            };
            let pad = " ".repeat(label_width - width(&header) + 2);
            let lines = match self.align[i] {
                Align::Left => wrap(cell.trim(), room),
                Align::Right => vec![cell.trim().to_string()],
            };
            for (n, line) in lines.iter().enumerate() {
                match n {
                    0 => writeln!(out, "{header}{pad}{line}")?,
                    _ => writeln!(out, "{}{line}", " ".repeat(label_width + 2))?,
                }
            }
        }
        writeln!(out)
    }

    /// The column widths, narrowed to the fit width where text columns can give way:
    /// one column at a time off the widest text column, down to `TEXT_COLUMN_MIN`.
    fn fitted_widths(&self) -> Vec<usize> {
        let mut widths = self.widths.clone();
        let limit = FIT_WIDTH.get();
        if limit == 0 {
            return widths;
        }
        let mut excess = line_width(&widths).saturating_sub(limit);
        while excess > 0 {
            let widest = (0..widths.len())
                .filter(|&i| self.align[i] == Align::Left && widths[i] > TEXT_COLUMN_MIN)
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
            let Some(i) = widest else { break };
            widths[i] -= 1;
            excess -= 1;
        }
        widths
    }

    fn write_cells<S: AsRef<str>>(&self, out: &mut dyn Write, cells: &[S]) -> io::Result<()> {
        let (records, widths) = self
            .layout
            .get_or_init(|| (self.as_records(), self.fitted_widths()));
        if *records {
            return self.write_record(out, cells);
        }
        let mut line = String::with_capacity(128);
        let last = widths.len().saturating_sub(1);
        let indent: usize = widths[..last].iter().map(|w| w + 2).sum();
        // The last column may use what is left of the line (its cells can be wider
        // than its heading when the rows are not measured first).
        let last_room = match FIT_WIDTH.get() {
            0 => usize::MAX,
            limit => limit.saturating_sub(indent).max(TEXT_COLUMN_MIN),
        };
        let mut wrapped: Vec<String> = Vec::new();
        for (i, (cell, w)) in cells.iter().zip(widths.iter()).enumerate() {
            let cell = cell.as_ref();
            let cell_width = width(cell);
            let cell: Cow<'_, str> = match self.align[i] {
                Align::Left if i == last && cell_width > last_room => {
                    wrapped = wrap(cell, last_room);
                    Cow::Owned(wrapped.remove(0))
                }
                Align::Left if i == last => Cow::Borrowed(cell),
                Align::Left if cell_width > *w => Cow::Owned(shorten(cell, *w)),
                _ => Cow::Borrowed(cell),
            };
            let pad = match cell {
                Cow::Borrowed(_) => w.saturating_sub(cell_width),
                Cow::Owned(ref cut) => w.saturating_sub(width(cut)),
            };
            match self.align[i] {
                Align::Right => {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(&cell);
                }
                Align::Left => {
                    line.push_str(&cell);
                    if i != last {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            if i != last {
                line.push_str("  ");
            }
        }
        let line = line.trim_end();
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        // The rest of a wrapped last column, under its start.
        for rest in wrapped {
            writeln!(out, "{}{rest}", " ".repeat(indent))?;
        }
        Ok(())
    }
}

/// The width of a line of columns `widths` wide, two spaces between them.
fn line_width(widths: &[usize]) -> usize {
    widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1)
}

/// `text` cut to `columns` display columns, ending in `…` when cut.
fn shorten(text: &str, columns: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > columns.saturating_sub(1) {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push(ELLIPSIS);
    out
}

/// `text` in lines of at most `columns` display columns, broken after a space where
/// there is one in the line, else between any two characters (Chinese has no spaces).
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > columns && c == ' ' {
            lines.push(std::mem::take(&mut line));
            used = 0;
            continue;
        }
        if used + w > columns {
            let (head, tail) = match line.rfind(' ') {
                Some(space) if space > 0 => {
                    let tail = line[space + 1..].to_string();
                    (line[..space].to_string(), tail)
                }
                _ => (std::mem::take(&mut line), String::new()),
            };
            lines.push(head);
            used = width(&tail);
            line = tail;
        }
        if line.is_empty() && c == ' ' {
            continue;
        }
        line.push(c);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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

    #[test]
    fn text_gives_way_to_the_width_and_amounts_never_do() {
        let table = |fit| {
            fit_tables_to(fit);
            let mut t = Table::new(&[
                ("名稱", Align::Left),
                ("金額", Align::Right),
                ("說明", Align::Left),
            ]);
            t.row(vec![
                "鷹潭恒通科技有限公司鷹潭恒通科技有限公司".into(),
                "9,999,999,999,999.99".into(),
                "every entry has two or more non-zero postings summing to 0.00".into(),
            ]);
            let mut out = Vec::new();
            t.write(&mut out).unwrap();
            fit_tables_to(0);
            String::from_utf8(out).unwrap()
        };
        let wide = table(0);
        assert_eq!(wide.lines().count(), 3, "{wide}");
        let narrow = table(60);
        for line in narrow.lines() {
            assert!(width(line) <= 60, "{line:?} is {} wide", width(line));
        }
        assert!(narrow.contains("9,999,999,999,999.99"), "{narrow}");
        assert!(narrow.contains('…'), "{narrow}");
        // The last column wraps, every word kept.
        let words: String = narrow.lines().skip(2).collect::<Vec<_>>().join(" ");
        for word in ["every", "non-zero", "postings", "summing", "0.00"] {
            assert!(words.contains(word), "{word} lost: {narrow}");
        }
    }

    #[test]
    fn a_table_whose_amounts_do_not_fit_is_written_as_records() {
        fit_tables_to(40);
        let mut t = Table::new(&[
            ("基金", Align::Left),
            ("籌集", Align::Right),
            ("支出", Align::Right),
            ("期末", Align::Right),
        ]);
        t.row(vec![
            "非限定".into(),
            "9,999,999,999,999.99".into(),
            "".into(),
            "9,999,999,999,999.99".into(),
        ]);
        t.rule();
        t.row(vec![
            "合計".into(),
            "1.00".into(),
            "2.00".into(),
            "3.00".into(),
        ]);
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        fit_tables_to(0);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "基金  非限定\n籌集  9,999,999,999,999.99\n期末  9,999,999,999,999.99\n\n\
             ----------------------------------------\n\
             基金  合計\n籌集  1.00\n支出  2.00\n期末  3.00\n\n"
        );
    }

    #[test]
    fn wrap_and_shorten_count_display_columns() {
        assert_eq!(wrap("一二三四五", 4), ["一二", "三四", "五"]);
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        assert_eq!(shorten("一二三四五", 5), "一二…");
        assert_eq!(width(&shorten("abcdefgh", 5)), 5);
    }
}
