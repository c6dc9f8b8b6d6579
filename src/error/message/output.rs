//! The sentences of writing files (src/output*): the output guard, CSV.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputMessage {
    /// A character the chosen CSV encoding cannot hold; nothing was written.
    NotEncodable {
        character: String,
        line: u64,
        encoding: String,
    },
    /// An encoding was asked for an export that is not CSV.
    EncodingForCsvOnly { format: String },
    /// A report file whose name says neither CSV nor Excel.
    NotASheetName { path: String },
    /// `{field}` is the ledger or one of its files.
    IsTheLedger { path: String },
    /// `{field}` names no file.
    NoFileName { path: String },
    /// `{field}` is a folder.
    IsAFolder { path: String },
    /// The file exists; `{field}` is the flag that replaces it.
    Exists { path: String },
}
