//! The sentences of the store (src/store/): opening, migrating, reading and writing the ledger file, backups.

use super::{Choice, Quoted};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoreMessage {
    /// `init` at a path that exists.
    LedgerExists {
        path: String,
    },
    /// No file at the ledger's path.
    NoLedger {
        path: String,
    },
    /// A SQLite file lovefund did not make.
    NotALedger {
        path: String,
    },
    /// A file that is not SQLite at all.
    NotSqlite {
        path: String,
    },
    /// A change asked of a ledger opened read-only.
    ReadOnly,
    /// The ledger's path is a symbolic link; `target` is where it leads.
    SymbolicLink {
        path: String,
        target: String,
    },
    /// The ledger file is writable by everyone.
    WorldWritable {
        path: String,
    },
    /// Another writer kept the ledger busy through the backup.
    BackupBusy,
    /// The backup copy failed SQLite's integrity check (`detail` is SQLite's words).
    BackupDamaged {
        detail: String,
    },
    /// A backup's target has a -wal or -journal file beside it.
    SideFileBeside {
        path: String,
        side: String,
    },
    AccountExists {
        code: String,
    },
    /// An account's code does not start with its type's class digit; types as codes.
    AccountTypeClass {
        code: String,
        account_type: String,
        class: String,
    },
    ParentMissing {
        code: String,
        parent: String,
    },
    /// `{field}` (the type) differs from the parent's; types as codes.
    ParentTypeDiffers {
        account_type: String,
        parent: String,
        parent_type: String,
    },
    /// A fund's name already taken; `existing` is that fund's names.
    FundExists {
        name: Quoted,
        existing: Choice,
    },
    /// A stored entry kind lovefund does not know.
    UnknownKind {
        id: i64,
        kind: Quoted,
    },
    UnknownGuard {
        key: Quoted,
    },
    /// The unique index on reversals refused a second one.
    ReversedOnce {
        id: i64,
    },
    ReferenceUsed {
        reference: Quoted,
    },
    MalformedDate {
        text: Quoted,
    },
    MalformedText {
        detail: String,
    },
    /// A stored entry that does not read; `problem` names what.
    Tampered {
        problem: Box<super::FindingMessage>,
    },
    IntegrityCheckStopped,
    NewerSchema {
        version: i64,
        latest: i64,
    },
    OlderSchemaReadOnly {
        version: i64,
        latest: i64,
    },
    /// No party of `role` (a role code) by that name.
    NoPartyNamed {
        role: String,
        text: Quoted,
    },
    /// Several parties of `role` match the text: `count` of them, the first few
    /// listed by id and name.
    PartiesNamed {
        count: u64,
        role: String,
        text: Quoted,
        parties: Vec<(i64, String)>,
    },
    IdNumberTaken {
        role: String,
        id: i64,
        name: String,
    },
    StatementReconciled {
        id: i64,
    },
    PostingCleared {
        entry: i64,
        seq: i64,
    },
    /// An entry read a moment ago is gone.
    EntryVanished {
        id: i64,
    },
    FundVanished,
    AnonymousDonorMissing,
}
