//! The sentences of failures outside the ledger's rules (issue 15 §1): a file that
//! cannot be read or written, a full disk, a closed output. What the operating system
//! said comes after, as `IoCause`: its kind in the reader's words where it is a common
//! one, else the system's own text.

use serde::Serialize;

/// What could not be done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IoMessage {
    Read {
        path: String,
    },
    Write {
        path: String,
    },
    Create {
        path: String,
    },
    MakeFolder {
        path: String,
    },
    Replace {
        path: String,
    },
    ReadFont {
        path: String,
    },
    /// Standard output (the terminal or a pipe).
    Output,
    /// A typed answer on the terminal.
    ReadAnswer,
    /// A document or file could not be laid out.
    LayOut {
        document: Document,
    },
    BundledFontDamaged,
    /// The system's random source failed (a new key could not be made).
    Random,
    /// A worker thread of lovefund's own stopped.
    WorkerStopped,
    /// The disk holding the ledger is full.
    DiskFull,
    /// The ledger file could not be written.
    LedgerWriteFailed,
    /// The ledger file or its folder cannot be written here.
    LedgerReadOnly,
    /// A state the code never reaches; `detail` is for the developers.
    Internal {
        detail: String,
    },
}

/// What `LayOut` could not lay out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Document {
    Receipt,
    Summary,
    Statement,
    Workbook,
    Keys,
    BillGifts,
    Voucher,
}

/// What the operating system said, by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CauseKind {
    NotFound,
    PermissionDenied,
    AlreadyExists,
    StorageFull,
    BrokenPipe,
    IsADirectory,
    NotADirectory,
    ReadOnlyFilesystem,
    Other,
}

/// The system's reason, after the sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IoCause {
    pub kind: CauseKind,
    /// The system's own words, shown when the kind has none of lovefund's.
    pub detail: String,
}

impl IoCause {
    pub fn of(error: &std::io::Error) -> IoCause {
        use std::io::ErrorKind as K;
        let kind = match error.kind() {
            K::NotFound => CauseKind::NotFound,
            K::PermissionDenied => CauseKind::PermissionDenied,
            K::AlreadyExists => CauseKind::AlreadyExists,
            K::StorageFull => CauseKind::StorageFull,
            K::BrokenPipe => CauseKind::BrokenPipe,
            K::IsADirectory => CauseKind::IsADirectory,
            K::NotADirectory => CauseKind::NotADirectory,
            K::ReadOnlyFilesystem => CauseKind::ReadOnlyFilesystem,
            _ => CauseKind::Other,
        };
        IoCause {
            kind,
            detail: error.to_string(),
        }
    }

    /// A cause that is no system error: a library's own words.
    pub fn said(detail: impl std::fmt::Display) -> IoCause {
        IoCause {
            kind: CauseKind::Other,
            detail: detail.to_string(),
        }
    }
}

/// A failure outside the ledger's rules: what could not be done, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IoFailure {
    pub message: IoMessage,
    pub cause: Option<IoCause>,
}
