//! The words of `CliMessage`.

use super::input::amount_fault;
use super::{Say, words};
use crate::error::message::CliMessage;
use crate::i18n::Lang;

impl Say for CliMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
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
            CliMessage::PostingForm { text } => words!(
                lang,
                "--posting「{text}」須寫成 科目[@基金]=金額，例如 1002@助學=5000.00",
                "--posting“{text}”须写成 科目[@基金]=金额，例如 1002@助学=5000.00",
                "--posting \"{text}\" needs the form ACCOUNT[@FUND]=AMOUNT, e.g. 1002@助學=5000.00",
            ),
            CliMessage::PostingAmount { text, fault } => {
                let fault = amount_fault(lang, *fault);
                words!(
                    lang,
                    "--posting「{text}」：金額{fault}",
                    "--posting“{text}”：金额{fault}",
                    "--posting \"{text}\": the amount {fault}",
                )
            }
            CliMessage::BadAmount { fault } => {
                let fault = amount_fault(lang, *fault);
                words!(
                    lang,
                    "{field} {fault}",
                    "{field} {fault}",
                    "{field} {fault}"
                )
            }
            CliMessage::ReadOnly => words!(
                lang,
                "已拒絕：這個命令會修改賬本，而給了 --read-only；請不加 --read-only 執行",
                "已拒绝：这个命令会修改账本，而给了 --read-only；请不加 --read-only 运行",
                "refused: this command changes the ledger, and --read-only was given; run it without --read-only",
            ),
            CliMessage::Usage { detail } => detail.clone(),
            CliMessage::RequiredToReconcile { flag } => words!(
                lang,
                "對賬需要 {flag}",
                "对账需要 {flag}",
                "{flag} is required to reconcile",
            ),
            CliMessage::BillNeedsYes => words!(
                lang,
                "以上是試算，什麼都沒有寫入；沒有終端可以確認，請核對後加上 --yes 再匯入",
                "以上是试算，什么都没有写入；没有终端可以确认，请核对后加上 --yes 再导入",
                "the above is a dry run and nothing was written; there is no terminal to confirm on, so check it and import again with --yes",
            ),
            CliMessage::BillNotConfirmed => words!(
                lang,
                "未確認，什麼都沒有寫入",
                "未确认，什么都没有写入",
                "not confirmed; nothing was written",
            ),
            CliMessage::FromAfterTo { from, to } => words!(
                lang,
                "--from {from} 晚於 --to {to}；請對調兩者",
                "--from {from} 晚于 --to {to}；请对调两者",
                "--from {from} is after --to {to}; swap them",
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
