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
    /// A bill import with no terminal to confirm it on and no `--yes`.
    BillNeedsYes,
    /// A bill import the treasurer did not confirm.
    BillNotConfirmed,
    /// `--from` after `--to`.
    FromAfterTo { from: String, to: String },
}
