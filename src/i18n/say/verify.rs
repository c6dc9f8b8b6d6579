//! The words of `VerifyMessage`.

use super::{Say, words};
use crate::error::message::{
    ChainEnd, ClearedFault, FindingMessage, RowFault, StoredColumn, StoredValue, VerifyMessage,
};
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
            VerifyMessage::Failed { check, finding } => {
                let finding = finding.say(lang, "");
                words!(
                    lang,
                    "檢查沒有通過：{check}：{finding}",
                    "检查没有通过：{check}：{finding}",
                    "verify failed: {check}: {finding}",
                )
            }
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

impl Say for FindingMessage {
    fn say(&self, lang: Lang, _field: &str) -> String {
        use FindingMessage as F;
        match self {
            F::TooFewPostings { entry, postings } => words!(
                lang,
                "憑證 {entry} 只有 {postings} 筆分錄；至少要兩筆",
                "凭证 {entry} 只有 {postings} 笔分录；至少要两笔",
                "entry {entry} has {postings} posting(s); it needs at least two",
            ),
            F::ZeroPosting { entry } => words!(
                lang,
                "憑證 {entry} 有一筆金額為 0.00 的分錄",
                "凭证 {entry} 有一笔金额为 0.00 的分录",
                "entry {entry} has a posting of 0.00",
            ),
            F::Unbalanced { entry, sum } => words!(
                lang,
                "憑證 {entry} 借貸不平：分錄合計為 {sum}",
                "凭证 {entry} 借贷不平：分录合计为 {sum}",
                "entry {entry} does not balance: its postings sum to {sum}",
            ),
            F::PostingsTooLarge { entry } => words!(
                lang,
                "憑證 {entry} 的分錄金額大到無法相加",
                "凭证 {entry} 的分录金额大到无法相加",
                "entry {entry} has postings too large to add up",
            ),
            F::EntryDeleted { entry } => words!(
                lang,
                "憑證 {entry} 被刪除了：它的分錄還在",
                "凭证 {entry} 被删除了：它的分录还在",
                "entry {entry} was deleted: its postings remain without it",
            ),
            F::EntryMissing { entry, next } => words!(
                lang,
                "日記賬中缺少憑證 {entry}（下一張是憑證 {next}）",
                "日记账中缺少凭证 {entry}（下一张是凭证 {next}）",
                "entry {entry} is missing from the journal (the next entry is {next})",
            ),
            F::EntryHashMismatch { entry } => words!(
                lang,
                "憑證 {entry} 與它的雜湊值不符：它本身或它前面的一項被改過",
                "凭证 {entry} 与它的哈希值不符：它本身或它前面的一项被改过",
                "entry {entry} no longer matches its hash: it or the item before it was changed",
            ),
            F::RecordHashMismatch {
                record,
                after_entry,
            } => words!(
                lang,
                "記錄 {record}（在憑證 {after_entry} 之後）與它的雜湊值不符：它本身或它前面的一項被改過",
                "记录 {record}（在凭证 {after_entry} 之后）与它的哈希值不符：它本身或它前面的一项被改过",
                "record {record} (after entry {after_entry}) no longer matches its hash: it or the item before it was changed",
            ),
            F::MalformedDate { entry, text } => words!(
                lang,
                "憑證 {entry} 的日期「{text}」格式不對",
                "凭证 {entry} 的日期“{text}”格式不对",
                "entry {entry} has a malformed date \"{text}\"",
            ),
            F::UnknownKind { entry, text } => words!(
                lang,
                "憑證 {entry} 的類別「{text}」不是 lovefund 寫的",
                "凭证 {entry} 的类别“{text}”不是 lovefund 写的",
                "entry {entry} has an unknown kind \"{text}\"",
            ),
            F::EntryValue {
                entry,
                stored,
                column,
            } => {
                let stored = stored_value(lang, *stored);
                let column = stored_column(lang, *column);
                words!(
                    lang,
                    "憑證 {entry} 的{column}是{stored}，lovefund 從不這樣寫",
                    "凭证 {entry} 的{column}是{stored}，lovefund 从不这样写",
                    "entry {entry} has {stored} as its {column}, which lovefund never writes",
                )
            }
            F::RecordValue { record, column } => {
                let column = stored_column(lang, *column);
                words!(
                    lang,
                    "記錄 {record} 的{column}類型不對",
                    "记录 {record} 的{column}类型不对",
                    "record {record} has a value of the wrong type as its {column}",
                )
            }
            F::RecordUnreadable { record } => words!(
                lang,
                "記錄 {record} 讀不出來：它的內容不是 lovefund 寫的",
                "记录 {record} 读不出来：它的内容不是 lovefund 写的",
                "record {record} cannot be read: its payload is not one lovefund wrote",
            ),
            F::Row { table, key, fault } => match fault {
                RowFault::Changed { record } => words!(
                    lang,
                    "{table} 表中 {key} 的一行與記錄 {record} 所存的不同：被改過",
                    "{table} 表中 {key} 的一行与记录 {record} 所存的不同：被改过",
                    "{table} row {key} differs from what record {record} holds: it was changed",
                ),
                RowFault::Added => words!(
                    lang,
                    "{table} 表中 {key} 的一行不在任何記錄裡：是在 lovefund 之外加進去的",
                    "{table} 表中 {key} 的一行不在任何记录里：是在 lovefund 之外加进去的",
                    "{table} row {key} is in no record: it was added outside lovefund",
                ),
                RowFault::Deleted { record } => words!(
                    lang,
                    "{table} 表中 {key} 的一行不見了：記錄 {record} 裡有它，所以它被刪除了",
                    "{table} 表中 {key} 的一行不见了：记录 {record} 里有它，所以它被删除了",
                    "{table} row {key} is missing: record {record} holds it, so it was deleted",
                ),
            },
            F::TriggerMissing { name } => words!(
                lang,
                "觸發器 {name} 不見了：日記賬可以被改動",
                "触发器 {name} 不见了：日记账可以被改动",
                "trigger {name} is missing: the journal can be edited",
            ),
            F::TriggerAltered { name } => words!(
                lang,
                "觸發器 {name} 被改過：日記賬可以被改動",
                "触发器 {name} 被改过：日记账可以被改动",
                "trigger {name} was altered: the journal can be edited",
            ),
            F::DailyTotalsDiffer {
                account,
                fund,
                date,
            } => words!(
                lang,
                "科目 {account}、基金 {fund} 在 {date} 存下的當日合計與分錄不符",
                "科目 {account}、基金 {fund} 在 {date} 存下的当日合计与分录不符",
                "the stored daily totals of account {account} fund {fund} on {date} differ from its postings",
            ),
            F::GuardsDiffer => words!(
                lang,
                "存下的餘額核對數據與分錄不符",
                "存下的余额核对数据与分录不符",
                "the stored balance guards differ from the postings",
            ),
            F::PostingPastBound { entry } => words!(
                lang,
                "憑證 {entry} 有一筆分錄超過金額上限",
                "凭证 {entry} 有一笔分录超过金额上限",
                "entry {entry} has a posting past the amount bound",
            ),
            F::DayPastBound {
                account,
                fund,
                date,
            } => words!(
                lang,
                "科目 {account}、基金 {fund} 在 {date} 的借方或貸方合計超過金額上限",
                "科目 {account}、基金 {fund} 在 {date} 的借方或贷方合计超过金额上限",
                "the debits or credits of account {account} fund {fund} on {date} add up past the amount bound",
            ),
            F::BalancePastBound { account, fund } => words!(
                lang,
                "科目 {account}、基金 {fund} 的餘額超過金額上限",
                "科目 {account}、基金 {fund} 的余额超过金额上限",
                "the balance of account {account} fund {fund} is past the amount bound",
            ),
            F::GoesNegative { holder, date, low } => {
                let holder = super::ledger::holder(lang, holder);
                words!(
                    lang,
                    "{holder}在 {date} 變成負數（最低到 {low}）",
                    "{holder}在 {date} 变成负数（最低到 {low}）",
                    "{holder} goes negative on {date} (down to {low})",
                )
            }
            F::ReceiptsDeleted {
                first,
                missing,
                year,
            } => words!(
                lang,
                "收據 {first} 不見了：{year} 年有 {missing} 個號碼被刪除",
                "收据 {first} 不见了：{year} 年有 {missing} 个号码被删除",
                "receipt {first} is missing: {missing} number(s) of {year} were deleted",
            ),
            F::VoidWithoutReason { number } => words!(
                lang,
                "收據 {number} 作廢了，卻沒有寫原因",
                "收据 {number} 作废了，却没有写原因",
                "receipt {number} is void without a reason",
            ),
            F::VoidOfNoReceipt { number } => words!(
                lang,
                "有一筆作廢記錄指向收據 {number}，但沒有這張收據",
                "有一笔作废记录指向收据 {number}，但没有这张收据",
                "a void names receipt {number}, which does not exist",
            ),
            F::ReceiptOfReversed {
                number,
                entry,
                reversal,
            } => words!(
                lang,
                "收據 {number} 仍然有效，但它的捐贈（憑證 {entry}）已被憑證 {reversal} 沖銷；請作廢這張收據",
                "收据 {number} 仍然有效，但它的捐赠（凭证 {entry}）已被凭证 {reversal} 冲销；请作废这张收据",
                "receipt {number} is still valid although its donation (entry {entry}) was reversed by entry {reversal}; void the receipt",
            ),
            F::FingerprintGone { fingerprint, now } => {
                let now = chain_end(lang, now);
                words!(
                    lang,
                    "沒有一張憑證或一條記錄的指紋是 {fingerprint}：印出它時排在最後的那一項已經不在了，後來的憑證被截掉了，或者整條鏈被改寫了（{now}）",
                    "没有一张凭证或一条记录的指纹是 {fingerprint}：打印它时排在最后的那一项已经不在了，后来的凭证被截掉了，或者整条链被改写了（{now}）",
                    "no entry or record has the fingerprint {fingerprint}: the item that was the head when it was printed is gone — newer entries were cut off or the chain was rewritten ({now})",
                )
            }
            F::DatedInClosedYear { entry, date, year } => words!(
                lang,
                "憑證 {entry} 的日期是 {date}，在 {year} 年內，而 {year} 年在記這張憑證之前已經結賬",
                "凭证 {entry} 的日期是 {date}，在 {year} 年内，而 {year} 年在记这张凭证之前已经结账",
                "entry {entry} is dated {date}, in {year}, which was closed before it was recorded",
            ),
            F::DocumentChanged { sha256 } => words!(
                lang,
                "存入的原始憑證 {sha256} 與其 SHA-256 不符：檔案內容被改過",
                "存入的原始凭证 {sha256} 与其 SHA-256 不符：文件内容被改过",
                "the stored document {sha256} does not match its SHA-256",
            ),
            F::DocumentMissing { attachment, sha256 } => words!(
                lang,
                "附件 {attachment} 所指的原始憑證 {sha256} 沒有存在帳本裡（或大小不符）",
                "附件 {attachment} 所指的原始凭证 {sha256} 没有存在账本里（或大小不符）",
                "attachment {attachment} names the document {sha256}, which is not stored with that size",
            ),
            F::ReviewOfNoEntry { entry } => words!(
                lang,
                "有一條審核記錄針對憑證 {entry}，但日記賬裡沒有這張憑證",
                "有一条审核记录针对凭证 {entry}，但日记账里没有这张凭证",
                "a review decision names entry {entry}, which the journal does not have",
            ),
            F::ReviewByPreparer { entry, user } => words!(
                lang,
                "憑證 {entry} 由制單人 {user} 自己審核：審核必須由另一個人做",
                "凭证 {entry} 由制单人 {user} 自己审核：审核必须由另一个人做",
                "entry {entry} was reviewed by its own preparer {user}: a review takes a second person",
            ),
            F::ReviewByNonReviewer { entry, user } => words!(
                lang,
                "憑證 {entry} 由 {user} 審核，而 {user} 當時不是在用的審核人",
                "凭证 {entry} 由 {user} 审核，而 {user} 当时不是在用的审核人",
                "entry {entry} was reviewed by {user}, who was no active reviewer then",
            ),
            F::TrustUnnamed { entry } => words!(
                lang,
                "憑證 {entry} 記了受託代理負債 2601，卻沒有寫明為哪位受助人代管：受託代理的款項只能用 donate --for 收、用 disburse --entrusted 付",
                "凭证 {entry} 记了受托代理负债 2601，却没有写明为哪位受助人代管：受托代理的款项只能用 donate --for 收、用 disburse --entrusted 付",
                "entry {entry} moves 2601 entrusted liabilities without naming whom it is held for: money held in trust is received with donate --for and paid with disburse --entrusted",
            ),
            F::TrustOverdrawn {
                entry,
                beneficiary,
                date,
                held,
            } => words!(
                lang,
                "為 {beneficiary} 代管的款項在 {date} 因憑證 {entry} 變成負數（{held}）：付出的比收到的多",
                "为 {beneficiary} 代管的款项在 {date} 因凭证 {entry} 变成负数（{held}）：付出的比收到的多",
                "what is held in trust for {beneficiary} goes negative on {date} by entry {entry} ({held}): more was paid out than received",
            ),
            F::Cleared { entry, seq, fault } => {
                let why = cleared_fault(lang, fault);
                words!(
                    lang,
                    "憑證 {entry} 的第 {seq} 筆分錄標為已核對，但{why}",
                    "凭证 {entry} 的第 {seq} 笔分录标为已核对，但{why}",
                    "entry {entry} posting {seq} is marked cleared, but {why}",
                )
            }
            F::Sqlite { detail } => words!(
                lang,
                "SQLite 完整性檢查：{detail}",
                "SQLite 完整性检查：{detail}",
                "SQLite integrity check: {detail}",
            ),
            F::ForeignKey { table, row, parent } => match row {
                Some(row) => words!(
                    lang,
                    "{table} 表的第 {row} 行指向 {parent} 表中不存在的一行",
                    "{table} 表的第 {row} 行指向 {parent} 表中不存在的一行",
                    "a row of {table} (row {row}) points at a missing row of {parent}",
                ),
                None => words!(
                    lang,
                    "{table} 表有一行指向 {parent} 表中不存在的一行",
                    "{table} 表有一行指向 {parent} 表中不存在的一行",
                    "a row of {table} points at a missing row of {parent}",
                ),
            },
        }
    }
}

