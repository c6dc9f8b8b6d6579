//! The sentences of the operations (src/ops/) and the reports (src/report/): what a
//! command asks of the ledger as a whole.

use super::{Choice, Quoted};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OpsMessage {
    /// `transfer` moves money between cash, bank and e-wallet accounts only.
    NotAMoneyAccount {
        account: String,
    },
    /// `transfer --from` and `--to` name the same account.
    TransferToItself {
        account: String,
    },
    /// A year outside the years lovefund keeps; the year is `{field}`.
    YearNotKept {
        year: i64,
    },
    YearNotEnded {
        year: i64,
    },
    YearClosed {
        year: i64,
        by: String,
        at: String,
    },
    LaterYearClosed {
        through: i64,
        year: i64,
    },
    PreviousYearOpen {
        previous: i64,
    },
    /// The demo's folder holds a file it did not make; `ledger` when it may be a
    /// ledger (`{field}` is then the folder's flag, else the flag that allows it).
    DemoFolderHolds {
        dir: String,
        name: String,
        ledger: bool,
    },
    /// The demo's statement could not be written in memory (the OS's words).
    DemoStatement {
        detail: String,
    },
    DemoBalanceTooLarge,
    /// A document's character the font cannot draw.
    DocumentCharacter {
        character: char,
    },
    /// What a receipt has that the font cannot draw: `receipt` None for what every
    /// receipt shows (the fund's name, a label).
    ReceiptCharacter {
        receipt: Option<String>,
        character: char,
    },
    /// Receipts left out for their characters; the others were written.
    ReceiptsNotPrinted {
        count: u64,
        receipt: String,
        donor: String,
        characters: Vec<String>,
        written: u64,
    },
    NotAFile {
        path: String,
    },
    /// A posting's fund (None: unrestricted) that the ledger has not.
    NoFundForPosting {
        account: String,
        fund: Option<Quoted>,
        funds: Vec<Choice>,
    },
    NoEntryToReverse {
        id: i64,
    },
    AmountOutOfRange,
    /// A reference recorded before with a different entry; differences as field codes.
    ReferenceRecorded {
        reference: Quoted,
        id: i64,
        differences: Vec<String>,
    },
    HouseholdMembers {
        max: u64,
    },
    NoReceiptsOfYear {
        year: i64,
    },
    VoidReasonEmpty,
    NoReceipt {
        number: String,
    },
    /// With where to find the numbers.
    NoReceiptOfYear {
        number: String,
        year: i64,
    },
    ReceiptVoid {
        number: String,
        reason: String,
        by: String,
        at: String,
    },
    DonationReversed {
        number: String,
        entry: i64,
        by: i64,
    },
    NoVerificationCode {
        code: String,
    },
    /// `{field}` names an account not in the chart.
    AccountNotInChart {
        account: String,
    },
    NotAnAssetAccount {
        account: String,
    },
    NoReconciliation {
        id: i64,
    },
    /// The backup made before a change does not verify; `finding` in verify's words.
    BackupDoesNotVerify {
        path: String,
        check: String,
        finding: Box<super::FindingMessage>,
    },
    NoEntry {
        id: i64,
    },
    FromAfterEnd {
        from: String,
        end: String,
    },
    /// No party of `role` (a role code) with this id.
    NoParty {
        role: String,
        id: i64,
    },
    /// An edit that changes nothing of the party.
    NothingToEdit {
        role: String,
        id: i64,
    },
    /// An edit without a reason.
    EditNeedsReason,
    /// A 更正说明 for a year whose disclosure was never published.
    NothingPublishedToCorrect {
        year: i64,
    },
    /// A 更正说明 although the figures are those already published.
    PublishedUnchanged {
        year: i64,
        version: i64,
    },
    /// Publishing changed figures without a 更正说明.
    PublishedChanged {
        year: i64,
        version: i64,
        published_at: String,
    },
    /// A document to attach that is no regular file.
    NotADocument {
        path: String,
    },
    /// A document larger than `attachments.max-mb`.
    DocumentTooLarge {
        path: String,
        mib: u64,
    },
    NoAttachment {
        id: i64,
    },
    /// An attachment withdrawn already.
    AttachmentWithdrawn {
        id: i64,
        reason: String,
    },
    WithdrawNeedsReason,
    /// `voucher print --month` of a month without entries.
    NoEntriesInMonth {
        month: String,
    },
    /// `--profile NAME` without `--columns`, and no such profile saved.
    NoProfile {
        name: Quoted,
        saved: Vec<String>,
    },
    /// A merge or unmerge without a reason.
    MergeNeedsReason,
    /// `donor merge A A`.
    MergeIntoItself {
        id: i64,
    },
    /// A merge naming a beneficiary: only donors are merged.
    MergeNotDonor {
        id: i64,
        name: String,
    },
    /// A merge of a donor that is already merged (into `into`).
    AlreadyMerged {
        id: i64,
        into: i64,
    },
    /// A merge of `id` into `into`, which is itself merged into `id`: a circle.
    MergeCycle {
        id: i64,
        into: i64,
    },
    /// An unmerge of a donor that is not merged.
    NotMerged {
        id: i64,
    },
    /// A register whose postings and stored totals disagree.
    TotalsDisagree {
        account: String,
        postings: String,
        totals: String,
    },
}
