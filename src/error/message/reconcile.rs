//! The sentences of reconciliation (src/reconcile/): statements and their lines.

use super::{AmountFault, Quoted};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReconcileMessage {
    /// `--columns` is empty.
    MappingEmpty,
    /// An item of `--columns` without '='.
    MappingNotAPair {
        item: Quoted,
    },
    /// An item of `--columns` naming no statement field.
    MappingNotAField {
        text: Quoted,
    },
    /// `FIELD=` without a header name.
    MappingNoHeader {
        name: String,
    },
    /// A field mapped twice.
    MappingTwice {
        name: String,
    },
    /// Two fields read one column.
    MappingSameColumn {
        first: String,
        second: String,
        header: Quoted,
    },
    /// `--columns` maps half a pair of in/out columns, or a pair and an amount.
    MappingAmountShape,
    /// The first row is empty.
    NoHeader,
    /// A column the statement is read from appears twice.
    ColumnTwice {
        column: Quoted,
        name: String,
    },
    /// Columns the statement lacks (header and field code), and the columns it has.
    MissingColumns {
        missing: Vec<(Quoted, String)>,
        columns: Vec<Quoted>,
        more: bool,
    },
    TooManyLines {
        max: u64,
    },
    TooLarge {
        path: String,
        mib: u64,
    },
    FieldCount {
        found: u64,
        header: u64,
    },
    /// A date not written YYYY-MM-DD; the column is `{field}`.
    NotADate {
        text: Quoted,
    },
    /// A line dated after the as-of date; the column is `{field}`.
    AfterAsOf {
        date: String,
        as_of: String,
    },
    AmountZero {
        text: Quoted,
    },
    BadAmount {
        text: Quoted,
        fault: AmountFault,
    },
    /// No row among the first `lines` names a date and an amount (a pair of in and
    /// out columns, or an amount); `columns` are the first row's.
    BankNoHeader {
        lines: u64,
        columns: Vec<Quoted>,
        more: bool,
    },
    /// Headers `--columns` maps that no row of the preamble has; `columns` are the
    /// first row's.
    MappedColumnsMissing {
        missing: Vec<Quoted>,
        columns: Vec<Quoted>,
    },
    /// A bank file's date in none of the forms banks write.
    NotAFileDate {
        text: Quoted,
    },
    /// A row with an amount both in and out (`other` is the out column's name and text).
    BothSides {
        text: Quoted,
        other: String,
        other_text: Quoted,
    },
    /// A row with no amount in either column (`other` is the out column's name).
    NoSide {
        other: String,
    },
    /// A direction cell that is not 借/贷 or 收/支.
    UnknownDirection {
        text: Quoted,
    },
    /// A running balance that does not follow from the line before.
    BalanceBreak {
        previous_line: u64,
        expected: String,
        found: String,
    },
    /// The totals of the table overflow.
    TotalsTooLarge,
    /// The refusal after a statement's bad lines are listed.
    Refused {
        bad_lines: u64,
    },
}
