//! The sentences of the ledger core (src/ledger/): amounts, dates, names, entries, the append rules, funds, guards, closing, receipts, settings.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LedgerMessage {}