/// A finding in `lang` (the verify table, its JSON stays typed).
pub fn finding(lang: Lang, finding: &FindingMessage) -> String {
    finding.say(lang, "")
}

fn stored_value(lang: Lang, value: StoredValue) -> &'static str {
    use StoredValue as V;
    match (value, lang) {
        (V::NotUtf8, Lang::ZhHant) => "不是 UTF-8 的文字",
        (V::NotUtf8, Lang::ZhHans) => "不是 UTF-8 的文本",
        (V::NotUtf8, Lang::En) => "text that is not UTF-8",
        (V::Null, Lang::En) => "a null value",
        (V::Null, _) => "空值（NULL）",
        (V::Integer, Lang::ZhHant) => "整數",
        (V::Integer, Lang::ZhHans) => "整数",
        (V::Integer, Lang::En) => "an integer value",
        (V::Real, Lang::ZhHant) => "帶小數的數值",
        (V::Real, Lang::ZhHans) => "带小数的数值",
        (V::Real, Lang::En) => "a real value",
        (V::Text, Lang::ZhHant) => "文字",
        (V::Text, Lang::ZhHans) => "文本",
        (V::Text, Lang::En) => "a text value",
        (V::Blob, Lang::ZhHant) => "二進位資料（blob）",
        (V::Blob, Lang::ZhHans) => "二进制数据（blob）",
        (V::Blob, Lang::En) => "a blob value",
        (V::Unreadable, Lang::ZhHant) => "讀不出的值",
        (V::Unreadable, Lang::ZhHans) => "读不出的值",
        (V::Unreadable, Lang::En) => "an unreadable value",
    }
}

