//! The sentences of the import (src/import/): each line of a donation or payment list.

use super::{AmountFault, Quoted};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportMessage {
    /// The references and memos outgrow one import's text buffer.
    TooMuchText,
    /// A line's references and memos do not fit the import's text buffer.
    LineTooLarge,
    /// More lines than one import takes.
    TooManyLines {
        max: u64,
    },
    /// Header columns that are no import column, all of them.
    UnknownColumns {
        /// The header's line (below a sheet's title rows).
        line: u64,
        columns: Vec<Quoted>,
        required: String,
        optional: String,
    },
    /// An item of `--columns` that is not FIELD=HEADER.
    MappingNotAPair {
        item: Quoted,
    },
    /// A field `--columns` names that the import does not have.
    MappingNotAField {
        text: Quoted,
        fields: String,
    },
    /// A field or header `--columns` names twice.
    MappingTwice {
        text: Quoted,
    },
    /// A header `--columns` maps that the header row lacks.
    MappedColumnMissing {
        line: u64,
        header: String,
    },
    /// A header column named twice.
    ColumnTwice {
        line: u64,
        column: String,
    },
    /// Required columns the header lacks.
    MissingColumns {
        line: u64,
        columns: String,
    },
    /// A line with a different number of fields than the header.
    FieldCount {
        found: u64,
        header: u64,
    },
    /// A reference used on an earlier line too.
    DuplicateReference {
        reference: Quoted,
        earlier: u64,
    },
    /// The file's donations (or disbursements) add up past the amount bound.
    TotalTooLarge {
        donations: bool,
        max: String,
    },
    NotAKind {
        text: Quoted,
    },
    NotAPartyType {
        text: Quoted,
    },
    /// A donation from a student or household; `party_type` is its code.
    DonationFromBeneficiary {
        party_type: String,
    },
    /// A disbursement to a donor; `party_type` is its code.
    DisbursementToDonor {
        party_type: String,
    },
    EmptyCounterparty,
    /// A date not written YYYY-MM-DD; the column is `{field}`.
    NotADate {
        text: Quoted,
    },
    /// No fund has this name; the funds that have.
    NotAFund {
        text: Quoted,
        funds: Vec<Choice>,
    },
    /// No program has this name; the programs that have.
    NotAProgram {
        text: Quoted,
        programs: Vec<Choice>,
    },
    BadAmount {
        text: Quoted,
        fault: AmountFault,
    },
    NotAMethod {
        text: Quoted,
    },
    EmptyReference,
    /// A name holding "?": what Excel writes for a character its GBK save lacks.
    NameLostCharacter {
        name: Quoted,
    },
    /// A sheet's new line that looks like a corrected version of an entry imported
    /// from a sheet before (same date, kind and amount).
    LikelyReplaces {
        entry: i64,
        date: String,
        name: Quoted,
        amount: String,
    },
    /// A sheet's total row that is not the sum of the rows above it.
    TotalDiffers {
        found: String,
        sum: String,
    },
    /// The refusal after a file's bad lines are listed.
    Refused {
        bad_lines: u64,
    },
    /// Several parties of one role (a code) and type (a code) share the line's name.
    AmbiguousParty {
        role: String,
        party_type: String,
        name: Quoted,
        candidates: Vec<Candidate>,
    },
    /// A reference recorded before as a different entry; `kind` and `differences`
    /// as codes.
    ReferenceRecorded {
        reference: Quoted,
        id: i64,
        kind: String,
        /// In fen.
        amount: i64,
        date: String,
        differences: Vec<String>,
    },
}

/// A party a name may mean, with what tells it from the others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub id: i64,
    pub phone: Option<String>,
    pub id_last4: Option<String>,
}

/// A fund or program one may name: its names in each script and its alias.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub zh_hant: String,
    pub zh_hans: String,
    pub alias: String,
}
