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
