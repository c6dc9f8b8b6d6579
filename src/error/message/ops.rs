//! The sentences of the operations (src/ops/): what a command asks of the ledger as a whole.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OpsMessage {}
