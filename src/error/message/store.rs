//! The sentences of the store (src/store/): opening, migrating, reading and writing the ledger file, backups.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoreMessage {}
