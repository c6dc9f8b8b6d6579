//! CSV import — the treasurer's spreadsheet. `read` checks every line and reports
//! every bad one (line, column, reason); `apply` records the good file in one
//! transaction, in date order, idempotently by reference. Nothing is written unless
//! every line is good.

mod apply;
pub(crate) mod lines;
mod read;

pub use apply::{ImportSummary, apply};
pub use read::{Encoding, ImportFile, ImportLine, Kind, LineError, PartyKey, read_file};
pub(crate) use read::{REQUIRED, csv_error_text, open_text, push_line_error};

/// Bad lines reported in full; more are counted.
pub const LINE_ERRORS_MAX: usize = 1000;
/// The most lines one import may hold (one transaction).
pub const IMPORT_LINES_MAX: usize = 5_000_000;
