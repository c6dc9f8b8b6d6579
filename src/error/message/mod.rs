//! What the library says to a person, as data (issue 15): which sentence, and its
//! values. The core never builds a sentence: it returns a `Message`, and the one
//! catalogue (`i18n::say`) turns it into zh-Hant, zh-Hans or English words, so the
//! command line and a web page show the very same messages.
//!
//! The sentences are grouped by the part of the library that says them, one enum per
//! part, each in a file of its own here, with its words in the file of the same name
//! under `src/i18n/say/`. A variant's fields are its values: what the person typed
//! goes in a `Quoted` (cut to `ECHO_CHARS_MAX` characters when shown), counts and ids
//! as numbers, amounts as `Fen`. Adding a variant without its words in all three
//! languages does not compile.
//!
//! Serialised (`--json`, the web), a message is its part, its variant (both in kebab
//! case) and the variant's fields: `{"ledger":{"not-a-date":{"text":"2022-13-01"}}}`.

mod access;
mod bill;
mod cli;
mod import;
mod input;
mod io;
mod ledger;
mod ops;
mod output;
mod pack;
mod reconcile;
mod render;
mod sign;
mod store;
mod verify;
mod web;

pub use access::{AccessMessage, Action, Role, Verdict};
pub use bill::{BillMessage, Wallet};
pub use cli::{CliMessage, ExportNote, LeftOutKind};
pub use import::{Candidate, Choice, ImportMessage};
pub use input::{AmountFault, InputMessage, TextFlaw};
pub use io::{CauseKind, Document, IoCause, IoFailure, IoMessage};
pub use ledger::{DayTotal, Holder, LedgerMessage};
pub use ops::OpsMessage;
pub use output::OutputMessage;
pub use pack::{FileProblem, PackMessage, SignatureState};
pub use reconcile::ReconcileMessage;
pub use render::RenderMessage;
pub use sign::{PrintedField, SignMessage};
pub use store::StoreMessage;
pub use verify::{
    ChainEnd, ClearedFault, FindingMessage, RowFault, StoredColumn, StoredValue, VerifyMessage,
};
pub use web::WebMessage;

use serde::Serialize;
use std::fmt;

/// One sentence the library says, with its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Message {
    /// Boxed: its largest sentences carry several values, and every `Result` of the
    /// library carries a `Message` in its error.
    Ledger(Box<LedgerMessage>),
    Store(StoreMessage),
    Input(InputMessage),
    Output(OutputMessage),
    Import(ImportMessage),
    Reconcile(ReconcileMessage),
    Verify(VerifyMessage),
    Render(RenderMessage),
    Ops(OpsMessage),
    /// Signed receipts and their keys.
    Sign(SignMessage),
    /// The WeChat Pay and Alipay bill readers.
    Bill(BillMessage),
    /// The audit pack.
    Pack(PackMessage),
    /// What only the command line says.
    Cli(CliMessage),
    /// Users, roles and review.
    Access(AccessMessage),
    /// What only the web page says.
    Web(WebMessage),
}

macro_rules! part {
    ($($part:ident($kind:ty)),* $(,)?) => {
        $(impl From<$kind> for Message {
            fn from(message: $kind) -> Message {
                Message::$part(message)
            }
        })*
    };
}

impl From<LedgerMessage> for Message {
    fn from(message: LedgerMessage) -> Message {
        Message::Ledger(Box::new(message))
    }
}

part!(
    Store(StoreMessage),
    Input(InputMessage),
    Output(OutputMessage),
    Import(ImportMessage),
    Reconcile(ReconcileMessage),
    Verify(VerifyMessage),
    Render(RenderMessage),
    Ops(OpsMessage),
    Sign(SignMessage),
    Bill(BillMessage),
    Pack(PackMessage),
    Cli(CliMessage),
    Access(AccessMessage),
    Web(WebMessage),
);

/// What a person typed or a file held, quoted in a message. Shown with control and
/// invisible characters escaped (`\u{202e}`), and cut to `ECHO_CHARS_MAX` characters
/// ending in `…`, so a 50 MB line is named, not echoed whole. The catalogue puts the
/// quotation marks of its language around it (「」, “”, "").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quoted {
    /// The first `ECHO_CHARS_MAX` characters, escaped.
    shown: String,
    /// How many characters the whole text had.
    chars: usize,
}

impl Quoted {
    pub fn new(text: &str) -> Quoted {
        let mut shown = String::new();
        let mut chars = 0;
        for c in text.chars() {
            if chars < super::ECHO_CHARS_MAX {
                if c == '"' || c == '\'' {
                    shown.push(c);
                } else {
                    shown.extend(c.escape_debug());
                }
            }
            chars += 1;
        }
        Quoted { shown, chars }
    }

    /// Whether the text was cut to be shown.
    pub fn is_cut(&self) -> bool {
        self.chars > super::ECHO_CHARS_MAX
    }

    /// How many characters the text had.
    pub fn chars(&self) -> usize {
        self.chars
    }
}

impl From<&str> for Quoted {
    fn from(text: &str) -> Quoted {
        Quoted::new(text)
    }
}

impl From<&String> for Quoted {
    fn from(text: &String) -> Quoted {
        Quoted::new(text)
    }
}

impl From<String> for Quoted {
    fn from(text: String) -> Quoted {
        Quoted::new(&text)
    }
}

/// The text as shown: escaped, and ending in `…` when cut.
impl fmt::Display for Quoted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)?;
        if self.is_cut() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_is_cut_and_escaped() {
        let long = "字".repeat(50_000);
        let q = Quoted::new(&long);
        assert!(q.is_cut());
        assert_eq!(q.chars(), 50_000);
        assert_eq!(
            q.to_string(),
            format!("{}…", "字".repeat(super::super::ECHO_CHARS_MAX))
        );
        assert_eq!(Quoted::new("張三\u{202E}1").to_string(), "張三\\u{202e}1");
        assert_eq!(Quoted::new("say \"hi\"").to_string(), "say \"hi\"");
        assert!(!Quoted::new("short").is_cut());
    }

    #[test]
    fn a_message_serialises_as_its_part_and_values() {
        let m = Message::from(CliMessage::UnknownLangEnv { text: "fr".into() });
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"cli":{"unknown-lang-env":{"text":{"shown":"fr","chars":2}}}}"#
        );
    }
}
