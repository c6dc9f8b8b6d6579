//! The sentences of reconciliation (src/reconcile/): statements and their lines.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReconcileMessage {}
