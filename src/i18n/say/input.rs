//! The words of `InputMessage`, and of the pieces other parts quote: a place where a
//! file stops being text (`flaw`), what is wrong with an amount (`amount_fault`).

use super::{Say, words};
use crate::error::message::{AmountFault, InputMessage, TextFlaw};
use crate::i18n::Lang;

impl Say for InputMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        let what = || what_to_do(lang, field);
        match self {
            InputMessage::LineNotText => words!(
                lang,
                "這一行不是檔案編碼下的有效文字；請修正 CSV 的引號或編碼",
                "这一行不是文件编码下的有效文字；请修正 CSV 的引号或编码",
                "the line is not valid text in the file's encoding; fix the CSV quoting or encoding",
            ),
            InputMessage::LineNotCsv { detail } => words!(
                lang,
                "這一行讀不成 CSV；請修正 CSV 的引號或編碼",
                "这一行读不成 CSV；请修正 CSV 的引号或编码",
                "the line cannot be read as CSV ({detail}); fix the CSV quoting or encoding",
            ),
            InputMessage::LineFailed { detail } => words!(
                lang,
                "這一行處理失敗：{detail}",
                "这一行处理失败：{detail}",
                "the line failed: {detail}",
            ),
            InputMessage::HeaderNotText => words!(
                lang,
                "第 1 行：這一行不是檔案編碼下的有效文字",
                "第 1 行：这一行不是文件编码下的有效文字",
                "line 1: the line is not valid text in the file's encoding",
            ),
            InputMessage::HeaderNotCsv { detail } => words!(
                lang,
                "第 1 行：這一行讀不成 CSV；請修正 CSV 的引號或編碼",
                "第 1 行：这一行读不成 CSV；请修正 CSV 的引号或编码",
                "line 1: the line cannot be read as CSV ({detail})",
            ),
            InputMessage::HeaderUnreadable { detail } => words!(
                lang,
                "第 1 行讀不出來：{detail}",
                "第 1 行读不出来：{detail}",
                "line 1: {detail}",
            ),
            InputMessage::WorkbookUnreadable { detail } => words!(
                lang,
                "這個試算表檔案讀不出來（{detail}）；請在 Excel 或 WPS 裏打開它，另存為 .xlsx 或「CSV UTF-8」再匯入",
                "这个电子表格文件读不出来（{detail}）；请在 Excel 或 WPS 里打开它，另存为 .xlsx 或“CSV UTF-8”再导入",
                "the workbook cannot be read ({detail}); open it in Excel or WPS and save it as .xlsx or \"CSV UTF-8\", then import that",
            ),
            InputMessage::WorkbookEmpty => words!(
                lang,
                "這個試算表檔案沒有工作表；匯入讀的是第一個工作表",
                "这个电子表格文件没有工作表；导入读的是第一个工作表",
                "the workbook has no sheet; the import reads its first sheet",
            ),
            InputMessage::NotInEncoding {
                path,
                flaw,
                encoding,
            } => {
                let (flaw, what) = (self::flaw(lang, flaw), what());
                words!(
                    lang,
                    "{path}：{flaw}不是 {encoding} 文字；{what}",
                    "{path}：{flaw}不是 {encoding} 文本；{what}",
                    "{path}: {flaw} is not {encoding} text; {what}",
                )
            }
            InputMessage::LostText { path, flaw } => {
                let (flaw, what) = (self::flaw(lang, flaw), what());
                words!(
                    lang,
                    "{path}：{flaw}；{what}",
                    "{path}：{flaw}；{what}",
                    "{path}: {flaw}; {what}",
                )
            }
            InputMessage::NotUtf8NorGuessed { path, flaw, guess } => {
                let (flaw, what) = (self::flaw(lang, flaw), what());
                words!(
                    lang,
                    "{path}：{flaw}不是 UTF-8 文字，其餘部分也讀不成 GB18030 或 Big5（看起來像 {guess}）；{what}",
                    "{path}：{flaw}不是 UTF-8 文本，其余部分也读不成 GB18030 或 Big5（看起来像 {guess}）；{what}",
                    "{path}: {flaw} is not UTF-8 text, and the rest does not read as GB18030 or Big5 either (it looks like {guess}); {what}",
                )
            }
            InputMessage::NotUtf8NorDetected {
                path,
                utf8_flaw,
                flaw,
                encoding,
            } => {
                let (utf8_flaw, flaw) = (self::flaw(lang, utf8_flaw), self::flaw(lang, flaw));
                let what = what();
                words!(
                    lang,
                    "{path}：{utf8_flaw}不是 UTF-8 文字，{flaw}也不是它看起來像的 {encoding} 文字；{what}",
                    "{path}：{utf8_flaw}不是 UTF-8 文本，{flaw}也不是它看起来像的 {encoding} 文本；{what}",
                    "{path}: {utf8_flaw} is not UTF-8 text, and {flaw} is not {encoding} text, the encoding it looks like; {what}",
                )
            }
        }
    }
}