fn stored_column(lang: Lang, column: StoredColumn) -> &'static str {
    use StoredColumn as C;
    let (hant, hans, en) = match column {
        C::Date => ("日期", "日期", "date"),
        C::Kind => ("類別", "类别", "kind"),
        C::Memo => ("摘要", "摘要", "memo"),
        C::Party => ("對方", "对方", "party"),
        C::Method => ("收付方式", "收付方式", "method"),
        C::Reference => ("參考號", "参考号", "reference"),
        C::ReversalLink => ("沖銷對象", "冲销对象", "reversal link"),
        C::Reason => ("原因", "原因", "reason"),
        C::Recorder => ("記錄人", "记录人", "recorder"),
        C::RecordingTime => ("記錄時間", "记录时间", "recording time"),
        C::Hash => ("雜湊值", "哈希值", "hash"),
        C::PostingAccount => ("分錄科目", "分录科目", "posting account"),
        C::PostingFund => ("分錄基金", "分录基金", "posting fund"),
        C::PostingAmount => ("分錄金額", "分录金额", "posting amount"),
        C::EntryItFollows => ("所接的憑證", "所接的凭证", "entry it follows"),
        C::Payload => ("內容", "内容", "payload"),
    };
    match lang {
        Lang::ZhHant => hant,
        Lang::ZhHans => hans,
        Lang::En => en,
    }
}

