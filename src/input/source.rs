//! A CSV file's lines as a reader sees them: the header first, then each line that is
//! not blank with the line number it starts on in the file (counted by `lines`, so a
//! quoted field spanning lines, a blank line or CRLF does not shift the numbers after
//! it). A line that is not CSV, or not text in the file's encoding, is reported to the
//! caller's `LineErrors` and skipped, so one bad line does not hide the others. Not
//! here: what the fields mean.

use super::errors::LineErrors;
use super::lines::{LineCounter, LineTap, tap};
use crate::error::message::InputMessage;
use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read};

/// How much of the text is looked at for the header's field separator.
const HEAD_BYTES: usize = 1 << 16;

/// The field separator of the first line at the start of `head` that has one (a
/// sheet's title line above the header may have none).
fn delimiter_of(head: &[u8]) -> u8 {
    let mut lines = head.split(|&b| b == b'\n');
    let first = lines.clone().next().unwrap_or_default();
    let header = lines
        .find(|line| line.contains(&b'\t') || line.contains(&b','))
        .unwrap_or(first);
    if header.contains(&b'\t') && !header.contains(&b',') {
        b'\t'
    } else {
        b','
    }
}

/// What the person reads about a line the csv reader could not read.
pub fn csv_error_message(e: &csv::Error) -> InputMessage {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => InputMessage::LineNotText,
        _ => InputMessage::LineNotCsv {
            detail: e.to_string(),
        },
    }
}

/// A file's rows as readers take them, whatever the file: a CSV text (`Source`) or
/// a workbook's first sheet (`super::workbook::SheetRows`), so that both go through
/// one reader.
pub trait Rows {
    /// The row taken as the header.
    fn header(&self) -> &csv::StringRecord;
    /// The line (or sheet row) the header is on.
    fn header_line(&self) -> u64;
    /// The next row with a non-blank field and its line; `None` at the end.
    fn next_line(&mut self, errors: &mut LineErrors) -> Option<(u64, &csv::StringRecord)>;
    /// Takes the next non-blank row as the header instead (the one before was a
    /// title above it); false at the end.
    fn next_header(&mut self, errors: &mut LineErrors) -> bool;
}

/// The lines of one CSV text, read one at a time into one reused record.
pub struct Source<R: Read> {
    reader: csv::Reader<LineTap<BufReader<R>>>,
    lines: LineCounter,
    header: csv::StringRecord,
    header_line: u64,
    record: csv::StringRecord,
}

impl<R: Read> Rows for Source<R> {
    fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    fn header_line(&self) -> u64 {
        self.header_line
    }

    fn next_line(&mut self, errors: &mut LineErrors) -> Option<(u64, &csv::StringRecord)> {
        Source::next_line(self, errors)
    }

    fn next_header(&mut self, errors: &mut LineErrors) -> bool {
        let Some((line, record)) = Source::next_line(self, errors) else {
            return false;
        };
        let record = record.clone();
        self.header = record;
        self.header_line = line;
        true
    }
}

impl<R: Read> Source<R> {
    /// Reads the header. Lines may have more or fewer fields than the header
    /// (`flexible`): the reader reports that per line rather than stopping. Fields
    /// are separated by commas, or by tabs when the header has tabs and no comma
    /// (Excel's "Unicode text" and "Text (tab delimited)" exports).
    pub fn new(text: R) -> Result<Source<R>> {
        let mut text = BufReader::with_capacity(HEAD_BYTES, text);
        let head = text.fill_buf().map_err(|e| {
            Error::input(InputMessage::HeaderUnreadable {
                detail: e.to_string(),
            })
        })?;
        let delimiter = delimiter_of(head);
        let (tapped, lines) = tap(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(tapped);
        let header: csv::StringRecord = reader
            .headers()
            .map_err(|e| {
                Error::input(match csv_error_message(&e) {
                    InputMessage::LineNotText => InputMessage::HeaderNotText,
                    _ => InputMessage::HeaderNotCsv {
                        detail: e.to_string(),
                    },
                })
            })?
            .clone();
        let header_line = lines.line_at(header.position()).max(1);
        Ok(Source {
            reader,
            lines,
            header,
            header_line,
            record: csv::StringRecord::new(),
        })
    }

    pub fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    /// The next line with a non-blank field, and the line it starts on; `None` at the
    /// end of the text, or after a read failure (reported first, since nothing after
    /// it can be trusted).
    pub fn next_line(&mut self, errors: &mut LineErrors) -> Option<(u64, &csv::StringRecord)> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    let line = self.lines.line_at(e.position());
                    errors.push(line, "-", csv_error_message(&e));
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        return None;
                    }
                    continue;
                }
            }
            let line = self.lines.line_at(self.record.position());
            if !self.record.iter().all(|field| field.trim().is_empty()) {
                return Some((line, &self.record));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Message;

    /// (line number, text): a line's first field, or an error's reason.
    type Numbered<T> = Vec<(u64, T)>;

    /// Every line read and every error.
    fn read_all(bytes: &[u8]) -> (Numbered<String>, Numbered<Message>) {
        let mut source = Source::new(bytes).unwrap();
        let mut errors = LineErrors::default();
        let mut lines = Vec::new();
        while let Some((line, record)) = source.next_line(&mut errors) {
            lines.push((line, record[0].to_string()));
        }
        let (errors, _) = errors.into_sorted();
        let errors = errors.into_iter().map(|e| (e.line, e.reason)).collect();
        (lines, errors)
    }

    #[test]
    fn a_quoted_field_over_two_lines_does_not_shift_the_lines_after_it() {
        let text = b"name,memo\r\na,\"one\r\ntwo\r\nthree\"\r\n,\r\n  ,  \r\nb,x\r\n";
        let (lines, errors) = read_all(text);
        assert_eq!(lines, vec![(2, "a".into()), (7, "b".into())]);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_line_that_is_not_text_is_reported_on_its_own_line_and_skipped() {
        let (lines, errors) = read_all(b"name\na\n\xff\xfe\n\nb\n");
        assert_eq!(lines, vec![(2, "a".into()), (5, "b".into())]);
        assert_eq!(errors, vec![(3, InputMessage::LineNotText.into())]);
    }

    #[test]
    fn tab_separated_text_is_read_by_its_header() {
        let (lines, errors) = read_all(b"name\tmemo\na,b\tx\n");
        assert_eq!(lines, vec![(2, "a,b".into())]);
        assert!(errors.is_empty(), "{errors:?}");
        let (lines, _) = read_all(b"name,memo\ta\nb,x\n");
        assert_eq!(lines, vec![(2, "b".into())]);
    }

    /// A sheet's title line above the header has no separator: the header decides.
    #[test]
    fn the_separator_is_the_first_line_that_has_one() {
        assert_eq!(delimiter_of("捐款明细\n日期\t金额\n".as_bytes()), b'\t');
        assert_eq!(delimiter_of("捐款明细\n日期,金额\n".as_bytes()), b',');
        assert_eq!(delimiter_of("捐款明细,,\n日期\t金额\n".as_bytes()), b',');
        assert_eq!(delimiter_of(b"name\n"), b',');
    }

    #[test]
    fn a_header_that_is_not_text_is_one_error_on_line_1() {
        let error = Source::new(&b"na\xffme\n"[..]).err().unwrap();
        assert_eq!(
            error.refusal().map(|r| &r.message),
            Some(&InputMessage::HeaderNotText.into())
        );
        let empty = Source::new(&b""[..]).unwrap();
        assert!(empty.header().is_empty());
    }
}
