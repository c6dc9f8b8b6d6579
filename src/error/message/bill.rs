//! The sentences of the WeChat Pay and Alipay bill readers (`reconcile::bills`),
//! read by both `reconcile` and `import`.

use super::Quoted;
use serde::Serialize;

/// Which e-wallet's bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wallet {
    Wechat,
    Alipay,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BillMessage {
    /// No header line (交易时間 … 收/支 …) was found in the file.
    NoHeader { wallet: Option<Wallet> },
    /// The header lacks a column the bill reader needs.
    MissingColumn { wallet: Wallet, column: String },
    /// A row's 收/支 (and its kind) does not say whether money came in or went out.
    UnknownDirection {
        direction: Quoted,
        kind: Quoted,
        wallet: Wallet,
    },
    /// A time that is not `2022-03-01 10:20:30`.
    NotATime { text: Quoted },
    /// An amount that is not `¥100.00` / `100.00`.
    NotAnAmount { text: Quoted },
    /// A bill reconciled against an account that is not an e-wallet's.
    NotAWalletAccount { account: String, wallet: Wallet },
}
