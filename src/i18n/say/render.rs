//! The words of `RenderMessage`.

use super::{Say, words};
use crate::error::message::RenderMessage;
use crate::i18n::Lang;

impl Say for RenderMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            RenderMessage::NotAFont { path, detail } => words!(
                lang,
                "{field} {path} 不是 lovefund 能用的字型：{detail}",
                "{field} {path} 不是 lovefund 能用的字体：{detail}",
                "{field} {path} is not a font lovefund can use: {detail}",
            ),
            RenderMessage::FontNotAFile { path } => words!(
                lang,
                "{field} {path} 不是一般檔案；請給出 .ttf、.otf 或 .ttc 檔的路徑",
                "{field} {path} 不是普通文件；请给出 .ttf、.otf 或 .ttc 文件的路径",
                "{field} {path} is not a regular file; give the path of a .ttf, .otf or .ttc file",
            ),
            RenderMessage::FontTooLarge { path, mib } => words!(
                lang,
                "{field} {path} 大於 {mib} MiB，超過字型的上限；請給出其中一種字面或字重；請給出 .ttf、.otf 或 .ttc 檔的路徑",
                "{field} {path} 大于 {mib} MiB，超过字体的上限；请给出其中一种字面或字重；请给出 .ttf、.otf 或 .ttc 文件的路径",
                "{field} {path} is larger than {mib} MiB, the most a font may be; give one face or weight of it; give the path of a .ttf, .otf or .ttc file",
            ),
        }
    }
}
