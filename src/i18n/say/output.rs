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
                "{field} {path}：報表檔名須以 .csv、.xlsx 或 .pdf 結尾",
                "{field} {path}：报表文件名须以 .csv、.xlsx 或 .pdf 结尾",
                "{field} {path}: a report file's name ends in .csv, .xlsx or .pdf",
            ),
            OutputMessage::IsTheLedger { path } => words!(
                lang,
                "{field} {path} 是賬本或它的檔案之一（或指向它們的連結）；什麼都沒有寫入，請寫到賬本以外的檔案",
                "{field} {path} 是账本或它的文件之一（或指向它们的链接）；什么都没有写入，请写到账本以外的文件",
                "{field} {path} is the ledger or one of its files (or a link to them); nothing was written — write to a file outside the ledger",
            ),
            OutputMessage::NoFileName { path } => words!(
                lang,
                "{field} {path} 沒有指明檔案；請給出檔名",
                "{field} {path} 没有指明文件；请给出文件名",
                "{field} {path} does not name a file; give a file name",
            ),
            OutputMessage::IsAFolder { path } => words!(
                lang,
                "{field} {path} 是資料夾；請給出要寫入的檔案名稱",
                "{field} {path} 是文件夹；请给出要写入的文件名称",
                "{field} {path} is a folder; give the name of the file to write",
            ),
            OutputMessage::Exists { path } => words!(
                lang,
                "{path} 已經存在；什麼都沒有寫入。請另選名稱，或給出 {field} 取代它",
                "{path} 已经存在；什么都没有写入。请另选名称，或给出 {field} 替换它",
                "{path} already exists; nothing was written — choose another name, or give {field} to replace it",
            ),
        }
    }
}
