//! The sentences of `verify` (src/verify/): each check, what it found.

use super::Quoted;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerifyMessage {
    NoSuchCheck {
        name: Quoted,
        checks: Vec<String>,
    },
    /// `{field}` is not hex digits of a fingerprint.
    NotAFingerprint {
        text: Quoted,
        digits: u64,
        min: u64,
    },
    /// The first failing check; `finding` in the check's own words.
    Failed {
        check: String,
        finding: String,
    },
    /// Receipt numbers of a year with gaps.
    ReceiptGaps {
        year: i64,
        missing: u64,
        first: String,
    },
}
