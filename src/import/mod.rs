//! CSV import — the treasurer's spreadsheet. `read` checks every line and reports
//! every bad one (line, column, reason); `apply` records the good file in one
//! transaction, in date order, idempotently by reference. Nothing is written unless
//! every line is good.

mod apply;
mod mapping;
mod read;
mod words;

pub use crate::input::{Encoding, LINE_ERRORS_MAX, LineError};
pub use apply::{ImportSummary, apply};
pub use mapping::SheetColumns;
pub use read::{ImportFile, ImportLine, Kind, PartyKey, read_file, read_text};
pub use words::method_word;

/// The most lines one import may hold (one transaction).
pub const IMPORT_LINES_MAX: usize = 5_000_000;