fn chain_end(lang: Lang, end: &ChainEnd) -> String {
    match end {
        ChainEnd::Record {
            id,
            after_entry,
            fingerprint,
        } => words!(
            lang,
            "賬本現在結束於記錄 {id}（在憑證 {after_entry} 之後），指紋 {fingerprint}",
            "账本现在结束于记录 {id}（在凭证 {after_entry} 之后），指纹 {fingerprint}",
            "the ledger now ends at record {id} (after entry {after_entry}), fingerprint {fingerprint}",
        ),
        ChainEnd::Entry { id, fingerprint } => words!(
            lang,
            "賬本現在結束於憑證 {id}，指紋 {fingerprint}",
            "账本现在结束于凭证 {id}，指纹 {fingerprint}",
            "the ledger now ends at entry {id}, fingerprint {fingerprint}",
        ),
        ChainEnd::Empty => words!(
            lang,
            "賬本現在沒有憑證",
            "账本现在没有凭证",
            "the ledger now holds no entries",
        ),
    }
}

fn cleared_fault(lang: Lang, fault: &ClearedFault) -> String {
    match fault {
        ClearedFault::PostingGone => words!(
            lang,
            "這筆分錄並不存在",
            "这笔分录并不存在",
            "the cleared posting does not exist",
        ),
        ClearedFault::ReconciliationGone => words!(
            lang,
            "它的對賬記錄不見了",
            "它的对账记录不见了",
            "its reconciliation record is missing",
        ),
        ClearedFault::AmountChanged { cleared, now } => words!(
            lang,
            "核對時金額是 {cleared}，分錄現在卻是 {now}",
            "核对时金额是 {cleared}，分录现在却是 {now}",
            "it was cleared at {cleared} but the posting now says {now}",
        ),
        ClearedFault::OtherAccount {
            account,
            reconciled,
        } => words!(
            lang,
            "它在科目 {account}，不是對賬的科目 {reconciled}",
            "它在科目 {account}，不是对账的科目 {reconciled}",
            "it is on account {account}, not the reconciled account {reconciled}",
        ),
    }
}
