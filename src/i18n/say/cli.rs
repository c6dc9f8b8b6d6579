//! The words of `CliMessage`.

use super::{Say, words};
use crate::error::message::CliMessage;
use crate::i18n::Lang;

impl Say for CliMessage {
    fn say(&self, lang: Lang, _field: &str) -> String {
        match self {
            CliMessage::UnknownLangEnv { text } => words!(
                lang,
                "LOVEFUND_LANG=「{text}」不是 lovefund 會說的語言；請用 zh-Hant、zh-Hans 或 en",
                "LOVEFUND_LANG=“{text}”不是 lovefund 会说的语言；请用 zh-Hans、zh-Hant 或 en",
                "LOVEFUND_LANG=\"{text}\" is not a language lovefund speaks; use zh-Hant, zh-Hans or en",
            ),
        }
    }
}
