//! The sentences only the command line says: its environment, its warnings. A web
//! page would have a part of its own.

use super::Quoted;
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
}
