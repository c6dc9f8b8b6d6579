//! The sentences only the command line says: its environment, its warnings. A web
//! page would have a part of its own.

use super::Quoted;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CliMessage {
    /// $LOVEFUND_LANG names no language lovefund speaks.
    UnknownLangEnv { text: Quoted },
}
