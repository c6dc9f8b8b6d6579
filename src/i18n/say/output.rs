//! The words of `OutputMessage`.

use super::{Say, words};
use crate::error::message::OutputMessage;
use crate::i18n::Lang;

impl Say for OutputMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            OutputMessage::NotEncodable {
                character,
                line,
                encoding,
            } => words!(
                lang,
                "第 {line} 行的「{character}」無法用 {encoding} 寫出，所以什麼都沒有寫入；請改用 {field} utf-8-bom（Excel 和 WPS 都能開啟）",
                "第 {line} 行的“{character}”无法用 {encoding} 写出，所以什么都没有写入；请改用 {field} utf-8-bom（Excel 和 WPS 都能打开）",
                "{character:?} on line {line} cannot be written in {encoding}, so nothing was written; use {field} utf-8-bom (Excel and WPS open it)",
            ),
            OutputMessage::EncodingForCsvOnly { format } => words!(
                lang,
                "{field} 只用於 CSV 檔，{format} 格式一律以 UTF-8 寫出；請拿掉 {field}",
                "{field} 只用于 CSV 文件，{format} 格式一律以 UTF-8 写出；请去掉 {field}",
                "{field} is for CSV files only; the {format} format is always UTF-8 — leave {field} out",
            ),
            OutputMessage::NotASheetName { path } => words!(
                lang,
                "{field} {path}：報表檔名須以 .csv 或 .xlsx 結尾",
                "{field} {path}：报表文件名须以 .csv 或 .xlsx 结尾",
                "{field} {path}: a report file's name ends in .csv or .xlsx",
            ),
        }
    }
}
