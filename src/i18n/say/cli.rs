//! The words of `CliMessage`.

use super::input::amount_fault;
use super::{Say, words};
use crate::error::message::{CliMessage, ExportNote, LeftOutKind};
use crate::i18n::Lang;

impl Say for CliMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            CliMessage::UnknownLangEnv { text } => words!(
                lang,
                "LOVEFUND_LANG=「{text}」不是 lovefund 會說的語言；請用 zh-Hant、zh-Hans 或 en",
                "LOVEFUND_LANG=“{text}”不是 lovefund 会说的语言；请用 zh-Hans、zh-Hant 或 en",
                "LOVEFUND_LANG=\"{text}\" is not a language lovefund speaks; use zh-Hant, zh-Hans or en",
            ),
            CliMessage::BadLine {
                line,
                column,
                reason,
            } => {
                let column = column_word(lang, column);
                words!(
                    lang,
                    "第 {line} 行，{column}：{reason}",
                    "第 {line} 行，{column}：{reason}",
                    "line {line}, column {column}: {reason}",
                )
            }
            CliMessage::MoreBadLines { more } => words!(
                lang,
                "……另有 {more} 行有錯",
                "……另有 {more} 行有错",
                "… and {more} more bad lines",
            ),
            CliMessage::PostingForm { text } => words!(
                lang,
                "--posting「{text}」須寫成 科目[@基金]=金額，例如 1002@助學=5000.00",
                "--posting“{text}”须写成 科目[@基金]=金额，例如 1002@助学=5000.00",
                "--posting \"{text}\" needs the form ACCOUNT[@FUND]=AMOUNT, e.g. 1002@助學=5000.00",
            ),
            CliMessage::PostingAmount { text, fault } => {
                let fault = amount_fault(lang, *fault);
                words!(
                    lang,
                    "--posting「{text}」：金額{fault}",
                    "--posting“{text}”：金额{fault}",
                    "--posting \"{text}\": the amount {fault}",
                )
            }
            CliMessage::BadAmount { fault } => {
                let fault = amount_fault(lang, *fault);
                words!(
                    lang,
                    "{field} {fault}",
                    "{field} {fault}",
                    "{field} {fault}"
                )
            }
            CliMessage::ReadOnly => words!(
                lang,
                "已拒絕：這個命令會修改賬本，而給了 --read-only；請不加 --read-only 執行",
                "已拒绝：这个命令会修改账本，而给了 --read-only；请不加 --read-only 运行",
                "refused: this command changes the ledger, and --read-only was given; run it without --read-only",
            ),
            CliMessage::PasswordNeeded { user } => words!(
                lang,
                "這個賬本有使用者，要以 {user} 登入就要密碼：請在終端機上執行（會提示輸入密碼），或在腳本裡設定 LOVEFUND_PASSWORD；用 --user 或 LOVEFUND_USER 指定使用者",
                "这个账本有用户，要以 {user} 登录就要密码：请在终端上运行（会提示输入密码），或在脚本里设置 LOVEFUND_PASSWORD；用 --user 或 LOVEFUND_USER 指定用户",
                "this ledger has users, and signing in as {user} needs a password: run on a terminal (it asks for it) or set LOVEFUND_PASSWORD in a script; name the user with --user or LOVEFUND_USER",
            ),
            CliMessage::PasswordsDiffer => words!(
                lang,
                "兩次輸入的新密碼不一樣；沒有改動，請再試一次",
                "两次输入的新密码不一样；没有改动，请再试一次",
                "the two new passwords typed differ; nothing changed, try again",
            ),
            CliMessage::NoPasswordOnStdin => words!(
                lang,
                "--password-stdin 要從標準輸入讀新密碼（一行），但標準輸入是空的",
                "--password-stdin 要从标准输入读新密码（一行），但标准输入是空的",
                "--password-stdin reads the new password (one line) from standard input, and standard input is empty",
            ),
            CliMessage::Usage { detail } => detail.clone(),
            CliMessage::RequiredToReconcile { flag } => words!(
                lang,
                "對賬需要 {flag}",
                "对账需要 {flag}",
                "{flag} is required to reconcile",
            ),
            CliMessage::NotAMonth { text } => words!(
                lang,
                "{field}「{text}」不是月份；請寫成 YYYY-MM，例如 2022-03",
                "{field}“{text}”不是月份；请写成 YYYY-MM，例如 2022-03",
                "{field} \"{text}\" is not a month; write YYYY-MM, e.g. 2022-03",
            ),
            CliMessage::RecordedNotPrinted { why } => words!(
                lang,
                "警告：已經記錄，但結果沒能印出（{why}）；請不要再執行一次，lovefund register 會列出記錄了什麼",
                "警告：已经记录，但结果没能打印（{why}）；请不要再运行一次，lovefund register 会列出记录了什么",
                "warning: the change was recorded, but its result could not be printed ({why}); do not run the command again — `lovefund register` shows what was recorded",
            ),
            CliMessage::UnprintableName { name, characters } => {
                let characters = characters.join(if lang == Lang::En { ", " } else { "、" });
                words!(
                    lang,
                    "警告：捐贈人名稱「{name}」有收據字型畫不出的字 {characters}；在用 --font PATH（或 $LOVEFUND_FONT）給出有這些字的字型之前，其收據無法列印",
                    "警告：捐赠人名称“{name}”有收据字体画不出的字 {characters}；在用 --font PATH（或 $LOVEFUND_FONT）给出有这些字的字体之前，其收据无法打印",
                    "warning: the donor name \"{name}\" has {characters} that the receipt font cannot draw; its receipts will not print until a font that has it is given with --font PATH (or $LOVEFUND_FONT)",
                )
            }
            CliMessage::ExportNote(ExportNote::LeftOut { left_out, count }) => {
                let what = match left_out {
                    LeftOutKind::Manual => words!(
                        lang,
                        "手工分錄（entry add）未匯出，匯入用的 CSV 只有捐款與支出",
                        "手工分录（entry add）未导出，导入用的 CSV 只有捐款与支出",
                        "manual entries (entry add) left out, as the import CSV holds only donations and disbursements",
                    ),
                    LeftOutKind::Closing => words!(
                        lang,
                        "結賬憑證未匯出（匯入後請重新結賬）",
                        "结账凭证未导出（导入后请重新结账）",
                        "closing entries left out (after importing, close the year again)",
                    ),
                    LeftOutKind::ReversalOfEarlier => words!(
                        lang,
                        "沖銷 --from 之前分錄的憑證未匯出",
                        "冲销 --from 之前分录的凭证未导出",
                        "reversals of entries dated before --from left out",
                    ),
                    LeftOutKind::OtherFund => words!(
                        lang,
                        "從其項目以外的基金支出的款項，匯入後將記在項目自己的基金上",
                        "从其项目以外的基金支出的款项，导入后将记在项目自己的基金上",
                        "disbursements drawn on a fund other than their program's, which will import onto the program's own fund",
                    ),
                    LeftOutKind::AcrossYearEnd => words!(
                        lang,
                        "在之後年度被沖銷的分錄未匯出，因此匯入後各年的收入與費用與本帳本不同",
                        "在之后年度被冲销的分录未导出，因此导入后各年的收入与费用与本账本不同",
                        "entries left out with a reversal dated in a later year, so each year's income and costs after import differ from this ledger's",
                    ),
                };
                words!(
                    lang,
                    "注意：{what}：{count}",
                    "注意：{what}：{count}",
                    "note: {what}: {count}"
                )
            }
            CliMessage::BillNeedsYes => words!(
                lang,
                "以上是試算，什麼都沒有寫入；沒有終端可以確認，請核對後加上 --yes 再匯入",
                "以上是试算，什么都没有写入；没有终端可以确认，请核对后加上 --yes 再导入",
                "the above is a dry run and nothing was written; there is no terminal to confirm on, so check it and import again with --yes",
            ),
            CliMessage::BillNotConfirmed => words!(
                lang,
                "未確認，什麼都沒有寫入",
                "未确认，什么都没有写入",
                "not confirmed; nothing was written",
            ),
            CliMessage::FromAfterTo { from, to } => words!(
                lang,
                "--from {from} 晚於 --to {to}；請對調兩者",
                "--from {from} 晚于 --to {to}；请对调两者",
                "--from {from} is after --to {to}; swap them",
            ),
        }
    }
}

/// A column as a bad line names it: the file's own name, or the whole line ("-").
fn column_word(lang: Lang, column: &str) -> String {
    match (column, lang) {
        ("-", Lang::ZhHant) => "整行".to_string(),
        ("-", Lang::ZhHans) => "整行".to_string(),
        (_, Lang::ZhHant) => format!("欄「{column}」"),
        (_, Lang::ZhHans) => format!("列“{column}”"),
        (_, Lang::En) => column.to_string(),
    }
}
