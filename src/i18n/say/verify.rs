//! The words of `VerifyMessage`.

use super::{Say, words};
use crate::error::message::VerifyMessage;
use crate::i18n::Lang;

impl Say for VerifyMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            VerifyMessage::NoSuchCheck { name, checks } => {
                let checks = checks.join(if lang == Lang::En { ", " } else { "、" });
                words!(
                    lang,
                    "沒有名為「{name}」的檢查；檢查有：{checks}",
                    "没有名为“{name}”的检查；检查有：{checks}",
                    "there is no check named \"{name}\"; the checks are: {checks}",
                )
            }
            VerifyMessage::NotAFingerprint { text, digits, min } => words!(
                lang,
                "{field}「{text}」不是賬本指紋；請給出印出的 {digits} 位十六進位指紋（至少前 {min} 位）",
                "{field}“{text}”不是账本指纹；请给出打印的 {digits} 位十六进制指纹（至少前 {min} 位）",
                "{field} \"{text}\" is not a ledger fingerprint; give the {digits} hex digits printed as the fingerprint (at least the first {min})",
            ),
            VerifyMessage::Failed { check, finding } => words!(
                lang,
                "檢查沒有通過：{check}：{finding}",
                "检查没有通过：{check}：{finding}",
                "verify failed: {check}: {finding}",
            ),
            VerifyMessage::ReceiptGaps {
                year,
                missing,
                first,
            } => words!(
                lang,
                "{year} 年的收據號碼有缺號：缺 {missing} 個，第一個是 {first}",
                "{year} 年的收据号码有缺号：缺 {missing} 个，第一个是 {first}",
                "receipt numbers of {year} have gaps: {missing} missing, first {first}",
            ),
        }
    }
}
