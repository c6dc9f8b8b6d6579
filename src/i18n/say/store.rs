//! The words of `StoreMessage`.

use super::{Say, words};
use crate::error::message::StoreMessage;
use crate::i18n::Lang;

impl Say for StoreMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            StoreMessage::LedgerExists { path } => words!(
                lang,
                "{path} 已經存在；lovefund init 從不動已有的檔案，請另選 --db 路徑",
                "{path} 已经存在；lovefund init 从不动已有的文件，请另选 --db 路径",
                "{path} already exists; lovefund init never touches an existing file — choose another --db path",
            ),
            StoreMessage::NoLedger { path } => words!(
                lang,
                "{path} 沒有賬本；請用 `lovefund init` 建立一本，或把 --db（或 $LOVEFUND_DB）指向已有的賬本",
                "{path} 没有账本；请用 `lovefund init` 创建一本，或把 --db（或 $LOVEFUND_DB）指向已有的账本",
                "there is no ledger at {path}; create one with `lovefund init` or point --db (or $LOVEFUND_DB) at an existing one",
            ),
            StoreMessage::NotALedger { path } => words!(
                lang,
                "{path} 不是 lovefund 賬本；請把 --db 指向 `lovefund init` 建立的檔案",
                "{path} 不是 lovefund 账本；请把 --db 指向 `lovefund init` 创建的文件",
                "{path} is not a lovefund ledger; point --db at a file made by `lovefund init`",
            ),
            StoreMessage::NotSqlite { path } => words!(
                lang,
                "{path} 不是 SQLite 資料庫；請把 --db 指向 `lovefund init` 建立的檔案",
                "{path} 不是 SQLite 数据库；请把 --db 指向 `lovefund init` 创建的文件",
                "{path} is not a SQLite database; point --db at a file made by `lovefund init`",
            ),
            StoreMessage::ReadOnly => words!(
                lang,
                "賬本以 --read-only 開啟；要修改它，請不加 --read-only 執行命令",
                "账本以 --read-only 打开；要修改它，请不加 --read-only 运行命令",
                "the ledger is open --read-only; run the command without --read-only to change it",
            ),
            StoreMessage::SymbolicLink { path, target } => words!(
                lang,
                "{path} 是符號連結；lovefund 只以賬本的真實路徑開啟它，請用 --db {target}",
                "{path} 是符号链接；lovefund 只以账本的真实路径打开它，请用 --db {target}",
                "{path} is a symbolic link; lovefund opens a ledger only by its real path — use --db {target}",
            ),
            StoreMessage::WorldWritable { path } => words!(
                lang,
                "{path} 人人可寫，任何人都能改寫賬本；請執行 `chmod 600 {path}` 後再試",
                "{path} 人人可写，任何人都能改写账本；请运行 `chmod 600 {path}` 后再试",
                "{path} is writable by everyone, so anyone could rewrite the ledger; run `chmod 600 {path}` and try again",
            ),
            StoreMessage::BackupBusy => words!(
                lang,
                "備份期間賬本一直被佔用；請等另一個寫入者完成後再試",
                "备份期间账本一直被占用；请等另一个写入者完成后再试",
                "the ledger stayed busy during the backup; try again when the other writer is done",
            ),
            StoreMessage::BackupDamaged { detail } => words!(
                lang,
                "備份副本沒有通過 SQLite 的完整性檢查：{detail}",
                "备份副本没有通过 SQLite 的完整性检查：{detail}",
                "the backup copy failed SQLite's integrity check: {detail}",
            ),
            StoreMessage::SideFileBeside { path, side } => words!(
                lang,
                "{field} {path} 旁邊有 {side}（使用中或曾當掉的資料庫）；什麼都沒有寫入，請另選檔名",
                "{field} {path} 旁边有 {side}（使用中或曾崩溃的数据库）；什么都没有写入，请另选文件名",
                "{field} {path} has {side} beside it (a database in use, or one that crashed); nothing was written — choose another file name",
            ),
            StoreMessage::AccountExists { code } => words!(
                lang,
                "科目 {code} 已經存在；請另選代碼",
                "科目 {code} 已经存在；请另选代码",
                "account {code} already exists; choose another code",
            ),
            StoreMessage::AccountTypeClass {
                code,
                account_type,
                class,
            } => {
                let kind = type_word(lang, account_type);
                words!(
                    lang,
                    "科目 {code} 不能是{kind}類：本科目表的{kind}科目以 {class} 開頭",
                    "科目 {code} 不能是{kind}类：本科目表的{kind}科目以 {class} 开头",
                    "account {code} cannot be of type {kind}: in this chart {kind} accounts start with {class}",
                )
            }
            StoreMessage::ParentMissing { code, parent } => words!(
                lang,
                "科目 {code} 需要上級科目 {parent}；請先新增 {parent}",
                "科目 {code} 需要上级科目 {parent}；请先添加 {parent}",
                "account {code} needs its parent account {parent}; add {parent} first",
            ),
            StoreMessage::ParentTypeDiffers {
                account_type,
                parent,
                parent_type,
            } => {
                let (kind, parent_kind) =
                    (type_word(lang, account_type), type_word(lang, parent_type));
                words!(
                    lang,
                    "{field} {kind} 與上級科目 {parent} 不符，它是{parent_kind}類",
                    "{field} {kind} 与上级科目 {parent} 不符，它是{parent_kind}类",
                    "{field} {kind} does not match parent account {parent}, which is {parent_kind}",
                )
            }
            StoreMessage::FundExists { name, existing } => {
                let (hant, hans) = (&existing.zh_hant, &existing.zh_hans);
                let en = &existing.zh_hant;
                words!(
                    lang,
                    "基金「{hant}」已經存在；請另選名稱",
                    "基金“{hans}”已经存在；请另选名称",
                    "fund \"{name}\" already exists (as {en}); choose another name",
                )
            }
            StoreMessage::UnknownKind { id, kind } => words!(
                lang,
                "憑證 {id} 的類型「{kind}」無法辨認；請執行 `lovefund verify`",
                "凭证 {id} 的类型“{kind}”无法识别；请运行 `lovefund verify`",
                "entry {id} has an unknown kind \"{kind}\"; run `lovefund verify`",
            ),
            StoreMessage::UnknownGuard { key } => words!(
                lang,
                "賬本裡有無法辨認的餘額守衛「{key}」",
                "账本里有无法识别的余额守卫“{key}”",
                "the ledger holds an unknown balance guard \"{key}\"",
            ),
            StoreMessage::ReversedOnce { id } => words!(
                lang,
                "憑證 {id} 已經沖銷過；一筆憑證最多沖銷一次",
                "凭证 {id} 已经冲销过；一笔凭证最多冲销一次",
                "entry {id} has already been reversed; an entry is reversed at most once",
            ),
            StoreMessage::ReferenceUsed { reference } => words!(
                lang,
                "參考號「{reference}」已被另一筆憑證使用；請給 --reference 一個不重複的值",
                "参考号“{reference}”已被另一笔凭证使用；请给 --reference 一个不重复的值",
                "reference \"{reference}\" is already used by another entry; give a unique --reference",
            ),
            StoreMessage::MalformedDate { text } => words!(
                lang,
                "賬本裡有格式錯誤的日期「{text}」",
                "账本里有格式错误的日期“{text}”",
                "the ledger holds a malformed date \"{text}\"",
            ),
            StoreMessage::MalformedText { detail } => words!(
                lang,
                "賬本裡有格式錯誤的文字：{detail}",
                "账本里有格式错误的文本：{detail}",
                "the ledger holds a malformed text: {detail}",
            ),
            StoreMessage::Tampered { problem } => {
                let problem = problem.say(lang, "");
                words!(
                    lang,
                    "{problem}；賬本在 lovefund 之外被改動過，請執行 `lovefund verify`",
                    "{problem}；账本在 lovefund 之外被改动过，请运行 `lovefund verify`",
                    "{problem}; the ledger was changed behind lovefund's back — run `lovefund verify`",
                )
            }
            StoreMessage::IntegrityCheckStopped => words!(
                lang,
                "完整性檢查意外中止",
                "完整性检查意外中止",
                "the integrity check stopped unexpectedly",
            ),
            StoreMessage::NewerSchema { version, latest } => words!(
                lang,
                "這本賬本由較新的 lovefund 建立（結構版本 {version}，這個 lovefund 只認得到 {latest}）；請升級 lovefund 後再開啟",
                "这本账本由较新的 lovefund 创建（结构版本 {version}，这个 lovefund 只认得到 {latest}）；请升级 lovefund 后再打开",
                "this ledger was made by a newer lovefund (schema {version}, this one knows up to {latest}); upgrade lovefund to open it",
            ),
            StoreMessage::OlderSchemaReadOnly { version, latest } => words!(
                lang,
                "這本賬本使用較舊的結構（{version}；目前是 {latest}）；請不加 --read-only 開啟一次以升級，或使用建立它的 lovefund",
                "这本账本使用较旧的结构（{version}；当前是 {latest}）；请不加 --read-only 打开一次以升级，或使用创建它的 lovefund",
                "this ledger uses an older schema ({version}; current {latest}); open it once without --read-only to upgrade it, or use the lovefund that made it",
            ),
            StoreMessage::NoPartyNamed { role, text } => {
                let who = role_word(lang, role);
                words!(
                    lang,
                    "{field}：沒有名為「{text}」的{who}；請用 `lovefund {role} add` 新增，或給出編號",
                    "{field}：没有名为“{text}”的{who}；请用 `lovefund {role} add` 添加，或给出编号",
                    "{field}: there is no {who} named \"{text}\"; add one with `lovefund {role} add`, or give its id",
                )
            }
            StoreMessage::PartiesNamed {
                count,
                role,
                text,
                parties,
            } => {
                let who = role_word(lang, role);
                let sep = if lang == Lang::En { ", " } else { "、" };
                let mut listed = parties
                    .iter()
                    .map(|(id, name)| format!("{id} {name}"))
                    .collect::<Vec<_>>()
                    .join(sep);
                if (parties.len() as u64) < *count {
                    listed.push_str(if lang == Lang::En { " …" } else { "……" });
                }
                words!(
                    lang,
                    "{field}：有 {count} 個{who}與「{text}」相符（{listed}）；請改給編號",
                    "{field}：有 {count} 个{who}与“{text}”相符（{listed}）；请改给编号",
                    "{field}: {count} {who}s match \"{text}\" ({listed}); give the id instead",
                )
            }
            StoreMessage::IdNumberTaken { role, id, name } => {
                let who = role_word(lang, role);
                words!(
                    lang,
                    "{who} {id}（{name}）已經登記了這個身分證號；請使用那位{who}，不要再新增",
                    "{who} {id}（{name}）已经登记了这个身份证号；请使用那位{who}，不要再添加",
                    "{who} {id} ({name}) already has this identity number; use that {who} instead of adding another",
                )
            }
            StoreMessage::StatementReconciled { id } => words!(
                lang,
                "這份對賬單已經對過賬，記為對賬 {id}；請看 `lovefund reconcile show {id}`",
                "这份对账单已经对过账，记为对账 {id}；请看 `lovefund reconcile show {id}`",
                "this statement was already reconciled and recorded as reconciliation {id}; see `lovefund reconcile show {id}`",
            ),
            StoreMessage::PostingCleared { entry, seq } => words!(
                lang,
                "憑證 {entry} 的分錄 {seq} 已由先前的對賬核銷；一筆分錄只核銷一次",
                "凭证 {entry} 的分录 {seq} 已由之前的对账核销；一笔分录只核销一次",
                "entry {entry} posting {seq} is already cleared by an earlier reconciliation; a posting is cleared once",
            ),
            StoreMessage::EntryVanished { id } => words!(
                lang,
                "憑證 {id} 不見了",
                "凭证 {id} 不见了",
                "entry {id} vanished",
            ),
            StoreMessage::FundVanished => words!(
                lang,
                "匯入行的基金不見了",
                "导入行的基金不见了",
                "an import line's fund vanished",
            ),
            StoreMessage::AnonymousDonorMissing => words!(
                lang,
                "找不到匿名捐款人",
                "找不到匿名捐赠人",
                "the anonymous donor is missing",
            ),
        }
    }
}

/// An account type's word, from its code.
pub(super) fn type_word(lang: Lang, code: &str) -> String {
    let (hant, hans) = match code {
        "asset" => ("資產", "资产"),
        "liability" => ("負債", "负债"),
        "net-assets" => ("淨資產", "净资产"),
        "income" => ("收入", "收入"),
        "expense" => ("費用", "费用"),
        _ => (code, code),
    };
    match lang {
        Lang::ZhHant => hant.to_string(),
        Lang::ZhHans => hans.to_string(),
        Lang::En => code.to_string(),
    }
}

/// A party role's word, from its code.
pub(super) fn role_word(lang: Lang, code: &str) -> String {
    let (hant, hans) = match code {
        "donor" => ("捐款人", "捐赠人"),
        "beneficiary" => ("受助人", "受助人"),
        _ => (code, code),
    };
    match lang {
        Lang::ZhHant => hant.to_string(),
        Lang::ZhHans => hans.to_string(),
        Lang::En => code.to_string(),
    }
}
