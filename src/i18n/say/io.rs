//! The words of `IoFailure`: what could not be done, then the system's reason.

use super::words;
use crate::error::message::{CauseKind, Document, IoCause, IoFailure, IoMessage};
use crate::i18n::Lang;

fn document(lang: Lang, document: Document) -> &'static str {
    let [hant, hans, en] = match document {
        Document::Receipt => ["收據", "收据", "the receipt"],
        Document::Summary => ["年度公告", "年度公告", "the annual summary"],
        Document::Statement => ["捐贈明細", "捐赠明细", "the statement"],
        Document::Workbook => ["試算表", "电子表格", "the workbook"],
        Document::Keys => ["公鑰清單", "公钥清单", "the keys"],
        Document::BillGifts => ["帳單的捐款", "账单的捐款", "the bill's gifts"],
        Document::Voucher => ["記賬憑證", "记账凭证", "the voucher"],
    };
    match lang {
        Lang::ZhHant => hant,
        Lang::ZhHans => hans,
        Lang::En => en,
    }
}

fn message(lang: Lang, message: &IoMessage) -> String {
    match message {
        IoMessage::Read { path } => words!(
            lang,
            "無法讀取 {path}",
            "无法读取 {path}",
            "cannot read {path}"
        ),
        IoMessage::Write { path } => words!(
            lang,
            "無法寫入 {path}",
            "无法写入 {path}",
            "cannot write {path}"
        ),
        IoMessage::Create { path } => words!(
            lang,
            "無法建立 {path}",
            "无法创建 {path}",
            "cannot create {path}"
        ),
        IoMessage::MakeFolder { path } => words!(
            lang,
            "無法建立資料夾 {path}",
            "无法创建文件夹 {path}",
            "cannot make the folder {path}"
        ),
        IoMessage::Replace { path } => words!(
            lang,
            "無法取代 {path}",
            "无法替换 {path}",
            "cannot replace {path}"
        ),
        IoMessage::ReadFont { path } => words!(
            lang,
            "無法讀取字型 {path}",
            "无法读取字体 {path}",
            "cannot read the font {path}"
        ),
        IoMessage::Output => words!(
            lang,
            "無法寫出結果",
            "无法写出结果",
            "cannot write the output"
        ),
        IoMessage::ReadAnswer => words!(
            lang,
            "無法讀取回答",
            "无法读取回答",
            "cannot read the answer"
        ),
        IoMessage::LayOut { document: d } => {
            let d = document(lang, *d);
            words!(lang, "無法排出{d}", "无法排出{d}", "cannot lay out {d}")
        }
        IoMessage::BundledFontDamaged => words!(
            lang,
            "內附的字型已損壞；請重新安裝 lovefund，或用 --font 給出字型",
            "内附的字体已损坏；请重新安装 lovefund，或用 --font 给出字体",
            "the bundled font is damaged; reinstall lovefund, or give a font with --font",
        ),
        IoMessage::Random => words!(
            lang,
            "系統無法提供隨機數，無法產生密鑰",
            "系统无法提供随机数，无法生成密钥",
            "the system gives no random bytes, so no key can be made",
        ),
        IoMessage::WorkerStopped => words!(
            lang,
            "lovefund 的工作執行緒意外停止，什麼都沒有記錄；請再執行一次",
            "lovefund 的工作线程意外停止，什么都没有记录；请再运行一次",
            "a worker thread of lovefund stopped unexpectedly and nothing was recorded; run the command again",
        ),
        IoMessage::DiskFull => words!(
            lang,
            "存放帳本的磁碟已滿，什麼都沒有記錄；請騰出空間（或用 --db 把帳本移到別處）後再執行",
            "存放账本的磁盘已满，什么都没有记录；请腾出空间（或用 --db 把账本移到别处）后再运行",
            "the disk holding the ledger is full, so nothing was recorded; free some space (or move the ledger elsewhere with --db) and run the command again",
        ),
        IoMessage::LedgerWriteFailed => words!(
            lang,
            "帳本檔無法寫入（磁碟已滿、檔案到了大小上限或磁碟故障），什麼都沒有記錄；請騰出空間後再執行",
            "账本文件无法写入（磁盘已满、文件到了大小上限或磁盘故障），什么都没有记录；请腾出空间后再运行",
            "the ledger file could not be written (the disk is full, or the file is at a size limit or on a failing disk), so nothing was recorded; free some space and run the command again",
        ),
        IoMessage::LedgerReadOnly => words!(
            lang,
            "這裡不能寫入帳本檔（唯讀媒體，或沒有寫入它或其資料夾的權限）；閱讀請用 --read-only，要記帳請把它複製到可寫的地方",
            "这里不能写入账本文件（只读介质，或没有写入它或其文件夹的权限）；阅读请用 --read-only，要记账请把它复制到可写的地方",
            "the ledger file cannot be written here (read-only media, or no permission to write it or its folder); use --read-only to read it, or copy it somewhere writable to record",
        ),
        IoMessage::Internal { detail } => words!(
            lang,
            "lovefund 內部錯誤（請回報）：{detail}",
            "lovefund 内部错误（请报告）：{detail}",
            "internal error (please report it): {detail}",
        ),
    }
}

fn cause(lang: Lang, cause: &IoCause) -> String {
    let [hant, hans, en] = match cause.kind {
        CauseKind::NotFound => [
            "沒有這個檔案或資料夾",
            "没有这个文件或文件夹",
            "no such file or folder",
        ],
        CauseKind::PermissionDenied => ["沒有權限", "没有权限", "permission denied"],
        CauseKind::AlreadyExists => ["已經存在", "已经存在", "it exists already"],
        CauseKind::StorageFull => ["磁碟已滿", "磁盘已满", "the disk is full"],
        CauseKind::BrokenPipe => ["輸出已被關閉", "输出已被关闭", "the output was closed"],
        CauseKind::IsADirectory => ["這是資料夾", "这是文件夹", "it is a folder"],
        CauseKind::NotADirectory => [
            "路徑中有一段不是資料夾",
            "路径中有一段不是文件夹",
            "a part of the path is not a folder",
        ],
        CauseKind::ReadOnlyFilesystem => [
            "唯讀的檔案系統",
            "只读的文件系统",
            "a read-only file system",
        ],
        CauseKind::Other => return cause.detail.clone(),
    };
    match lang {
        Lang::ZhHant => hant.to_string(),
        Lang::ZhHans => hans.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The failure as one sentence: what, then (after a colon) why.
pub fn failure(lang: Lang, failure: &IoFailure) -> String {
    let what = message(lang, &failure.message);
    match &failure.cause {
        Some(c) => {
            let why = cause(lang, c);
            match lang {
                Lang::En => format!("{what}: {why}"),
                _ => format!("{what}：{why}"),
            }
        }
        None => what,
    }
}

/// In English, for `Error`'s own `Display` (logs, tests); people read `failure`.
impl std::fmt::Display for IoFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&failure(Lang::En, self))
    }
}