/// What to do with a file that is not text in the encoding tried.
fn what_to_do(lang: Lang, field: &str) -> String {
    words!(
        lang,
        "請把檔案另存為 UTF-8（Excel 裡選「CSV UTF-8」），或用 {field} utf-8、gbk、big5 或 utf-16le 指明它的編碼",
        "请把文件另存为 UTF-8（Excel 里选“CSV UTF-8”），或用 {field} utf-8、gbk、big5 或 utf-16le 指明它的编码",
        "save the file as UTF-8 (in Excel: \"CSV UTF-8\"), or name its encoding with {field} utf-8, gbk, big5 or utf-16le",
    )
}

/// Where a file stops being text.
pub(super) fn flaw(lang: Lang, flaw: &TextFlaw) -> String {
    let TextFlaw { line, byte, .. } = *flaw;
    if flaw.replacement {
        words!(
            lang,
            "第 {line} 行含有 U+FFFD，表示文字在先前的轉換中已經遺失",
            "第 {line} 行含有 U+FFFD，说明文字在之前的转换中已经丢失",
            "line {line} holds U+FFFD, the mark of text lost in an earlier conversion",
        )
    } else {
        words!(
            lang,
            "第 {line} 行第 {byte} 位元組",
            "第 {line} 行第 {byte} 字节",
            "line {line}, byte {byte}",
        )
    }
}

/// What is wrong with an amount, said after the amount.
pub(super) fn amount_fault(lang: Lang, fault: AmountFault) -> String {
    match fault {
        AmountFault::Empty => words!(
            lang,
            "是空的；請寫金額，例如 5000.00",
            "是空的；请写金额，例如 5000.00",
            "is empty; write an amount such as 5000.00",
        ),
        AmountFault::Syntax => words!(
            lang,
            "不是金額；請寫數字，可帶一個小數點、最多兩位小數，不要逗號、空格、指數或底線，例如 5000.00",
            "不是金额；请写数字，可带一个小数点、最多两位小数，不要逗号、空格、指数或下划线，例如 5000.00",
            "is not an amount; write digits with an optional '.' and at most two decimals, without commas, spaces, exponents or underscores, e.g. 5000.00",
        ),
        AmountFault::TooManyDecimals => words!(
            lang,
            "超過兩位小數；金額以分（0.01）為單位",
            "超过两位小数；金额以分（0.01）为单位",
            "has more than two decimals; amounts are in fen (0.01)",
        ),
        AmountFault::TooLarge => words!(
            lang,
            "整數部分超過 13 位",
            "整数部分超过 13 位",
            "has more than 13 integer digits",
        ),
        AmountFault::NotPositive => words!(
            lang,
            "必須大於零",
            "必须大于零",
            "must be greater than zero",
        ),
    }
}
