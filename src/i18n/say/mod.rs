//! The message catalogue (issue 15): every `Message` the library says, in zh-Hant,
//! zh-Hans and English. One file here per part of `error::message`, each an exhaustive
//! `match` over its enum whose arms give the three sentences with `words!`: a variant
//! without its words, or with one language missing, does not compile.
//!
//! A front end calls `say` (or `refusal`, `error`) with its own word for the field a
//! refusal names (a flag, a form label, a column); the sentences put it where the
//! language wants it, as `{field}`.

mod access;
pub mod bill;
mod cli;
mod import;
mod input;
pub mod io;
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

pub use access::{role_name, verdict_name};
pub use verify::finding;

use super::Lang;
use crate::error::{Error, Field, Message, Refusal};

/// A sentence in the reader's language: zh-Hant, zh-Hans, English, each a format
/// string whose `{name}`s are variables in scope (the message's values, bound by the
/// `match`, and `field`, the front end's word for the field the refusal names).
/// Quotation marks are the language's own: 「」 in zh-Hant, “” in zh-Hans, "" in
/// English.
macro_rules! words {
    ($lang:expr, $hant:literal, $hans:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::ZhHant => format!($hant),
            $crate::i18n::Lang::ZhHans => format!($hans),
            $crate::i18n::Lang::En => format!($en),
        }
    };
}
pub(crate) use words;

/// A part of the catalogue: one enum of `error::message` in words.
trait Say {
    /// The sentence in `lang`, naming the field as `field`.
    fn say(&self, lang: Lang, field: &str) -> String;
}

/// `message` in `lang`; `field` is the front end's word for the field it names.
pub fn say(lang: Lang, message: &Message, field: &str) -> String {
    match message {
        Message::Ledger(m) => m.say(lang, field),
        Message::Store(m) => m.say(lang, field),
        Message::Input(m) => m.say(lang, field),
        Message::Output(m) => m.say(lang, field),
        Message::Import(m) => m.say(lang, field),
        Message::Reconcile(m) => m.say(lang, field),
        Message::Verify(m) => m.say(lang, field),
        Message::Render(m) => m.say(lang, field),
        Message::Ops(m) => m.say(lang, field),
        Message::Sign(m) => m.say(lang, field),
        Message::Bill(m) => m.say(lang, field),
        Message::Pack(m) => m.say(lang, field),
        Message::Cli(m) => m.say(lang, field),
        Message::Access(m) => m.say(lang, field),
        Message::Web(m) => m.say(lang, field),
    }
}

/// A refusal in `lang`, its field named by `name_of` (the front end's words).
pub fn refusal(lang: Lang, refusal: &Refusal, name_of: impl Fn(&Field) -> String) -> String {
    let field = refusal.field.as_ref().map(name_of).unwrap_or_default();
    say(lang, &refusal.message, &field)
}

/// Any error in `lang`: a refusal or a failed check in the catalogue's words; what
/// SQLite or the OS said, after the catalogue's words for where it happened.
pub fn error(lang: Lang, error: &Error, name_of: impl Fn(&Field) -> String) -> String {
    match error {
        Error::Refused(r) => refusal(lang, r, name_of),
        Error::Verify(m) => say(lang, m, ""),
        Error::Storage(detail) => words!(
            lang,
            "賬本資料庫報告了錯誤：{detail}",
            "账本数据库报告了错误：{detail}",
            "the ledger database reported an error: {detail}",
        ),
        Error::Io(failure) => io::failure(lang, failure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::message::{CliMessage, OpsMessage};

    #[test]
    fn a_message_is_worded_in_each_language_with_its_field() {
        let e = Error::input(CliMessage::UnknownLangEnv { text: "fr".into() });
        let r = e.refusal().unwrap();
        assert_eq!(
            refusal(Lang::ZhHans, r, |_| String::new()),
            "LOVEFUND_LANG=“fr”不是 lovefund 会说的语言；请用 zh-Hans、zh-Hant 或 en"
        );
        assert!(refusal(Lang::ZhHant, r, |_| String::new()).contains("「fr」"));
        assert!(refusal(Lang::En, r, |_| String::new()).contains("\"fr\""));
        let amount = Error::input_in(Field::Amount, OpsMessage::AmountOutOfRange);
        assert_eq!(
            error(Lang::En, &amount, |f| format!("--{}", f.name())),
            "--amount is out of range"
        );
    }
}
