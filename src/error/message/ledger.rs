//! The sentences of the ledger core (src/ledger/): amounts, dates, names, entries, the append rules, funds, guards, closing, receipts, settings.

use super::{Choice, Quoted};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LedgerMessage {
    NotAnAccountCode {
        text: Quoted,
    },
    /// A name left empty; the field is `{field}`.
    NameEmpty,
    /// A name or text longer than `max` characters.
    TooLong {
        max: u64,
    },
    /// A control character in a name.
    ControlInName,
    /// A control character (newline, NUL) in a text.
    ControlInText,
    /// An invisible character that changes how text reads; `code` is its code point.
    Invisible {
        code: u32,
    },
    /// A date too far after today (setting dates.future-days-max).
    TooFarAhead {
        date: String,
        days: i64,
        today: String,
        latest: String,
    },
    /// A stored balance past the amount bound (a verify failure).
    StoredBalancePastBound {
        account: String,
        fund: i64,
    },
    /// A date in a closed year.
    ClosedYear {
        date: String,
        closed: i64,
    },
    /// An amount taking a day's total of an account past the bound.
    DayPastBound {
        total: DayTotal,
        account: String,
        fund: Holder,
        date: String,
        max: String,
    },
    AccountNotInChart {
        code: String,
    },
    AccountHasChildren {
        code: String,
    },
    NoSuchFund {
        id: i64,
    },
    /// An amount taking a guarded balance past the bound.
    BalancePastBound {
        holder: Holder,
        max: String,
    },
    /// A fund or cash account overdrawn.
    WouldGoNegative {
        holder: Holder,
        takes: String,
        date: String,
        available: String,
    },
    /// A payout to a beneficiary of more than is held in trust for them then.
    EntrustedOverpaid {
        takes: String,
        beneficiary: Quoted,
        date: String,
        held: String,
    },
    /// A reversal of a gift in trust that was (in part) paid out already.
    EntrustedReversalOverdrawn {
        id: i64,
        beneficiary: Quoted,
        takes: String,
        held: String,
    },
    /// A year with no 31 December.
    YearOutOfRange {
        year: i64,
    },
    NotIncomeOrExpense {
        account: String,
    },
    NotADate {
        text: Quoted,
    },
    NotAYear {
        text: Quoted,
    },
    /// A yes/no setting given something else.
    NotYesOrNo {
        value: Quoted,
        key: String,
    },
    NotAWholeNumber {
        text: Quoted,
    },
    TooFewPostings,
    TooManyPostings {
        max: u64,
    },
    ZeroPosting {
        account: String,
    },
    PostingsTooLarge,
    /// Postings that do not sum to zero; `credits` if the credits exceed.
    Unbalanced {
        credits: bool,
        by: String,
        sum: String,
    },
    /// A report's total past what lovefund adds; `what` is its English name.
    TotalTooLarge {
        what: String,
    },
    AmountTooLarge,
    NotAProgram {
        text: Quoted,
        programs: Vec<Choice>,
    },
    NotAFund {
        text: Quoted,
        funds: Vec<Choice>,
    },
    ReasonEmpty,
    AlreadyReversed {
        id: i64,
        by: i64,
    },
    ClosingNotReversed {
        id: i64,
    },
    ReversalOfReversal {
        id: i64,
    },
    ReversalBeforeOriginal {
        date: String,
        id: i64,
        original: String,
    },
    NameIsNumber {
        name: Quoted,
    },
    NotAnIdNumber {
        max: u64,
    },
    IdentityKeyDamaged,
    NotAReceiptNumber {
        text: Quoted,
    },
    NotAVerificationCode {
        text: Quoted,
    },
    NotASetting {
        key: Quoted,
        settings: String,
    },
    NotFutureDays {
        value: Quoted,
        key: String,
        max: i64,
    },
    /// A time zone setting that is not an offset.
    NotATimeZone {
        value: Quoted,
        key: String,
    },
    /// An attachment size limit that is not a whole number of MiB in range.
    NotAttachmentMb {
        value: Quoted,
        key: String,
        max: i64,
    },
    /// A profile name that is empty, too long, or holds a space, `,` or `=`.
    NotAProfileName {
        name: Quoted,
        max: i64,
    },
    /// A verification address that is not a short http(s) address without `#`.
    NotAVerifyUrl {
        value: Quoted,
        key: String,
        max: i64,
    },
}

/// Which of a day's totals would pass the bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayTotal {
    Balance,
    Debits,
    Credits,
}

/// A guarded balance: a fund (its names if the ledger has it) or a cash account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Holder {
    Fund { id: i64, names: Option<Choice> },
    Account { code: String },
}
