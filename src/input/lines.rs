//! Line numbers of CSV records that a person can find in their editor. The csv
//! crate's own `Position::line` runs one short after each blank line and on every
//! line of a CRLF file (as Excel writes them; rust-csv issues #208 and #395), so
//! lovefund counts lines itself: a `LineTap` between the decoder and the csv reader
//! notes where every line break passes, and `LineCounter::line_at` turns a record's byte
//! position into the line it starts on. Only the csv reader's read-ahead is kept.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

#[derive(Default)]
struct Breaks {
    /// Byte offsets of '\r' and '\n' not yet passed by a record, in order.
    pending: VecDeque<(u64, u8)>,
    /// '\n' bytes already passed: the line of the current position is this + 1.
    newlines_before: u64,
}

/// Wraps the text stream the csv reader reads.
pub struct LineTap<R> {
    inner: R,
    offset: u64,
    breaks: Rc<RefCell<Breaks>>,
}

/// Answers line numbers for the records read through its `LineTap`.
pub struct LineCounter {
    breaks: Rc<RefCell<Breaks>>,
}

pub fn tap<R: Read>(inner: R) -> (LineTap<R>, LineCounter) {
    let breaks = Rc::new(RefCell::new(Breaks::default()));
    (
        LineTap {
            inner,
            offset: 0,
            breaks: Rc::clone(&breaks),
        },
        LineCounter { breaks },
    )
}

impl<R: Read> Read for LineTap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut breaks = self.breaks.borrow_mut();
        for (i, byte) in buf[..n].iter().enumerate() {
            if matches!(byte, b'\r' | b'\n') {
                breaks.pending.push_back((self.offset + i as u64, *byte));
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

impl LineCounter {
    /// The 1-based line on which the record at `byte` starts (records must be asked
    /// for in file order). csv may place a record at the line break ending the one
    /// before, or before blank lines: those breaks are skipped.
    pub fn line_at(&self, position: Option<&csv::Position>) -> u64 {
        let Some(position) = position else { return 0 };
        let mut breaks = self.breaks.borrow_mut();
        let mut start = position.byte();
        while let Some(&(at, byte)) = breaks.pending.front() {
            if at < start {
                breaks.pending.pop_front();
                breaks.newlines_before += u64::from(byte == b'\n');
            } else if at == start {
                breaks.pending.pop_front();
                breaks.newlines_before += u64::from(byte == b'\n');
                start += 1;
            } else {
                break;
            }
        }
        breaks.newlines_before + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<(u64, String)> {
        let (tap, counter) = tap(text.as_bytes());
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(tap);
        let mut out = Vec::new();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).unwrap() {
            out.push((
                counter.line_at(record.position()),
                record.get(0).unwrap_or("").to_string(),
            ));
        }
        out
    }

    #[test]
    fn counts_lines_with_crlf_blank_lines_and_quoted_newlines() {
        let text = "h1,h2\r\na,1\r\n\r\nb,2\r\n\"c\nstill c\",3\r\nd,4\r\n";
        assert_eq!(
            lines_of(text),
            vec![
                (2, "a".into()),
                (4, "b".into()),
                (5, "c\nstill c".into()),
                (7, "d".into())
            ]
        );
        let unix = "h\na\n\n\nb\n";
        assert_eq!(lines_of(unix), vec![(2, "a".into()), (5, "b".into())]);
    }
}
