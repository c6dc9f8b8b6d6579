//! Bad lines of a CSV file, gathered so the person fixes them all in one go: the
//! first `LINE_ERRORS_MAX` in full (line, column, reason), the rest counted, since a
//! file with a wrong column can have a million bad lines and the report must stay
//! readable. Not here: what makes a line bad (each reader decides).

use crate::error::message::{AmountFault, InputMessage};
use crate::error::{Error, Message};
use crate::ledger::money::AmountError;
use serde::Serialize;

/// Bad lines reported in full; more are counted.
pub const LINE_ERRORS_MAX: usize = 1000;

/// One problem on one line. `column` is the header name as the file spells it, or
/// "-" when the line as a whole is bad. `reason` is said in the reader's language,
/// with the column as its `{field}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineError {
    pub line: u64,
    pub column: String,
    pub reason: Message,
}

impl LineError {
    /// The error; its message quotes at most `ECHO_CHARS_MAX` characters of the
    /// line's input (`Quoted`).
    pub fn new(line: u64, column: &str, reason: impl Into<Message>) -> LineError {
        LineError {
            line,
            column: column.to_string(),
            reason: reason.into(),
        }
    }
}

/// A refusal's message as a line's reason (the column becomes its field); any other
/// error, said in English, as the reason the line could not be read.
pub fn reason_of(error: &Error) -> Message {
    match error.refusal() {
        Some(refusal) => refusal.message.clone(),
        None => Message::from(InputMessage::LineFailed {
            detail: error.to_string(),
        }),
    }
}

/// The catalogue's name for what is wrong with an amount.
pub fn amount_fault(error: AmountError) -> AmountFault {
    match error {
        AmountError::Empty => AmountFault::Empty,
        AmountError::Syntax => AmountFault::Syntax,
        AmountError::TooManyDecimals => AmountFault::TooManyDecimals,
        AmountError::TooLarge => AmountFault::TooLarge,
        AmountError::NotPositive => AmountFault::NotPositive,
    }
}

/// A positive amount typed by a person (a flag, a form field): strict grammar,
/// refused naming `field`. The command line and the web page both parse with it.
pub fn positive_amount(
    field: crate::error::Field,
    text: &str,
) -> crate::error::Result<crate::ledger::money::Money> {
    crate::ledger::money::Money::parse_positive(text.trim()).map_err(|e| {
        Error::input_in(
            field,
            crate::error::message::CliMessage::BadAmount {
                fault: amount_fault(e),
            },
        )
    })
}

/// A statement's closing balance as typed (`reconcile --closing-balance`, the web
/// page's form): signed, and written as banks write it (`64,207.35`, `¥…`, `…元`).
pub fn closing_balance(text: &str) -> crate::error::Result<crate::ledger::money::Money> {
    crate::ledger::money::Money::parse_file_signed(text).map_err(|e| {
        Error::input_in(
            crate::error::Field::ClosingBalance,
            crate::error::message::CliMessage::BadAmount {
                fault: amount_fault(e),
            },
        )
    })
}

/// Keeps the first `LINE_ERRORS_MAX` errors and counts the rest.
#[derive(Debug, Default)]
pub struct LineErrors {
    kept: Vec<LineError>,
    more: usize,
}

impl LineErrors {
    pub fn push(&mut self, line: u64, column: &str, reason: impl Into<Message>) {
        if self.kept.len() < LINE_ERRORS_MAX {
            self.kept.push(LineError::new(line, column, reason));
        } else {
            self.more += 1;
        }
    }

    /// Every error pushed, kept or counted: compare it before and after a line to
    /// learn whether the line was bad.
    pub fn count(&self) -> usize {
        self.kept.len() + self.more
    }

    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// The kept errors in line order (stable: a line's errors stay in column order),
    /// and how many more there were.
    pub fn into_sorted(mut self) -> (Vec<LineError>, usize) {
        self.kept.sort_by_key(|e| e.line);
        (self.kept, self.more)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_errors_counts_the_rest_and_sorts_by_line() {
        let mut errors = LineErrors::default();
        assert!(errors.is_empty());
        errors.push(9, "amount", InputMessage::LineNotText);
        errors.push(3, "date", InputMessage::LineNotText);
        errors.push(3, "amount", InputMessage::LineNotText);
        for line in 0..LINE_ERRORS_MAX as u64 {
            errors.push(100 + line, "-", InputMessage::LineNotText);
        }
        assert_eq!(errors.count(), LINE_ERRORS_MAX + 3);
        let (kept, more) = errors.into_sorted();
        assert_eq!((kept.len(), more), (LINE_ERRORS_MAX, 3));
        let first: Vec<(u64, &str)> = kept[..3]
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(first, vec![(3, "date"), (3, "amount"), (9, "amount")]);
    }
}
