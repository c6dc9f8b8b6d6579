//! The words of `OpsMessage`.

use super::{Say, words};
use crate::error::message::OpsMessage;
use crate::i18n::Lang;

impl Say for OpsMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            OpsMessage::NotAMoneyAccount { account } => words!(
                lang,
                "{field} {account} 不是現金、銀行或電子錢包科目；轉賬只在 1001、1002 與 1012 \
                 之下的科目（如 1012.01 微信、1012.02 支付寶）之間進行",
                "{field} {account} 不是现金、银行或电子钱包科目；转账只在 1001、1002 与 1012 \
                 之下的科目（如 1012.01 微信、1012.02 支付宝）之间进行",
                "{field} {account} is not a cash, bank or e-wallet account; a transfer moves \
                 money between 1001, 1002 and the accounts under 1012 (1012.01 WeChat Pay, \
                 1012.02 Alipay)",
            ),
            OpsMessage::TransferToItself { account } => words!(
                lang,
                "{field} {account} 就是轉出的科目；請給出錢轉入的另一個科目",
                "{field} {account} 就是转出的科目；请给出钱转入的另一个科目",
                "{field} {account} is the account the money comes from; name the account it goes to",
            ),
            OpsMessage::YearNotKept { year } => words!(
                lang,
                "{field} {year} 不是 lovefund 記賬的年份",
                "{field} {year} 不是 lovefund 记账的年份",
                "{field} {year} is not a year lovefund keeps",
            ),
            OpsMessage::YearNotEnded { year } => words!(
                lang,
                "{field} {year} 還沒結束；請在 12 月 31 日之後結賬",
                "{field} {year} 还没结束；请在 12 月 31 日之后结账",
                "{field} {year} has not ended yet; close it after 31 December",
            ),
            OpsMessage::YearClosed { year, by, at } => words!(
                lang,
                "{year} 年已經結賬（由 {by} 於 {at}）；一年只結賬一次",
                "{year} 年已经结账（由 {by} 于 {at}）；一年只结账一次",
                "{year} is already closed (by {by} at {at}); a year is closed once",
            ),
            OpsMessage::LaterYearClosed { through, year } => words!(
                lang,
                "{through} 年已經結賬，所以 {year} 年也已鎖定；年份依序結賬",
                "{through} 年已经结账，所以 {year} 年也已锁定；年份依次结账",
                "{through} is already closed, so {year} is locked too; years close in order",
            ),
            OpsMessage::PreviousYearOpen { previous } => words!(
                lang,
                "{previous} 年還沒結賬；請依序結賬，先結 {previous} 年",
                "{previous} 年还没结账；请依次结账，先结 {previous} 年",
                "{previous} is not closed yet; close the years in order, {previous} first",
            ),
            OpsMessage::DemoFolderHolds { dir, name, ledger } => {
                if *ledger {
                    words!(
                        lang,
                        "{dir} 裡有 {name}，不是示範做的；什麼都沒有寫入。它可能是一本賬本：請把它移走，或用 {field} 另選資料夾",
                        "{dir} 里有 {name}，不是演示生成的；什么都没有写入。它可能是一本账本：请把它移走，或用 {field} 另选文件夹",
                        "{dir} holds {name}, which the demo did not make; nothing was written — it may be a ledger: move it away, or choose another folder with {field}",
                    )
                } else {
                    words!(
                        lang,
                        "{dir} 裡有 {name}，不是示範做的；什麼都沒有寫入。請把它移走、另選資料夾，或給出 {field} 讓示範在那裡寫入自己的檔案（它從不刪除資料夾）",
                        "{dir} 里有 {name}，不是演示生成的；什么都没有写入。请把它移走、另选文件夹，或给出 {field} 让演示在那里写入自己的文件（它从不删除文件夹）",
                        "{dir} holds {name}, which the demo did not make; nothing was written — move it away, choose another folder, or give {field} to let the demo write its own files there (it never removes a folder)",
                    )
                }
            }
            OpsMessage::DemoStatement { detail } => words!(
                lang,
                "示範的對賬單：{detail}",
                "演示的对账单：{detail}",
                "the demo's statement: {detail}",
            ),
            OpsMessage::DemoBalanceTooLarge => words!(
                lang,
                "示範的銀行餘額太大",
                "演示的银行余额太大",
                "the demo's bank balance is too large",
            ),
            OpsMessage::DocumentCharacter { character } => {
                let code = u32::from(*character);
                words!(
                    lang,
                    "文件含有字型畫不出的字元「{character}」（U+{code:04X}）；什麼都沒有寫入。請用 {field} PATH 或 $LOVEFUND_FONT 給出有這個字的字型",
                    "文档含有字体画不出的字符“{character}”（U+{code:04X}）；什么都没有写入。请用 {field} PATH 或 $LOVEFUND_FONT 给出有这个字的字体",
                    "the document has the character {character:?} (U+{code:04X}) that the font cannot draw; nothing was written — give a font that has it with {field} PATH or $LOVEFUND_FONT",
                )
            }
            OpsMessage::ReceiptCharacter { receipt, character } => {
                let code = u32::from(*character);
                let what = match (receipt, lang) {
                    (Some(n), Lang::En) => format!("receipt {n}"),
                    (Some(n), Lang::ZhHant) => format!("收據 {n} "),
                    (Some(n), Lang::ZhHans) => format!("收据 {n} "),
                    (None, Lang::En) => "the fund's name or a label of every receipt".to_string(),
                    (None, Lang::ZhHant) => "基金名稱或每張收據都有的標籤".to_string(),
                    (None, Lang::ZhHans) => "基金名称或每张收据都有的标签".to_string(),
                };
                words!(
                    lang,
                    "{what}含有字型畫不出的字元 {character} U+{code:04X}；什麼都沒有寫入。請用 {field} PATH（或 $LOVEFUND_FONT）給出有這個字的字型",
                    "{what}含有字体画不出的字符 {character} U+{code:04X}；什么都没有写入。请用 {field} PATH（或 $LOVEFUND_FONT）给出有这个字的字体",
                    "{what} has the character {character} U+{code:04X} that the font cannot draw; nothing was written — give a font that has it with {field} PATH (or $LOVEFUND_FONT)",
                )
            }
            OpsMessage::ReceiptsNotPrinted {
                count,
                receipt,
                donor,
                characters,
                written,
            } => {
                let sep = if lang == Lang::En { ", " } else { "、" };
                let characters = characters.join(sep);
                words!(
                    lang,
                    "有 {count} 張收據因字型畫不出其中的字而沒有印出（列在上面；第一張是 {receipt}，{donor}：{characters}）；其他 {written} 張已寫出。請用 {field} PATH（或 $LOVEFUND_FONT）給出有這些字的字型，再印一次那些收據",
                    "有 {count} 张收据因字体画不出其中的字而没有打印（列在上面；第一张是 {receipt}，{donor}：{characters}）；其他 {written} 张已写出。请用 {field} PATH（或 $LOVEFUND_FONT）给出有这些字的字体，再打印一次那些收据",
                    "{count} receipt(s) were not printed because the font cannot draw characters of their text (listed above; first {receipt} of {donor}: {characters}); the other {written} were written — give a font that has them with {field} PATH (or $LOVEFUND_FONT) and print those again",
                )
            }
            OpsMessage::NotAFile { path } => words!(
                lang,
                "{path} 不是檔案；請給出 CSV 的路徑",
                "{path} 不是文件；请给出 CSV 的路径",
                "{path} is not a file; give the CSV's path",
            ),
            OpsMessage::NoFundForPosting {
                account,
                fund,
                funds,
            } => {
                let fund = match (fund, lang) {
                    (Some(f), Lang::ZhHant) => format!("「{f}」"),
                    (Some(f), Lang::ZhHans) => format!("“{f}”"),
                    (Some(f), Lang::En) => format!("\"{f}\""),
                    (None, Lang::ZhHant) => "非限定".to_string(),
                    (None, Lang::ZhHans) => "非限定".to_string(),
                    (None, Lang::En) => "\"unrestricted\"".to_string(),
                };
                let funds = super::import::choices(lang, funds);
                words!(
                    lang,
                    "科目 {account} 的{field}：沒有基金{fund}；基金有 {funds}",
                    "科目 {account} 的{field}：没有基金{fund}；基金有 {funds}",
                    "{field} for account {account}: there is no fund {fund}; the funds are {funds}",
                )
            }
            OpsMessage::NoEntryToReverse { id } => words!(
                lang,
                "沒有可沖銷的憑證 {id}",
                "没有可冲销的凭证 {id}",
                "there is no entry {id} to reverse",
            ),
            OpsMessage::AmountOutOfRange => words!(
                lang,
                "{field} 超出範圍",
                "{field} 超出范围",
                "{field} is out of range",
            ),
            OpsMessage::ReferenceRecorded {
                reference,
                id,
                differences,
            } => {
                let sep = if lang == Lang::En { ", " } else { "、" };
                let differences = differences.join(sep);
                words!(
                    lang,
                    "{field}「{reference}」已記為憑證 {id}，但不同之處在：{differences}；請給另一筆憑證它自己的參考號（如果憑證 {id} 記錯了，請沖銷它，並以新的參考號記下更正）",
                    "{field}“{reference}”已记为凭证 {id}，但不同之处在：{differences}；请给另一笔凭证它自己的参考号（如果凭证 {id} 记错了，请冲销它，并以新的参考号记下更正）",
                    "{field} \"{reference}\" was already recorded as entry {id}, which differs in: {differences}; give a different entry its own reference (if entry {id} is wrong, reverse it and record the correction under a new reference)",
                )
            }
            OpsMessage::HouseholdMembers { max } => words!(
                lang,
                "{field} 必須是 1 至 {max} 的家庭人數",
                "{field} 必须是 1 至 {max} 的家庭人数",
                "{field} must be a household size from 1 to {max}",
            ),
            OpsMessage::NoReceiptsOfYear { year } => words!(
                lang,
                "{year} 年沒有收據；沒有可印的",
                "{year} 年没有收据；没有可打印的",
                "there are no receipts of {year}; nothing to print",
            ),
            OpsMessage::VoidReasonEmpty => words!(
                lang,
                "{field} 是空的；請說明收據作廢的原因",
                "{field} 是空的；请说明收据作废的原因",
                "{field} is empty; say why the receipt is void",
            ),
            OpsMessage::NoReceipt { number } => words!(
                lang,
                "沒有收據 {number}",
                "没有收据 {number}",
                "there is no receipt {number}",
            ),
            OpsMessage::NoReceiptOfYear { number, year } => words!(
                lang,
                "沒有收據 {number}；請看 `lovefund receipt list --year {year}`",
                "没有收据 {number}；请看 `lovefund receipt list --year {year}`",
                "there is no receipt {number}; see `lovefund receipt list --year {year}`",
            ),
            OpsMessage::ReceiptVoid {
                number,
                reason,
                by,
                at,
            } => words!(
                lang,
                "收據 {number} 已經作廢（{reason}，由 {by} 於 {at}）",
                "收据 {number} 已经作废（{reason}，由 {by} 于 {at}）",
                "receipt {number} is already void ({reason}, by {by} at {at})",
            ),
            OpsMessage::DonationReversed { number, entry, by } => words!(
                lang,
                "收據 {number} 的捐款（憑證 {entry}）已由憑證 {by} 沖銷；沖銷了的捐款不再開新收據",
                "收据 {number} 的捐款（凭证 {entry}）已由凭证 {by} 冲销；冲销了的捐款不再开新收据",
                "receipt {number}'s donation (entry {entry}) was reversed by entry {by}; a reversed donation gets no new receipt",
            ),
            OpsMessage::NoVerificationCode { code } => words!(
                lang,
                "這本賬本沒有收據的驗證碼是 {code}；請核對驗證碼，否則這張收據不是真的",
                "这本账本没有收据的验证码是 {code}；请核对验证码，否则这张收据不是真的",
                "no receipt of this ledger has the verification code {code}; check the code, or the receipt is not genuine",
            ),
            OpsMessage::AccountNotInChart { account } => words!(
                lang,
                "{field} {account} 不在科目表中；請看 `lovefund account list`",
                "{field} {account} 不在科目表中；请看 `lovefund account list`",
                "{field} {account} is not in the chart; see `lovefund account list`",
            ),
            OpsMessage::NotAnAssetAccount { account } => words!(
                lang,
                "{field} {account} 不是資產科目；請對銀行（1002）或電子錢包（1012）科目對賬",
                "{field} {account} 不是资产科目；请对银行（1002）或电子钱包（1012）科目对账",
                "{field} {account} is not an asset account; reconcile a bank (1002) or e-wallet (1012) account",
            ),
            OpsMessage::NoReconciliation { id } => words!(
                lang,
                "沒有對賬 {id}；請看 `lovefund reconcile list`",
                "没有对账 {id}；请看 `lovefund reconcile list`",
                "there is no reconciliation {id}; see `lovefund reconcile list`",
            ),
            OpsMessage::BackupDoesNotVerify {
                path,
                check,
                finding,
            } => {
                let finding = finding.say(lang, "");
                words!(
                    lang,
                    "{path} 的備份沒有通過檢查（{check}：{finding}）；已保留以供查看",
                    "{path} 的备份没有通过检查（{check}：{finding}）；已保留以供查看",
                    "the backup at {path} does not verify ({check}: {finding}); it is kept for inspection",
                )
            }
            OpsMessage::NotADocument { path } => words!(
                lang,
                "{path} 不是檔案；請給出掃描件、照片或 PDF 的路徑",
                "{path} 不是文件；请给出扫描件、照片或 PDF 的路径",
                "{path} is not a file; give the path of a scan, photo or PDF",
            ),
            OpsMessage::DocumentTooLarge { path, mib } => words!(
                lang,
                "{path} 大於 {mib} MiB，沒有存入；請縮小檔案，或調高上限：lovefund config set attachments.max-mb N",
                "{path} 大于 {mib} MiB，没有存入；请缩小文件，或调高上限：lovefund config set attachments.max-mb N",
                "{path} is larger than {mib} MiB and was not stored; make it smaller, or raise the limit: lovefund config set attachments.max-mb N",
            ),
            OpsMessage::NoAttachment { id } => words!(
                lang,
                "沒有附件 {id}；lovefund entry attachments ENTRY 列出憑證的附件",
                "没有附件 {id}；lovefund entry attachments ENTRY 列出凭证的附件",
                "there is no attachment {id}; lovefund entry attachments ENTRY lists an entry's",
            ),
            OpsMessage::AttachmentWithdrawn { id, reason } => words!(
                lang,
                "附件 {id} 已經撤回（{reason}）",
                "附件 {id} 已经撤回（{reason}）",
                "attachment {id} is withdrawn already ({reason})",
            ),
            OpsMessage::WithdrawNeedsReason => words!(
                lang,
                "撤回附件必須寫明原因：加上 --reason，例如 --reason \"掃錯了檔案\"",
                "撤回附件必须写明原因：加上 --reason，例如 --reason \"扫错了文件\"",
                "a withdrawal needs a reason: add --reason, e.g. --reason \"wrong file scanned\"",
            ),
            OpsMessage::NoEntriesInMonth { month } => words!(
                lang,
                "{month} 沒有憑證；請給出有記帳的月份，或用 voucher print ENTRY 印一張",
                "{month} 没有凭证；请给出有记账的月份，或用 voucher print ENTRY 打印一张",
                "{month} has no entries; give a month with entries, or print one with voucher print ENTRY",
            ),
            OpsMessage::NoEntry { id } => words!(
                lang,
                "沒有憑證 {id}；憑證編號從 1 開始",
                "没有凭证 {id}；凭证编号从 1 开始",
                "there is no entry {id}; entry ids start at 1",
            ),
            OpsMessage::FromAfterEnd { from, end } => words!(
                lang,
                "{field} {from} 晚於期間的結束日（{end}）；請給出不晚於結束日的開始日",
                "{field} {from} 晚于期间的结束日（{end}）；请给出不晚于结束日的开始日",
                "{field} {from} is after the end of the period ({end}); give a start on or before the end",
            ),
            OpsMessage::NoParty { role, id } => {
                let who = super::store::role_word(lang, role);
                words!(
                    lang,
                    "沒有編號為 {id} 的{who}",
                    "没有编号为 {id} 的{who}",
                    "there is no {who} with id {id}",
                )
            }
            OpsMessage::NothingPublishedToCorrect { year } => words!(
                lang,
                "{field}：{year} 年度的信息公開還沒有發布過，沒有可更正的；第一次發布請不要加 --correction",
                "{field}：{year} 年度的信息公开还没有发布过，没有可更正的；第一次发布请不要加 --correction",
                "{field}: the {year} disclosure was never published, so there is nothing to correct; publish it first without --correction",
            ),
            OpsMessage::PublishedUnchanged { year, version } => words!(
                lang,
                "{field}：{year} 年度的信息公開與已發布的第 {version} 版相同，沒有要更正的內容",
                "{field}：{year} 年度的信息公开与已发布的第 {version} 版相同，没有要更正的内容",
                "{field}: the {year} disclosure is the same as version {version} as published; there is nothing to correct",
            ),
            OpsMessage::PublishedChanged {
                year,
                version,
                published_at,
            } => words!(
                lang,
                "拒絕：{year} 年度的信息公開已於 {published_at} 發布為第 {version} 版，之後數字有了變化；請用 {field} 說明更正了什麼、為什麼（更正說明），作為新的一版發布",
                "拒绝：{year} 年度的信息公开已于 {published_at} 发布为第 {version} 版，之后数字有了变化；请用 {field} 说明更正了什么、为什么（更正说明），作为新的一版发布",
                "refused: the {year} disclosure was published as version {version} on {published_at} and its figures have changed since; say what was corrected and why with {field} (更正说明) to publish it as a new version",
            ),
            OpsMessage::NothingToEdit { role, id } => {
                let who = super::store::role_word(lang, role);
                words!(
                    lang,
                    "這次更正沒有改變{who} {id} 的任何一項；請給出要改的新值，例如 --name",
                    "这次更正没有改变{who} {id} 的任何一项；请给出要改的新值，例如 --name",
                    "this edit changes nothing of {who} {id}; give the new value to change, such as --name",
                )
            }
            OpsMessage::MergeNeedsReason => words!(
                lang,
                "合併或取消合併必須寫明原因：加上 --reason，例如 --reason \"同一人登記了兩次\"",
                "合并或取消合并必须写明原因：加上 --reason，例如 --reason \"同一人登记了两次\"",
                "a merge or unmerge needs a reason: add --reason, e.g. --reason \"the same person entered twice\"",
            ),
            OpsMessage::MergeIntoItself { id } => words!(
                lang,
                "不能把捐贈人 {id} 併入它自己；請給出兩個不同的捐贈人：先是保留的那位，再是重複登記的那位",
                "不能把捐赠人 {id} 并入它自己；请给出两个不同的捐赠人：先是保留的那位，再是重复登记的那位",
                "donor {id} cannot be merged into itself; give two donors: first the one to keep, then the one entered twice",
            ),
            OpsMessage::MergeNotDonor { id, name } => words!(
                lang,
                "{id}（{name}）是受助人，不是捐贈人；只有捐贈人可以合併",
                "{id}（{name}）是受助人，不是捐赠人；只有捐赠人可以合并",
                "{id} ({name}) is a beneficiary, not a donor; only donors are merged",
            ),
            OpsMessage::AlreadyMerged { id, into } => words!(
                lang,
                "捐贈人 {id} 已經併入 {into}；要改併入別人，請先 `lovefund donor unmerge {id} --reason …`",
                "捐赠人 {id} 已经并入 {into}；要改并入别人，请先 `lovefund donor unmerge {id} --reason …`",
                "donor {id} is already merged into {into}; to merge it elsewhere, first `lovefund donor unmerge {id} --reason …`",
            ),
            OpsMessage::MergeCycle { id, into } => words!(
                lang,
                "捐贈人 {into} 已經併入 {id}，再把 {id} 併入 {into} 就成了循環；請先 `lovefund donor unmerge {into} --reason …`",
                "捐赠人 {into} 已经并入 {id}，再把 {id} 并入 {into} 就成了循环；请先 `lovefund donor unmerge {into} --reason …`",
                "donor {into} is merged into {id}, so merging {id} into {into} would make a circle; first `lovefund donor unmerge {into} --reason …`",
            ),
            OpsMessage::NotMerged { id } => words!(
                lang,
                "捐贈人 {id} 沒有併入任何人，無需取消合併；`lovefund donor show {id}` 列出併入它的捐贈人",
                "捐赠人 {id} 没有并入任何人，无需取消合并；`lovefund donor show {id}` 列出并入它的捐赠人",
                "donor {id} is not merged into anyone, so there is nothing to unmerge; `lovefund donor show {id}` lists the donors merged into it",
            ),
            OpsMessage::EditNeedsReason => words!(
                lang,
                "更正必須寫明原因：加上 --reason，例如 --reason \"姓名錄錯\"",
                "更正必须写明原因：加上 --reason，例如 --reason \"姓名录错\"",
                "an edit needs a reason: add --reason, e.g. --reason \"name misspelt\"",
            ),
            OpsMessage::NoProfile { name, saved } => {
                let none = saved.is_empty();
                let saved = saved.join(if lang == Lang::En { ", " } else { "、" });
                match (lang, none) {
                    (Lang::ZhHant, true) => format!(
                        "沒有名為「{name}」的對應方案，也還沒有存過任何方案；第一次請同時給出 --columns 與 --profile {name}，方案即存入帳本"
                    ),
                    (Lang::ZhHant, false) => format!(
                        "沒有名為「{name}」的對應方案；已存的方案有：{saved}。新方案請同時給出 --columns"
                    ),
                    (Lang::ZhHans, true) => format!(
                        "没有名为“{name}”的对应方案，也还没有存过任何方案；第一次请同时给出 --columns 与 --profile {name}，方案即存入账本"
                    ),
                    (Lang::ZhHans, false) => format!(
                        "没有名为“{name}”的对应方案；已存的方案有：{saved}。新方案请同时给出 --columns"
                    ),
                    (Lang::En, true) => format!(
                        "there is no column profile named \"{name}\", and none is saved yet; give --columns with --profile {name} the first time, and it is saved in the ledger"
                    ),
                    (Lang::En, false) => format!(
                        "there is no column profile named \"{name}\"; the saved ones are: {saved}. Give --columns for a new one"
                    ),
                }
            }
            OpsMessage::TotalsDisagree {
                account,
                postings,
                totals,
            } => words!(
                lang,
                "科目 {account} 的分錄合計為 {postings}，但它存下的每日合計為 {totals}；請執行 `lovefund verify totals`",
                "科目 {account} 的分录合计为 {postings}，但它存下的每日合计为 {totals}；请运行 `lovefund verify totals`",
                "the postings of account {account} add up to {postings}, but its stored daily totals to {totals}; run `lovefund verify totals`",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each script keeps to its own characters (a sample of the pairs these use).
    #[test]
    fn the_transfer_sentences_keep_to_one_script() {
        let all = [
            OpsMessage::NotAMoneyAccount {
                account: "4101".into(),
            },
            OpsMessage::TransferToItself {
                account: "1002".into(),
            },
        ];
        for m in &all {
            let hans = m.say(Lang::ZhHans, "--to");
            let hant = m.say(Lang::ZhHant, "--to");
            assert!(
                !hans.chars().any(|c| "現銀錢與轉寶請給個進為".contains(c)),
                "{hans}"
            );
            assert!(
                !hant.chars().any(|c| "现银钱与转宝请给个进为".contains(c)),
                "{hant}"
            );
            assert!(m.say(Lang::En, "--to").starts_with("--to "));
        }
    }
}
