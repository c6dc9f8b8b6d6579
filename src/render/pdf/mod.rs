//! PDF documents: the donation receipt, the annual summary and a donor's statement,
//! drawn on shared parts so that all three set text the same way.
//!
//! - `font`: the font face read once (glyph ids, advance widths, what it lacks);
//! - `layout`: line breaking (UAX #14) and fitting text into a frame;
//! - `canvas`: frames, placed text, rules and fills, and their drawing operators;
//! - `writer`: the font subset, text operators, compression and the saved file;
//! - `a4`: the A4 page the summary and the statement share;
//! - `receipt`, `summary`, `statement`: one module per document.
//!
//! Renderers take already formatted strings and never read the ledger or the disk.

pub(crate) mod a4;
pub(crate) mod canvas;
pub mod font;
pub(crate) mod layout;
mod qr;
pub mod receipt;
pub mod statement;
pub mod summary;
#[cfg(test)]
mod testing;
pub mod voucher;
pub(crate) mod writer;

pub use font::PdfFont;
pub use receipt::{ReceiptDoc, ReceiptLabels, render_receipt};
pub use statement::{StatementDoc, render_statement};
pub use summary::{SummaryDoc, render_summary};
pub use voucher::{VoucherDoc, VoucherLabels, VoucherLine, render_voucher};
pub use writer::PdfDates;
