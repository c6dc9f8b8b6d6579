//! The sentences of the operations (src/ops/): what a command asks of the ledger as a whole.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OpsMessage {
    /// `transfer` moves money between cash, bank and e-wallet accounts only.
    NotAMoneyAccount { account: String },
    /// `transfer --from` and `--to` name the same account.
    TransferToItself { account: String },
}
