//! The sentences only the command line says: its environment, its warnings. A web
//! page would have a part of its own.

use super::{AmountFault, Quoted};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CliMessage {
    /// $LOVEFUND_LANG names no language lovefund speaks.
    UnknownLangEnv { text: Quoted },
    /// One bad line of a file: where, and its reason already in words.
    BadLine {
        line: u64,
        column: String,
        reason: String,
    },
    /// Bad lines beyond those listed.
    MoreBadLines { more: u64 },
    /// A `--posting` without '='.
    PostingForm { text: Quoted },
    /// A `--posting` whose amount is bad.
    PostingAmount { text: Quoted, fault: AmountFault },
    /// An amount flag (`{field}`) that is not an amount.
    BadAmount { fault: AmountFault },
    /// A command that changes the ledger, under --read-only.
    ReadOnly,
    /// A usage error as clap words it (in-process runs only).
    Usage { detail: String },
    /// A flag `reconcile` needs.
    RequiredToReconcile { flag: String },
    /// Not `YYYY-MM`.
    NotAMonth { text: Quoted },
    /// The change was recorded, but its result could not be printed.
    RecordedNotPrinted { why: String },
    /// A new donor's name has characters the receipt font cannot draw.
    UnprintableName {
        name: String,
        characters: Vec<String>,
    },
    /// What an export had to leave out.
    ExportNote(super::ExportNote),
    /// A bill import with no terminal to confirm it on and no `--yes`.
    BillNeedsYes,
    /// A bill import the treasurer did not confirm.
    BillNotConfirmed,
    /// The ledger has users, and neither a terminal nor LOVEFUND_PASSWORD gives
    /// the password.
    PasswordNeeded { user: String },
    /// The two new passwords typed differ.
    PasswordsDiffer,
    /// `--password-stdin` with nothing on standard input.
    NoPasswordOnStdin,
    /// `--from` after `--to`.
    FromAfterTo { from: String, to: String },
}

/// What an export had to leave out, and how many.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportNote {
    LeftOut { left_out: LeftOutKind, count: u64 },
}

/// Which entries the import CSV leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeftOutKind {
    /// Manual entries (`entry add`): the import CSV holds donations and disbursements.
    Manual,
    /// Closing entries: close the year again after importing.
    Closing,
    /// Reversals of entries dated before `--from`.
    ReversalOfEarlier,
    /// Disbursements drawn on a fund other than their program's.
    OtherFund,
    /// Entries reversed in a later year.
    AcrossYearEnd,
}
