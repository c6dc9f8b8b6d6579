//! The sentences of the audit pack (issue 17 §4): making one, and checking one on a
//! machine without the ledger.

use super::Quoted;
use serde::Serialize;

/// What is wrong with one file of a pack, as checked against its manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileProblem {
    /// In the manifest and in the pack, with other bytes.
    Changed,
    /// In the pack, not in the manifest.
    Added,
    /// In the manifest, not in the pack.
    Removed,
}

/// How the manifest's signature checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureState {
    /// Signed by one of the keys given (its id).
    Good { key_id: String },
    /// The pack has no manifest.sig.
    Missing,
    /// manifest.sig is not a signature lovefund writes.
    Malformed,
    /// Signed by a key not among those given.
    UnknownKey { key_id: String, keys: Vec<String> },
    /// The signature does not match manifest.json's bytes.
    Bad,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PackMessage {
    /// `audit-pack --year` of a year without entries.
    NoEntriesInYear { year: i64 },
    /// The file to check is not a zip archive.
    NotAZip { path: String, detail: String },
    /// The archive has no manifest.json.
    NoManifest { path: String },
    /// manifest.json is not an audit pack's manifest.
    NotAManifest { path: String, detail: String },
    /// More members than a pack may have.
    TooManyFiles { path: String, max: u64 },
    /// manifest.json or manifest.sig larger than a pack's can be.
    MemberTooLarge {
        path: String,
        member: String,
        mib: u64,
    },
    /// One file that differs from the manifest.
    File { path: Quoted, problem: FileProblem },
    /// The signature's line of the verdict.
    Signature(SignatureState),
    /// Every file as the manifest lists it, and the manifest signed.
    Intact {
        year: i64,
        files: u64,
        fingerprint: String,
    },
    /// The verdict when anything is wrong (exit 1).
    NotIntact { problems: u64 },
    /// The ledger's own `verify` failed when the pack was made (its report is inside).
    LedgerVerifyFailed { check: String },
    /// What `audit-pack` wrote.
    Packed {
        path: String,
        year: i64,
        files: u64,
        receipts: u64,
        vouchers: u64,
        attachments: u64,
    },
}
