//! CSV input, shared by the import (`crate::import`) and the bank statement reader
//! (`crate::reconcile::statement`) so both read files the same way: the text decoded
//! from the file's encoding (`encoding`), its lines with the line numbers a person
//! sees in an editor (`source`, `lines`), the fields found from the header
//! (`columns`), and the bad lines gathered up to a limit (`errors`).
//!
//! Not here: what a field means or whether its value is good — each reader checks
//! its own fields — and nothing that touches the ledger.

mod columns;
mod encoding;
mod errors;
mod lines;
pub mod pack;
pub mod pdf;
mod source;
mod workbook;

pub use columns::{ColumnMap, IMPORT_COLUMNS, IMPORT_REQUIRED, IMPORT_REQUIRED_COUNT, header_key};
pub use encoding::{Encoding, open_text};
pub use errors::{
    LINE_ERRORS_MAX, LineError, LineErrors, amount_fault, closing_balance, positive_amount,
    reason_of,
};
pub use source::{Rows, Source, csv_error_message};
pub use workbook::{SheetRows, is_workbook};
