//! The words of `BillMessage`.

use super::{Say, words};
use crate::error::message::{BillMessage, Wallet};
use crate::i18n::Lang;

/// The wallet's name in `lang`.
pub fn wallet_name(lang: Lang, wallet: Wallet) -> &'static str {
    match (wallet, lang) {
        (Wallet::Wechat, Lang::ZhHant) => "微信支付",
        (Wallet::Wechat, Lang::ZhHans) => "微信支付",
        (Wallet::Wechat, Lang::En) => "WeChat Pay",
        (Wallet::Alipay, Lang::ZhHant) => "支付寶",
        (Wallet::Alipay, Lang::ZhHans) => "支付宝",
        (Wallet::Alipay, Lang::En) => "Alipay",
    }
}

impl Say for BillMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            BillMessage::NoHeader { wallet: None } => words!(
                lang,
                "{field} 不是微信支付或支付寶賬單：找不到含「交易時間」與「收/支」的標題行；請從 App 重新匯出賬單，或以 --format wechat|alipay 指明",
                "{field} 不是微信支付或支付宝账单：找不到含“交易时间”与“收/支”的标题行；请从 App 重新导出账单，或以 --format wechat|alipay 指明",
                "{field} is not a WeChat Pay or Alipay bill: no header line with 交易时间 and 收/支 was found; export the bill again from the app, or name it with --format wechat|alipay",
            ),
            BillMessage::NoHeader {
                wallet: Some(wallet),
            } => {
                let wallet = wallet_name(lang, *wallet);
                words!(
                    lang,
                    "{field} 不是{wallet}賬單：找不到含「交易時間」與「收/支」的標題行；請從 App 重新匯出賬單",
                    "{field} 不是{wallet}账单：找不到含“交易时间”与“收/支”的标题行；请从 App 重新导出账单",
                    "{field} is not {wallet}'s bill: no header line with 交易时间 and 收/支 was found; export the bill again from the app",
                )
            }
            BillMessage::MissingColumn { wallet, column } => {
                let wallet = wallet_name(lang, *wallet);
                words!(
                    lang,
                    "{field} 的標題行缺少{wallet}賬單的欄「{column}」；請用 App 匯出的原檔",
                    "{field} 的标题行缺少{wallet}账单的列“{column}”；请用 App 导出的原文件",
                    "{field} has no column {column} in its header, which {wallet}'s bill has; use the file as the app exported it",
                )
            }
            BillMessage::UnknownDirection {
                direction,
                kind,
                wallet,
            } => {
                let wallet = wallet_name(lang, *wallet);
                words!(
                    lang,
                    "收/支為「{direction}」、類型為「{kind}」，看不出錢是轉入還是轉出{wallet}；請手工記錄這筆（lovefund transfer 或 entry add），並從賬單刪去此行",
                    "收/支为“{direction}”、类型为“{kind}”，看不出钱是转入还是转出{wallet}；请手工记录这笔（lovefund transfer 或 entry add），并从账单删去此行",
                    "收/支 \"{direction}\" with kind \"{kind}\" does not say whether money came into or left {wallet}; record it by hand (lovefund transfer or entry add) and remove the line from the bill",
                )
            }
            BillMessage::NotATime { text } => words!(
                lang,
                "「{text}」不是交易時間；應如 2022-03-01 10:20:30",
                "“{text}”不是交易时间；应如 2022-03-01 10:20:30",
                "\"{text}\" is not a time; expected e.g. 2022-03-01 10:20:30",
            ),
            BillMessage::NotAnAmount { text } => words!(
                lang,
                "「{text}」不是金額；應如 ¥100.00 或 100.00",
                "“{text}”不是金额；应如 ¥100.00 或 100.00",
                "\"{text}\" is not an amount; expected e.g. ¥100.00 or 100.00",
            ),
            BillMessage::NotAWalletAccount { account, wallet } => {
                let wallet = wallet_name(lang, *wallet);
                words!(
                    lang,
                    "{field} {account} 不是電子錢包科目；{wallet}賬單與 1012 之下它自己的科目對賬（微信 1012.01，支付寶 1012.02）",
                    "{field} {account} 不是电子钱包科目；{wallet}账单与 1012 之下它自己的科目对账（微信 1012.01，支付宝 1012.02）",
                    "{field} {account} is not an e-wallet account; {wallet}'s bill reconciles against its own account under 1012 (WeChat Pay 1012.01, Alipay 1012.02)",
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bill sentence, each script with its own characters only (a sample of
    /// the pairs these sentences use) and its own quotation marks.
    #[test]
    fn the_bill_sentences_keep_to_one_script() {
        let q = crate::error::message::Quoted::new;
        let mut all = vec![BillMessage::NoHeader { wallet: None }];
        for wallet in [Wallet::Wechat, Wallet::Alipay] {
            all.extend([
                BillMessage::NoHeader {
                    wallet: Some(wallet),
                },
                BillMessage::MissingColumn {
                    wallet,
                    column: "收/支".into(),
                },
                BillMessage::UnknownDirection {
                    direction: q("/"),
                    kind: q("x"),
                    wallet,
                },
                BillMessage::NotAWalletAccount {
                    account: "1002".into(),
                    wallet,
                },
            ]);
        }
        all.extend([
            BillMessage::NotATime { text: q("x") },
            BillMessage::NotAnAmount { text: q("x") },
        ]);
        for m in &all {
            let hans = m.say(Lang::ZhHans, "--statement");
            let hant = m.say(Lang::ZhHant, "--statement");
            let en = m.say(Lang::En, "--statement");
            assert!(
                !hans
                    .chars()
                    .any(|c| "寶賬單題與從請錢轉對應時間記錄類為額標檔".contains(c)),
                "{hans}"
            );
            assert!(
                !hant
                    .chars()
                    .any(|c| "宝账单题与从请钱转对应时间记录类为额标档".contains(c)),
                "{hant}"
            );
            assert!(
                !hans.contains('「') && !hant.contains('“'),
                "{hans} / {hant}"
            );
            assert!(!en.contains(" a Alipay") && !en.is_empty(), "{en}");
        }
    }
}
