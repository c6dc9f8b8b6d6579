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
            CliMessage::BadLine {
                line,
                column,
                reason,
            } => {
                let column = column_word(lang, column);
                words!(
                    lang,
                    "第 {line} 行，{column}：{reason}",
                    "第 {line} 行，{column}：{reason}",
                    "line {line}, column {column}: {reason}",
                )
            }
            CliMessage::MoreBadLines { more } => words!(
                lang,
                "……另有 {more} 行有錯",
                "……另有 {more} 行有错",
                "… and {more} more bad lines",
            ),
        }
    }
}

/// A column as a bad line names it: the file's own name, or the whole line ("-").
fn column_word(lang: Lang, column: &str) -> String {
    match (column, lang) {
        ("-", Lang::ZhHant) => "整行".to_string(),
        ("-", Lang::ZhHans) => "整行".to_string(),
        (_, Lang::ZhHant) => format!("欄「{column}」"),
        (_, Lang::ZhHans) => format!("列“{column}”"),
        (_, Lang::En) => column.to_string(),
    }
}
