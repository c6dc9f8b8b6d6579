//! The words of `SignMessage`.

use super::{Say, words};
use crate::error::message::{PrintedField, SignMessage};
use crate::i18n::Lang;

/// A printed field as a sentence names it.
pub fn printed_field_name(lang: Lang, field: PrintedField) -> &'static str {
    let [hant, hans, en] = match field {
        PrintedField::Number => ["收據編號", "收据编号", "receipt number"],
        PrintedField::Date => ["捐贈日期", "捐赠日期", "date"],
        PrintedField::Amount => ["金額（小寫）", "金额（小写）", "amount in figures"],
        PrintedField::AmountWords => ["金額（大寫）", "金额（大写）", "amount in words"],
        PrintedField::Fund => ["捐贈用途", "捐赠用途", "purpose"],
        PrintedField::Donor => ["捐贈人", "捐赠人", "donor"],
    };
    match lang {
        Lang::ZhHant => hant,
        Lang::ZhHans => hans,
        Lang::En => en,
    }
}

impl Say for SignMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        let list = |items: &[String]| items.join(if lang == Lang::En { ", " } else { "、" });
        match self {
            SignMessage::NotAPayload { text } => words!(
                lang,
                "{field}「{text}」不是收據二維碼的內容，也不是收據 PDF 檔；請貼上掃碼得到的整段文字（LF1| 開頭，或網址 # 之後），或給出收據 PDF 的路徑",
                "{field}“{text}”不是收据二维码的内容，也不是收据 PDF 文件；请粘贴扫码得到的整段文字（LF1| 开头，或网址 # 之后），或给出收据 PDF 的路径",
                "{field} \"{text}\" is neither the content of a receipt's QR code nor a receipt PDF; paste the whole text the scan gives (starting LF1|, or after the # of an address) or give the path of the receipt's PDF",
            ),
            SignMessage::PdfWithoutPayload { path } => words!(
                lang,
                "{path} 沒有簽名內容：它不是 lovefund 簽名的收據（或在收據簽名之前印出）；請掃描其二維碼，或向基金核對驗證碼",
                "{path} 没有签名内容：它不是 lovefund 签名的收据（或在收据签名之前打印）；请扫描其二维码，或向基金核对验证码",
                "{path} holds no signed payload: it is not a receipt lovefund signed (or was printed before receipts were signed); scan its QR code, or ask the fund to check its verification code",
            ),
            SignMessage::NotAPdf { path, detail } => words!(
                lang,
                "{path} 不是可讀的 PDF 檔（{detail}）；請給出基金發出的收據 PDF",
                "{path} 不是可读的 PDF 文件（{detail}）；请给出基金发出的收据 PDF",
                "{path} is not a PDF that can be read ({detail}); give the receipt PDF the fund sent",
            ),
            SignMessage::UnknownKey { key_id, keys } => {
                let keys = list(keys);
                words!(
                    lang,
                    "這張收據由公鑰 {key_id} 簽名，但給出的公鑰只有 {keys}；請向基金索取其公鑰（lovefund key show 印出全部公鑰）後再核驗",
                    "这张收据由公钥 {key_id} 签名，但给出的公钥只有 {keys}；请向基金索取其公钥（lovefund key show 打印全部公钥）后再核验",
                    "this receipt is signed by key {key_id}, but the keys given are only {keys}; ask the fund for its public keys (lovefund key show prints them all) and check again",
                )
            }
            SignMessage::Forged { number } => words!(
                lang,
                "偽造：第 {number} 號收據的簽名與其內容不符，內容被改過或不是本基金簽發",
                "伪造：第 {number} 号收据的签名与其内容不符，内容被改过或不是本基金签发",
                "forged: the signature of receipt {number} does not match what it says; it was changed, or the fund did not issue it",
            ),
            SignMessage::PrintedDiffers {
                number,
                printed_field,
                signed,
            } => {
                let name = printed_field_name(lang, *printed_field);
                words!(
                    lang,
                    "偽造：第 {number} 號收據 PDF 上印的{name}不是簽名中的「{signed}」，PDF 被改過",
                    "伪造：第 {number} 号收据 PDF 上印的{name}不是签名中的“{signed}”，PDF 被改过",
                    "forged: the {name} printed on the PDF of receipt {number} is not the signed \"{signed}\"; the PDF was changed",
                )
            }
            SignMessage::Voided { number } => words!(
                lang,
                "第 {number} 號收據簽名真實，但已作廢，不再有效",
                "第 {number} 号收据签名真实，但已作废，不再有效",
                "receipt {number} is genuinely signed, but it is void and no longer valid",
            ),
            SignMessage::NotAPublicKey { text } => words!(
                lang,
                "{field}「{text}」不是公鑰；公鑰是 64 位十六進位數字，由 lovefund key show 印出",
                "{field}“{text}”不是公钥；公钥是 64 位十六进制数字，由 lovefund key show 打印",
                "{field} \"{text}\" is not a public key; a public key is 64 hex digits, as lovefund key show prints it",
            ),
            SignMessage::NoKeysInFile { path } => words!(
                lang,
                "{field} {path} 裡沒有公鑰；請給出 lovefund key show 寫出的檔案（每行一把 64 位十六進位公鑰）",
                "{field} {path} 里没有公钥；请给出 lovefund key show 写出的文件（每行一把 64 位十六进制公钥）",
                "{field} {path} holds no public key; give the file lovefund key show writes (one key of 64 hex digits a line)",
            ),
            SignMessage::NotAVoidedList { path, line } => words!(
                lang,
                "{field} {path} 第 {line} 行不是收據編號；請給出 lovefund publish 寫出的 voided.txt",
                "{field} {path} 第 {line} 行不是收据编号；请给出 lovefund publish 写出的 voided.txt",
                "line {line} of {field} {path} is not a receipt number; give the voided.txt lovefund publish writes",
            ),
            SignMessage::NoSigningSecret => words!(
                lang,
                "這個帳本檔沒有簽名私鑰（它是不帶 --with-signing-key 的備份），不能簽名或更換密鑰；請在基金自己的帳本上執行",
                "这个账本文件没有签名私钥（它是不带 --with-signing-key 的备份），不能签名或更换密钥；请在基金自己的账本上执行",
                "this ledger file holds no signing secret (it is a backup made without --with-signing-key), so it cannot sign or rotate keys; run this on the fund's own ledger",
            ),
            SignMessage::RotateNeedsReason => words!(
                lang,
                "{field} 是空的；請說明為何更換簽名密鑰（例如存放帳本的電腦遺失）",
                "{field} 是空的；请说明为何更换签名密钥（例如存放账本的电脑丢失）",
                "{field} is empty; say why the signing key is changed (e.g. the computer holding the ledger was lost)",
            ),
            SignMessage::TooLarge { path, mib } => words!(
                lang,
                "{path} 大於 {mib} MiB，不是收據；請給出收據 PDF",
                "{path} 大于 {mib} MiB，不是收据；请给出收据 PDF",
                "{path} is larger than {mib} MiB, so it is not a receipt; give the receipt's PDF",
            ),
        }
    }
}
