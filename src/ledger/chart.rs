//! The default chart of accounts and funds that `init` creates (DESIGN.md,
//! 民間非營利組織會計制度), as plain data.

use super::account::AccountType::{self, *};

pub struct DefaultAccount {
    pub code: &'static str,
    pub account_type: AccountType,
    pub zh_hant: &'static str,
    pub zh_hans: &'static str,
    pub en: &'static str,
}

const fn account(
    code: &'static str,
    account_type: AccountType,
    zh_hant: &'static str,
    zh_hans: &'static str,
    en: &'static str,
) -> DefaultAccount {
    DefaultAccount {
        code,
        account_type,
        zh_hant,
        zh_hans,
        en,
    }
}

pub const DEFAULT_ACCOUNTS: &[DefaultAccount] = &[
    account("1001", Asset, "庫存現金", "库存现金", "Cash on hand"),
    account("1002", Asset, "銀行存款", "银行存款", "Bank deposits"),
    account(
        "1012",
        Asset,
        "其他貨幣資金",
        "其他货币资金",
        "WeChat Pay / Alipay balances",
    ),
    // Each e-wallet its own sub-account, so each bill reconciles alone (issue 15,
    // §2.3); ledgers made before migration 0007 keep their older postings on 1012.
    account("1012.01", Asset, "微信", "微信", "WeChat Pay"),
    account("1012.02", Asset, "支付寶", "支付宝", "Alipay"),
    // 受托代理 (issue 17 §3): a gift the donor designates for one named student or
    // household is held for them, not the fund's revenue (see `ENTRUSTED_LIABILITIES`).
    account(
        "1501",
        Asset,
        "受託代理資產",
        "受托代理资产",
        "Entrusted assets",
    ),
    account(
        "2209",
        Liability,
        "其他應付款",
        "其他应付款",
        "Other payables",
    ),
    account(
        "2601",
        Liability,
        "受託代理負債",
        "受托代理负债",
        "Entrusted liabilities",
    ),
    account(
        "3101",
        NetAssets,
        "非限定性淨資產",
        "非限定性净资产",
        "Unrestricted net assets",
    ),
    account(
        "3102",
        NetAssets,
        "限定性淨資產",
        "限定性净资产",
        "Restricted net assets",
    ),
    account("4101", Income, "捐贈收入", "捐赠收入", "Donation revenue"),
    account(
        "5101",
        Expense,
        "業務活動成本",
        "业务活动成本",
        "Program costs",
    ),
    account("5101.01", Expense, "助學", "助学", "Study aid"),
    account("5101.02", Expense, "扶貧", "扶贫", "Poverty relief"),
    account("5101.03", Expense, "幫困", "帮困", "Hardship help"),
    account(
        "5201",
        Expense,
        "管理費用",
        "管理费用",
        "Administrative costs",
    ),
    account("5301", Expense, "籌資費用", "筹资费用", "Fundraising costs"),
];

pub struct DefaultFund {
    pub alias: &'static str,
    pub zh_hant: &'static str,
    pub zh_hans: &'static str,
    pub en: &'static str,
    pub restricted: bool,
    pub program_account: Option<&'static str>,
}

pub const DEFAULT_FUNDS: &[DefaultFund] = &[
    DefaultFund {
        alias: "unrestricted",
        zh_hant: "非限定",
        zh_hans: "非限定",
        en: "Unrestricted",
        restricted: false,
        program_account: None,
    },
    DefaultFund {
        alias: "study-aid",
        zh_hant: "助學",
        zh_hans: "助学",
        en: "Study aid",
        restricted: true,
        program_account: Some("5101.01"),
    },
    DefaultFund {
        alias: "poverty-relief",
        zh_hant: "扶貧",
        zh_hans: "扶贫",
        en: "Poverty relief",
        restricted: true,
        program_account: Some("5101.02"),
    },
    DefaultFund {
        alias: "hardship",
        zh_hant: "幫困",
        zh_hans: "帮困",
        en: "Hardship help",
        restricted: true,
        program_account: Some("5101.03"),
    },
];

/// The e-wallet sub-accounts migration 0007 adds to a ledger that has 1012.
pub const WALLET_ACCOUNTS: &[&str] = &["1012.01", "1012.02"];

/// Where `transfer --fee` goes: a withdrawal's 服務費 is an administrative cost
/// (管理費用, bank and payment fees).
pub const TRANSFER_FEE_ACCOUNT: &str = "5201";

/// Asset accounts that may never go negative: cash, bank and WeChat Pay / Alipay
/// money. A posting counts toward its own code when listed (each wallet apart, so
/// neither goes negative on the other's money), else toward its top-level code (a
/// user's 1002.01 is bank money; an older ledger's postings on 1012 stay on 1012).
pub const GUARDED_ASSET_CODES: &[&str] = &["1001", "1002", "1012", "1012.01", "1012.02"];

/// 受托代理資產: what the fund holds for a named beneficiary other than money
/// (goods, say), recorded by hand (`entry add`).
pub const ENTRUSTED_ASSETS: &str = "1501";

/// 受托代理負債: what the fund owes the beneficiaries donors named (`donate --for`),
/// credited when such a gift arrives and debited when it is paid out to them.
/// 2004 chart codes, kept from 2026: the revised chart's codes could not be confirmed.
pub const ENTRUSTED_LIABILITIES: &str = "2601";

/// The accounts migration 0014 adds to a ledger that lacks them.
pub const ENTRUSTED_ACCOUNTS: &[&str] = &[ENTRUSTED_ASSETS, ENTRUSTED_LIABILITIES];
