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
        finding: Box<FindingMessage>,
    },
    /// Receipt numbers of a year with gaps.
    ReceiptGaps {
        year: i64,
        missing: u64,
        first: String,
    },
}

/// What a check of `verify` found: one kind of problem per variant, its values as
/// fields (entry and record ids, dates and amounts as printed, schema names of
/// tables, columns and triggers as stored). SQLite's own words stay its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingMessage {
    // balanced
    TooFewPostings {
        entry: i64,
        postings: u64,
    },
    ZeroPosting {
        entry: i64,
    },
    Unbalanced {
        entry: i64,
        sum: String,
    },
    PostingsTooLarge {
        entry: i64,
    },
    // chain
    EntryDeleted {
        entry: i64,
    },
    EntryMissing {
        entry: i64,
        next: i64,
    },
    EntryHashMismatch {
        entry: i64,
    },
    RecordHashMismatch {
        record: i64,
        after_entry: i64,
    },
    /// A stored entry whose date does not read.
    MalformedDate {
        entry: i64,
        text: Quoted,
    },
    /// A stored entry whose kind lovefund does not know.
    UnknownKind {
        entry: i64,
        text: Quoted,
    },
    /// A value of another type than lovefund writes, in an entry or its postings.
    EntryValue {
        entry: i64,
        stored: StoredValue,
        column: StoredColumn,
    },
    /// A value of another type than lovefund writes, in a record.
    RecordValue {
        record: i64,
        column: StoredColumn,
    },
    // records
    RecordUnreadable {
        record: i64,
    },
    /// A row of a chained table that is not the one its records hold; `key` as
    /// `id 3` or `year 2022, seq 5` (the table's own column names).
    Row {
        table: String,
        key: String,
        fault: RowFault,
    },
    // append-only
    TriggerMissing {
        name: String,
    },
    TriggerAltered {
        name: String,
    },
    // totals
    DailyTotalsDiffer {
        account: String,
        fund: i64,
        date: String,
    },
    GuardsDiffer,
    PostingPastBound {
        entry: i64,
    },
    DayPastBound {
        account: String,
        fund: i64,
        date: String,
    },
    BalancePastBound {
        account: String,
        fund: i64,
    },
    // funds
    GoesNegative {
        holder: super::Holder,
        date: String,
        low: String,
    },
    // receipts
    ReceiptsDeleted {
        first: String,
        missing: u64,
        year: i64,
    },
    VoidWithoutReason {
        number: String,
    },
    VoidOfNoReceipt {
        number: String,
    },
    ReceiptOfReversed {
        number: String,
        entry: i64,
        reversal: i64,
    },
    // fingerprint
    FingerprintGone {
        fingerprint: String,
        now: ChainEnd,
    },
    // periods
    DatedInClosedYear {
        entry: i64,
        date: String,
        year: i64,
    },
    // attachments
    /// A stored document whose bytes do not hash to its key.
    DocumentChanged {
        sha256: String,
    },
    /// An attachment whose document is not stored (with its size).
    DocumentMissing {
        attachment: i64,
        sha256: String,
    },
    // reviews
    /// A review decision on an entry the journal does not have.
    ReviewOfNoEntry {
        entry: i64,
    },
    /// A review by the entry's own preparer.
    ReviewByPreparer {
        entry: i64,
        user: String,
    },
    /// A review by someone who was no active reviewer then.
    ReviewByNonReviewer {
        entry: i64,
        user: String,
    },
    // trust
    /// An entry that moves 2601 受托代理负债 without naming the beneficiary.
    TrustUnnamed {
        entry: i64,
    },
    /// What is held in trust for a beneficiary goes below zero.
    TrustOverdrawn {
        entry: i64,
        beneficiary: String,
        date: String,
        held: String,
    },
    // reconciliations
    Cleared {
        entry: i64,
        seq: i64,
        fault: ClearedFault,
    },
    // integrity
    /// A line of SQLite's `integrity_check`, in SQLite's words.
    Sqlite {
        detail: String,
    },
    ForeignKey {
        table: String,
        row: Option<i64>,
        parent: String,
    },
}

/// What a stored column holds instead of what lovefund writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoredValue {
    NotUtf8,
    Null,
    Integer,
    Real,
    Text,
    Blob,
    Unreadable,
}

/// A column of a stored entry, posting or record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoredColumn {
    Date,
    Kind,
    Memo,
    Party,
    Method,
    Reference,
    ReversalLink,
    Reason,
    Recorder,
    RecordingTime,
    Hash,
    PostingAccount,
    PostingFund,
    PostingAmount,
    EntryItFollows,
    Payload,
}

/// How a row of a chained table differs from its records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowFault {
    /// The row is not what record `record` holds.
    Changed { record: i64 },
    /// No record holds the row.
    Added,
    /// Record `record` holds it; the table does not.
    Deleted { record: i64 },
}

/// Where the chain ends now, for a fingerprint no longer in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChainEnd {
    Record {
        id: i64,
        after_entry: i64,
        fingerprint: String,
    },
    Entry {
        id: i64,
        fingerprint: String,
    },
    Empty,
}

/// How a cleared posting no longer matches what was reconciled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClearedFault {
    PostingGone,
    ReconciliationGone,
    AmountChanged { cleared: String, now: String },
    OtherAccount { account: String, reconciled: String },
}
