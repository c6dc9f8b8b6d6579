//! The sentences of `verify` (src/verify/): each check, what it found.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerifyMessage {}
