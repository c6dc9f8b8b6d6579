//! Reading and checking the import CSV: the header, then each line, field by field.
//! The file's text, line numbers, column map and error list come from `crate::input`;
//! what each column may hold is here, one small parser per field, each returning
//! the exact sentence the person reads. Pure apart from reading the file: programs
//! are resolved against the given funds. A field lovefund's CSV writer guarded
//! against spreadsheet formulas (`'=…`) is read without that one `'`
//! (`crate::output::csv::unguarded`), so an exported file imports the same names.

use super::IMPORT_LINES_MAX;
use super::mapping::SheetColumns;
use super::words::{
    HeaderWord, TotalRow, header_word, is_anonymous_word, is_title_row, is_unrestricted_word,
    kind_word, method_word, party_type_word, total_row,
};
use crate::error::message::{Choice, ImportMessage, Quoted};
use crate::error::{Error, Message, Result};
use crate::input::{
    ColumnMap, Encoding, IMPORT_COLUMNS, IMPORT_REQUIRED, IMPORT_REQUIRED_COUNT, LineError,
    LineErrors, Rows, SheetRows, Source, amount_fault, is_workbook, open_text, reason_of,
};
use crate::ledger::account::NAME_LENGTH_MAX;
use crate::ledger::date::{iso, parse_file_date};
use crate::ledger::entry::{MEMO_LENGTH_MAX, REFERENCE_LENGTH_MAX, check_text};
use crate::ledger::fund::{FundId, Funds};
use crate::ledger::money::{AMOUNT_FEN_MAX, Money};
use crate::ledger::operations;
use crate::ledger::party::{
    ANONYMOUS_DONOR, IdNumber, Method, PartyType, Role, is_anonymous_name, refuse_id_like,
};
use crate::output::csv::unguarded;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Donation,
    Disbursement,
}

/// Who a line is with: the same name, type and identity number is the same party.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PartyKey {
    pub name: Box<str>,
    pub party_type: PartyType,
    /// Normalised identity or student number, if the line gave one.
    pub id_number: Option<Box<str>>,
}

/// One good line, compact: a million of them must fit in memory comfortably.
#[derive(Clone, Debug)]
pub struct ImportLine {
    pub line: u32,
    pub date: NaiveDate,
    pub kind: Kind,
    /// Index into `ImportFile::parties`.
    pub party: u32,
    pub fund: FundId,
    pub amount: Money,
    pub method: Method,
    /// Where the reference and the memo are in `ImportFile::text`.
    pub reference: Span,
    pub memo: Span,
}

/// A piece of `ImportFile::text`: a million small strings in one allocation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Span {
    start: u32,
    length: u32,
}

#[derive(Debug, Default)]
pub struct ImportFile {
    pub encoding: Option<Encoding>,
    pub lines: Vec<ImportLine>,
    /// The references and memos of `lines`, end to end.
    pub text: String,
    pub parties: Vec<PartyKey>,
    /// Bad lines in line order, the first `LINE_ERRORS_MAX` of them.
    pub errors: Vec<LineError>,
    /// Bad lines beyond those kept in `errors`.
    pub errors_more: usize,
    /// The file has no reference column: each line's reference was derived from it.
    pub derived_references: bool,
    /// Each of `IMPORT_COLUMNS` as the file's header names it (empty before reading).
    pub column_names: Vec<String>,
}

impl ImportFile {
    pub fn text(&self, span: Span) -> &str {
        let start = span.start as usize;
        &self.text[start..start + span.length as usize]
    }

    /// Names the columns of errors found while recording (which know lovefund's
    /// codes: `amount`) as the file's header does (`金额`).
    pub fn name_columns(&self, errors: &mut [LineError]) {
        for error in errors {
            let known = IMPORT_COLUMNS.iter().position(|c| *c == error.column);
            if let Some(name) = known.and_then(|i| self.column_names.get(i)) {
                error.column.clone_from(name);
            }
        }
    }

    fn keep(&mut self, text: &str) -> Result<Span> {
        let start =
            u32::try_from(self.text.len()).map_err(|_| Error::input(ImportMessage::TooMuchText))?;
        self.text.push_str(text);
        Ok(Span {
            start,
            length: text.len() as u32,
        })
    }

    /// Reports every reference used on more than one line, naming the line before
    /// it that used it. One pass with a hash map: sorting a million references by
    /// text took a third of the file's reading.
    fn check_duplicate_references(&self, errors: &mut LineErrors) {
        let mut last_line: HashMap<&str, u32> = HashMap::with_capacity(self.lines.len());
        let mut duplicates = Vec::new();
        for line in &self.lines {
            let reference = self.text(line.reference);
            if let Some(earlier) = last_line.insert(reference, line.line) {
                duplicates.push((line.line, earlier, reference));
            }
        }
        duplicates.sort();
        for (line, earlier, reference) in duplicates {
            let message = ImportMessage::DuplicateReference {
                reference: reference.into(),
                earlier: u64::from(earlier),
            };
            errors.push(u64::from(line), "reference", message);
        }
    }

    /// Reports the line at which the file's donations, or its disbursements, add up
    /// past the amount bound: the import's totals are printed, so they must fit.
    fn check_totals(&self, errors: &mut LineErrors) {
        let mut totals = [0i128; 2];
        for line in &self.lines {
            let donations = line.kind == Kind::Donation;
            let total = &mut totals[usize::from(!donations)];
            let before = *total;
            *total += line.amount.wide();
            if before <= i128::from(AMOUNT_FEN_MAX) && *total > i128::from(AMOUNT_FEN_MAX) {
                errors.push(
                    u64::from(line.line),
                    "amount",
                    ImportMessage::TotalTooLarge {
                        donations,
                        max: Money::from_fen(AMOUNT_FEN_MAX).grouped(),
                    },
                );
            }
        }
    }
}

const DATE: usize = 0;
const KIND: usize = 1;
const COUNTERPARTY: usize = 2;
const COUNTERPARTY_TYPE: usize = 3;
const PROGRAM: usize = 4;
const AMOUNT: usize = 5;
const METHOD: usize = 6;
const REFERENCE: usize = 7;
const MEMO: usize = 8;
const COUNTERPARTY_ID: usize = 9;

/// Where each of `IMPORT_COLUMNS` is in the file's lines (indexed by the constants above).
type Columns = ColumnMap<{ IMPORT_COLUMNS.len() }>;

/// The most rows above the header read as a title and skipped.
const TITLE_ROWS_MAX: usize = 5;

/// What the header says about a file's lines.
#[derive(Debug)]
struct Layout {
    columns: Columns,
    /// Each column's name as the file's header spells it (lovefund's code when the
    /// file has no such column), for the person reading a bad line.
    names: [String; IMPORT_COLUMNS.len()],
    /// The kind of every line, told by the counterparty's header (捐款人, 受助人)
    /// when the file has no kind column.
    kind: Option<Kind>,
}

impl Layout {
    /// Derived references: the file has no reference column.
    fn derives_references(&self) -> bool {
        !self.columns.has(REFERENCE)
    }
}

/// The layout from the header: every column an import column (in any of its
/// languages, see `words`) or one the import ignores, named once, and the required
/// ones all there. The reference is required only if the kind is (lovefund's own
/// layout); a sheet without one has each line's reference derived from it.
fn layout_from_header(
    header: &csv::StringRecord,
    line: u64,
    mapping: &SheetColumns,
) -> Result<Layout> {
    let cells: Vec<&str> = header.iter().collect();
    if let Some(header) = mapping.missing_in(&cells) {
        return Err(Error::input(ImportMessage::MappedColumnMissing {
            line,
            header: header.to_string(),
        }));
    }
    let mut columns = Columns::default();
    let mut names = IMPORT_COLUMNS.map(String::from);
    let mut kind_of_lines = None;
    let mut unknown: Vec<Quoted> = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let (column, kind) = match mapping.word(raw).or_else(|| header_word(raw)) {
            Some(HeaderWord::Column { column, kind }) => (column, kind),
            Some(HeaderWord::Ignored) => continue,
            None => {
                unknown.push(raw.into());
                continue;
            }
        };
        if !columns.place(column, i) {
            return Err(Error::input(ImportMessage::ColumnTwice {
                line,
                column: raw.trim().to_string(),
            }));
        }
        names[column] = raw.trim().trim_start_matches('\u{feff}').to_string();
        kind_of_lines = kind_of_lines.or(kind);
    }
    if !unknown.is_empty() {
        return Err(Error::input(ImportMessage::UnknownColumns {
            line,
            columns: unknown,
            required: IMPORT_REQUIRED.join(", "),
            optional: IMPORT_COLUMNS[IMPORT_REQUIRED_COUNT..].join(", "),
        }));
    }
    let kind = if columns.has(KIND) {
        None
    } else {
        kind_of_lines
    };
    let required = |c: usize| match c {
        KIND => kind.is_none(),
        REFERENCE => columns.has(KIND),
        _ => true,
    };
    let missing: Vec<&str> = (0..IMPORT_REQUIRED_COUNT)
        .filter(|c| required(*c) && !columns.has(*c))
        .map(|c| IMPORT_COLUMNS[c])
        .collect();
    if !missing.is_empty() {
        return Err(Error::input(ImportMessage::MissingColumns {
            line,
            columns: missing.join(", "),
        }));
    }
    Ok(Layout {
        columns,
        names,
        kind,
    })
}

/// Reads and checks the whole file: a workbook's first sheet, or a CSV or TSV text.
/// A bad header is an error; bad lines are collected in `errors`. `encoding` forces
/// a text's; `None` detects it (see `crate::input::encoding`).
pub fn read_file(
    path: &Path,
    encoding: Option<Encoding>,
    mapping: &SheetColumns,
    funds: &Funds,
    identity_key: &[u8],
) -> Result<ImportFile> {
    if is_workbook(path) {
        let mut rows = SheetRows::open(path)?;
        return read_rows(&mut rows, None, mapping, funds, identity_key);
    }
    let (encoding, decoder) = open_text(path, encoding)?;
    let mut source = Source::new(decoder)?;
    read_rows(&mut source, Some(encoding), mapping, funds, identity_key)
}

/// Reads and checks lines lovefund wrote itself in its own import layout (a bill's
/// gifts, `import --from`): the same checks as a file's.
pub fn read_text(text: String, funds: &Funds, identity_key: &[u8]) -> Result<ImportFile> {
    let mut source = Source::new(std::io::Cursor::new(text.into_bytes()))?;
    let mapping = SheetColumns::default();
    read_rows(
        &mut source,
        Some(Encoding::Utf8),
        &mapping,
        funds,
        identity_key,
    )
}

/// Reads and checks every row after the header (and any title rows above it).
fn read_rows(
    rows: &mut dyn Rows,
    encoding: Option<Encoding>,
    mapping: &SheetColumns,
    funds: &Funds,
    identity_key: &[u8],
) -> Result<ImportFile> {
    let mut errors = LineErrors::default();
    for _ in 0..TITLE_ROWS_MAX {
        if !is_title_row(rows.header()) || !rows.next_header(&mut errors) {
            break;
        }
    }
    let layout = layout_from_header(rows.header(), rows.header_line(), mapping)?;
    let width = rows.header().len();
    let mut out = ImportFile {
        encoding,
        derived_references: layout.derives_references(),
        column_names: layout.names.to_vec(),
        ..ImportFile::default()
    };
    let mut checker = LineChecker {
        funds,
        identity_key,
        layout: &layout,
        parties: HashMap::new(),
        key_buffer: String::new(),
        occurrences: HashMap::new(),
        total: Total::default(),
    };
    while let Some((line, record)) = rows.next_line(&mut errors) {
        if out.lines.len() >= IMPORT_LINES_MAX {
            return Err(Error::input(ImportMessage::TooManyLines {
                max: IMPORT_LINES_MAX as u64,
            }));
        }
        if checker.skips(line, record, &mut errors) {
            continue;
        }
        if record.len() != width {
            let reason = ImportMessage::FieldCount {
                found: record.len() as u64,
                header: width as u64,
            };
            errors.push(line, "-", reason);
            continue;
        }
        checker.check(line, record, &mut out, &mut errors);
    }
    out.check_duplicate_references(&mut errors);
    out.check_totals(&mut errors);
    (out.errors, out.errors_more) = errors.into_sorted();
    Ok(out)
}

/// A sheet's total row and what the rows above it add up to.
#[derive(Default)]
struct Total {
    /// The good lines' amounts so far, in fen.
    sum_fen: i128,
    /// A line was bad: the sum is not the sheet's, so a total is not checked.
    incomplete: bool,
    /// A total row was seen: rows after it without a date are notes (制表人 …).
    seen: bool,
}

/// What a field parser refuses a value with: the sentence for its column.
type FieldResult<T> = std::result::Result<T, Message>;

fn parse_date_field(text: &str) -> FieldResult<NaiveDate> {
    parse_file_date(text).ok_or_else(|| ImportMessage::NotADate { text: text.into() }.into())
}

fn parse_kind(text: &str) -> FieldResult<Kind> {
    kind_word(text).ok_or_else(|| {
        let text = text.to_lowercase();
        ImportMessage::NotAKind { text: text.into() }.into()
    })
}

/// A donation comes from a donor, a disbursement goes to a beneficiary; when the
/// kind is itself bad, any type is taken so the line reports only the kind.
fn parse_party_type(text: &str, kind: Option<Kind>) -> FieldResult<PartyType> {
    let Some(party_type) = party_type_word(text) else {
        return Err(ImportMessage::NotAPartyType { text: text.into() }.into());
    };
    match kind {
        Some(Kind::Donation) if party_type.role() != Role::Donor => {
            Err(ImportMessage::DonationFromBeneficiary {
                party_type: party_type.as_str().to_string(),
            }
            .into())
        }
        Some(Kind::Disbursement) if party_type.role() == Role::Donor => {
            Err(ImportMessage::DisbursementToDonor {
                party_type: party_type.as_str().to_string(),
            }
            .into())
        }
        _ => Ok(party_type),
    }
}

/// The counterparty's name; an anonymous donor's spellings (or none) all become
/// `ANONYMOUS_DONOR`, so they are one party.
fn parse_counterparty(text: &str, party_type: Option<PartyType>) -> FieldResult<&str> {
    let anonymous = is_anonymous_name(text) || is_anonymous_word(text);
    let name = if party_type == Some(PartyType::Anonymous) && anonymous {
        ANONYMOUS_DONOR
    } else {
        text
    };
    if name.is_empty() {
        return Err(ImportMessage::EmptyCounterparty.into());
    }
    if lost_a_character(name) {
        return Err(ImportMessage::NameLostCharacter { name: name.into() }.into());
    }
    check_text("counterparty", name, NAME_LENGTH_MAX)
        .and_then(|()| refuse_id_like("counterparty", name))
        .map_err(|e| reason_of(&e))?;
    Ok(name)
}

/// Whether a name holds a `?` beside a Chinese character (劉?, ?明) or is only
/// question marks: what Excel writes when a GBK save meets a character GBK lacks
/// (䶮, 𠮷). A `?` among Latin text (a URL) is the person's own.
fn lost_a_character(name: &str) -> bool {
    let chinese = |c: char| c as u32 >= 0x2E80 && !c.is_whitespace();
    let chars: Vec<char> = name.chars().collect();
    chars.iter().all(|c| *c == '?')
        || chars.windows(2).any(|pair| match pair {
            ['?', next] => chinese(*next),
            [before, '?'] => chinese(*before),
            _ => false,
        })
}

/// The fund a donation goes to, or the program a disbursement pays from (a bad
/// kind reads it as a fund).
fn parse_program(funds: &Funds, kind: Option<Kind>, text: &str) -> FieldResult<FundId> {
    if kind != Some(Kind::Disbursement)
        && is_unrestricted_word(text)
        && let Some(fund) = funds.unrestricted()
    {
        return Ok(fund.id);
    }
    let choices = |programs_only: bool| -> Vec<Choice> {
        funds
            .0
            .iter()
            .filter(|f| !programs_only || f.program_account.is_some())
            .map(|f| Choice {
                zh_hant: f.names.zh_hant.clone(),
                zh_hans: f.names.zh_hans.clone(),
                alias: f.alias.clone(),
            })
            .collect()
    };
    match kind {
        Some(Kind::Disbursement) => {
            operations::program(funds, "program", text).map_err(|_| ImportMessage::NotAProgram {
                text: text.into(),
                programs: choices(true),
            })
        }
        _ => operations::fund(funds, "program", text).map_err(|_| ImportMessage::NotAFund {
            text: text.into(),
            funds: choices(false),
        }),
    }
    .map(|fund| fund.id)
    .map_err(Message::from)
}

fn parse_amount(text: &str) -> FieldResult<Money> {
    Money::parse_file_positive(text).map_err(|e| {
        ImportMessage::BadAmount {
            text: text.into(),
            fault: amount_fault(e),
        }
        .into()
    })
}

fn parse_method(text: &str) -> FieldResult<Method> {
    method_word(text).ok_or_else(|| ImportMessage::NotAMethod { text: text.into() }.into())
}

/// The line's reference: what makes importing the same file twice add nothing.
fn parse_reference(text: &str) -> FieldResult<&str> {
    if text.is_empty() {
        return Err(ImportMessage::EmptyReference.into());
    }
    check_text("reference", text, REFERENCE_LENGTH_MAX).map_err(|e| reason_of(&e))?;
    Ok(text)
}

fn parse_memo(text: &str) -> FieldResult<&str> {
    check_text("memo", text, MEMO_LENGTH_MAX)
        .map(|()| text)
        .map_err(|e| reason_of(&e))
}

/// An identity or student number, upper-cased as `IdNumber` normalises it; `None`
/// when the field is empty. The hash is made again when the party is recorded.
fn parse_counterparty_id(text: &str, identity_key: &[u8]) -> FieldResult<Option<Box<str>>> {
    if text.is_empty() {
        return Ok(None);
    }
    IdNumber::new("counterparty_id", text, identity_key)
        .map(|_| Some(text.to_ascii_uppercase().into()))
        .map_err(|e| reason_of(&e))
}

/// A parsed field's value, or `None` with its reason in `errors` under its column
/// (named as the file's header names it).
fn take<T>(errors: &mut LineErrors, line: u64, name: &str, parsed: FieldResult<T>) -> Option<T> {
    parsed
        .map_err(|reason| errors.push(line, name, reason))
        .ok()
}

/// A line's reference derived from what it holds, for a sheet without a reference
/// column: its date, kind, counterparty and amount, and how many identical lines
/// came before it in the file (two equal gifts on one day are two lines), hashed
/// short. The same sheet imported again derives the same references, so it adds
/// nothing; a line whose name or amount was corrected derives a new one.
fn derived_reference(
    date: NaiveDate,
    kind: Kind,
    name: &str,
    amount: Money,
    occurrence: u32,
) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    let kind = match kind {
        Kind::Donation => "donation",
        Kind::Disbursement => "disbursement",
    };
    for part in [
        iso(date).as_str(),
        kind,
        name,
        &amount.plain(),
        &occurrence.to_string(),
    ] {
        hash.update(part.as_bytes());
        hash.update([0x1f]);
    }
    let digest = hash.finalize();
    format!(
        "{DERIVED_REFERENCE_PREFIX}{}",
        hex::encode(&digest[..DERIVED_REFERENCE_BYTES])
    )
}

/// What begins a derived reference (a sheet's line, S for 表).
pub const DERIVED_REFERENCE_PREFIX: &str = "S-";
/// Hash bytes in a derived reference: 48 bits, so a fund's lifetime of sheets
/// (millions of lines) meets a collision with odds below one in a million.
const DERIVED_REFERENCE_BYTES: usize = 6;

/// Identical lines so far: (date, kind, counterparty, amount in fen) → count.
type Occurrences = HashMap<(NaiveDate, Kind, Box<str>, i64), u32>;

struct LineChecker<'a> {
    funds: &'a Funds,
    identity_key: &'a [u8],
    layout: &'a Layout,
    /// "name␟type␟id number" → index into `ImportFile::parties`.
    parties: HashMap<String, u32>,
    key_buffer: String,
    occurrences: Occurrences,
    total: Total,
}

impl LineChecker<'_> {
    /// Whether a row is not data: a sheet's total row (checked against the lines
    /// above it when every one was good), a note below it (no date), or a row with
    /// nothing in the import's columns (a template's pre-numbered empty row).
    fn skips(&mut self, line: u64, record: &csv::StringRecord, errors: &mut LineErrors) -> bool {
        let columns = &self.layout.columns;
        if let Some(total) = total_row(record) {
            self.total.seen = true;
            let found = Money::parse_file_positive(columns.get(record, AMOUNT));
            if let (TotalRow::Total, Ok(found), false) = (total, found, self.total.incomplete)
                && found.wide() != self.total.sum_fen
            {
                let sum = Money::from_wide("total", self.total.sum_fen)
                    .map_or_else(|_| self.total.sum_fen.to_string(), Money::grouped);
                let reason = ImportMessage::TotalDiffers {
                    found: found.grouped(),
                    sum,
                };
                errors.push(line, &self.layout.names[AMOUNT], reason);
            }
            return true;
        }
        if self.total.seen && columns.get(record, DATE).is_empty() {
            return true;
        }
        (0..IMPORT_COLUMNS.len()).all(|c| columns.get(record, c).is_empty())
    }

    /// Checks every field of one line, so the person sees all its problems at once;
    /// a good line joins `out.lines`.
    fn check(
        &mut self,
        line: u64,
        record: &csv::StringRecord,
        out: &mut ImportFile,
        errors: &mut LineErrors,
    ) {
        let lines_before = out.lines.len();
        self.check_fields(line, record, out, errors);
        match out.lines.get(lines_before) {
            Some(good) => self.total.sum_fen += good.amount.wide(),
            None => self.total.incomplete = true,
        }
    }

    fn check_fields(
        &mut self,
        line: u64,
        record: &csv::StringRecord,
        out: &mut ImportFile,
        errors: &mut LineErrors,
    ) {
        let layout = self.layout;
        let columns = &layout.columns;
        let field = |column: usize| unguarded(columns.get(record, column));
        let name_of = |column: usize| layout.names[column].as_str();
        let date = take(errors, line, name_of(DATE), parse_date_field(field(DATE)));
        let kind = match layout.kind {
            Some(kind) => Some(kind),
            None => take(errors, line, name_of(KIND), parse_kind(field(KIND))),
        };
        let party_type = parse_party_type(field(COUNTERPARTY_TYPE), kind);
        let party_type = take(errors, line, name_of(COUNTERPARTY_TYPE), party_type);
        let name = parse_counterparty(field(COUNTERPARTY), party_type);
        let name = take(errors, line, name_of(COUNTERPARTY), name);
        let fund = parse_program(self.funds, kind, field(PROGRAM));
        let fund = take(errors, line, name_of(PROGRAM), fund);
        let amount = take(errors, line, name_of(AMOUNT), parse_amount(field(AMOUNT)));
        let method = take(errors, line, name_of(METHOD), parse_method(field(METHOD)));
        let reference = if layout.derives_references() {
            Some("")
        } else {
            take(
                errors,
                line,
                name_of(REFERENCE),
                parse_reference(field(REFERENCE)),
            )
        };
        let memo = take(errors, line, name_of(MEMO), parse_memo(field(MEMO)));
        let id_number = parse_counterparty_id(field(COUNTERPARTY_ID), self.identity_key);
        let id_number = take(errors, line, name_of(COUNTERPARTY_ID), id_number);
        // Every `None` above has pushed its error: the line is good only if none is.
        let (
            Some(date),
            Some(kind),
            Some(party_type),
            Some(name),
            Some(fund),
            Some(amount),
            Some(method),
            Some(reference),
            Some(memo),
            Some(id_number),
        ) = (
            date, kind, party_type, name, fund, amount, method, reference, memo, id_number,
        )
        else {
            return;
        };
        let derived;
        let reference = if layout.derives_references() {
            let key = (date, kind, Box::<str>::from(name), amount.fen());
            let occurrence = self.occurrences.entry(key).or_default();
            *occurrence += 1;
            derived = derived_reference(date, kind, name, amount, *occurrence);
            derived.as_str()
        } else {
            reference
        };
        let party = self.party(name, party_type, id_number, &mut out.parties);
        let (Ok(reference), Ok(memo)) = (out.keep(reference), out.keep(memo)) else {
            errors.push(line, "-", ImportMessage::LineTooLarge);
            return;
        };
        out.lines.push(ImportLine {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            date,
            kind,
            party,
            fund,
            amount,
            method,
            reference,
            memo,
        });
    }

    /// The index of the line's party in `parties`, added when it is new. Looked up
    /// without allocating: most lines name a known one.
    fn party(
        &mut self,
        name: &str,
        party_type: PartyType,
        id_number: Option<Box<str>>,
        parties: &mut Vec<PartyKey>,
    ) -> u32 {
        self.key_buffer.clear();
        self.key_buffer.push_str(name);
        self.key_buffer.push('\u{1f}');
        self.key_buffer.push_str(party_type.as_str());
        self.key_buffer.push('\u{1f}');
        self.key_buffer
            .push_str(id_number.as_deref().unwrap_or_default());
        if let Some(index) = self.parties.get(self.key_buffer.as_str()) {
            return *index;
        }
        let index = parties.len() as u32;
        self.parties.insert(self.key_buffer.clone(), index);
        parties.push(PartyKey {
            name: name.into(),
            party_type,
            id_number,
        });
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::message::{AmountFault, LedgerMessage};
    use crate::ledger::account::Names;
    use crate::ledger::fund::Fund;

    /// 非限定 (not a program) and 助學 (a program), as a fresh ledger has them.
    fn funds() -> Funds {
        let fund = |id, alias: &str, name: &str, en: &str, program: Option<&str>| Fund {
            id: FundId(id),
            alias: alias.into(),
            names: Names::new(name, name, en),
            restricted: program.is_some(),
            program_account: program.map(str::to_string),
        };
        Funds(vec![
            fund(1, "unrestricted", "非限定", "Unrestricted", None),
            fund(2, "study-aid", "助學", "Study aid", Some("5101.01")),
        ])
    }

    /// A fund as `funds()` has it, offered in a message.
    fn choice(alias: &str, name: &str) -> Choice {
        Choice {
            zh_hant: name.into(),
            zh_hans: name.into(),
            alias: alias.into(),
        }
    }

    #[test]
    fn date() {
        let march_1 = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        assert_eq!(parse_date_field("2022-03-01"), Ok(march_1));
        assert_eq!(parse_date_field("2022年3月1日"), Ok(march_1));
        assert_eq!(
            parse_date_field("2022/02/30"),
            Err(ImportMessage::NotADate {
                text: "2022/02/30".into()
            }
            .into())
        );
    }

    #[test]
    fn kind() {
        assert_eq!(parse_kind("Donation"), Ok(Kind::Donation));
        assert_eq!(parse_kind("DISBURSEMENT"), Ok(Kind::Disbursement));
        assert_eq!(
            parse_kind("Gift"),
            Err(ImportMessage::NotAKind {
                text: "gift".into()
            }
            .into())
        );
    }

    #[test]
    fn counterparty_type_fits_the_kind() {
        let donation = Some(Kind::Donation);
        let disbursement = Some(Kind::Disbursement);
        assert_eq!(parse_party_type("Person", donation), Ok(PartyType::Person));
        assert_eq!(parse_party_type("student", None), Ok(PartyType::Student));
        assert_eq!(
            parse_party_type("company", donation),
            Err(ImportMessage::NotAPartyType {
                text: "company".into()
            }
            .into())
        );
        assert_eq!(
            parse_party_type("student", donation),
            Err(ImportMessage::DonationFromBeneficiary {
                party_type: "student".into()
            }
            .into())
        );
        assert_eq!(
            parse_party_type("person", disbursement),
            Err(ImportMessage::DisbursementToDonor {
                party_type: "person".into()
            }
            .into())
        );
    }

    #[test]
    fn a_name_that_lost_a_character_to_gbk() {
        let person = Some(PartyType::Person);
        for lost in ["劉?", "?明", "王?明", "??"] {
            assert_eq!(
                parse_counterparty(lost, person),
                Err(ImportMessage::NameLostCharacter { name: lost.into() }.into()),
                "{lost}"
            );
        }
        for kept in ["Who? Ltd", "=HYPERLINK(\"http://e.example/?x=1\")"] {
            assert_eq!(parse_counterparty(kept, person), Ok(kept), "{kept}");
        }
    }

    #[test]
    fn counterparty() {
        let anonymous = Some(PartyType::Anonymous);
        assert_eq!(parse_counterparty("", anonymous), Ok(ANONYMOUS_DONOR));
        assert_eq!(
            parse_counterparty("anonymous", anonymous),
            Ok(ANONYMOUS_DONOR)
        );
        assert_eq!(
            parse_counterparty("張三", Some(PartyType::Person)),
            Ok("張三")
        );
        assert_eq!(
            parse_counterparty("", Some(PartyType::Person)),
            Err(ImportMessage::EmptyCounterparty.into())
        );
        assert_eq!(
            parse_counterparty("42", None),
            Err(LedgerMessage::NameIsNumber { name: "42".into() }.into())
        );
        assert_eq!(
            parse_counterparty(&"名".repeat(NAME_LENGTH_MAX + 1), None),
            Err(LedgerMessage::TooLong { max: 100 }.into())
        );
    }

    #[test]
    fn program_is_a_fund_for_a_donation_and_a_program_for_a_disbursement() {
        let funds = funds();
        assert_eq!(
            parse_program(&funds, Some(Kind::Donation), "非限定"),
            Ok(FundId(1))
        );
        assert_eq!(
            parse_program(&funds, Some(Kind::Disbursement), "study-aid"),
            Ok(FundId(2))
        );
        assert_eq!(
            parse_program(&funds, Some(Kind::Disbursement), "unrestricted"),
            Err(ImportMessage::NotAProgram {
                text: "unrestricted".into(),
                programs: vec![choice("study-aid", "助學")]
            }
            .into())
        );
        assert_eq!(
            parse_program(&funds, None, "助学金"),
            Err(ImportMessage::NotAFund {
                text: "助学金".into(),
                funds: vec![
                    choice("unrestricted", "非限定"),
                    choice("study-aid", "助學")
                ]
            }
            .into())
        );
    }

    #[test]
    fn amount() {
        assert_eq!(parse_amount("5000.00"), Ok(Money::from_fen(500_000)));
        assert_eq!(
            parse_amount("-5"),
            Err(ImportMessage::BadAmount {
                text: "-5".into(),
                fault: AmountFault::NotPositive
            }
            .into())
        );
        assert_eq!(
            parse_amount("10.005"),
            Err(ImportMessage::BadAmount {
                text: "10.005".into(),
                fault: AmountFault::TooManyDecimals
            }
            .into())
        );
    }

    #[test]
    fn method() {
        assert_eq!(parse_method("WeChat"), Ok(Method::Wechat));
        assert_eq!(
            parse_method("cheque"),
            Err(ImportMessage::NotAMethod {
                text: "cheque".into()
            }
            .into())
        );
    }

    #[test]
    fn reference() {
        assert_eq!(parse_reference("D-001"), Ok("D-001"));
        assert_eq!(
            parse_reference(""),
            Err(ImportMessage::EmptyReference.into())
        );
        assert_eq!(
            parse_reference("D\u{0}1"),
            Err(LedgerMessage::ControlInText.into())
        );
    }

    #[test]
    fn memo() {
        assert_eq!(parse_memo(""), Ok(""));
        assert_eq!(
            parse_memo(&"m".repeat(MEMO_LENGTH_MAX + 1)),
            Err(LedgerMessage::TooLong { max: 500 }.into())
        );
    }

    #[test]
    fn counterparty_id() {
        let key = [7u8; 32];
        assert_eq!(parse_counterparty_id("", &key), Ok(None));
        assert_eq!(
            parse_counterparty_id("11010519491231002x", &key),
            Ok(Some("11010519491231002X".into()))
        );
        assert_eq!(
            parse_counterparty_id("12", &key),
            Err(LedgerMessage::NotAnIdNumber { max: 32 }.into())
        );
    }

    #[test]
    fn a_bad_header_is_one_error_on_line_1() {
        let header = |cells: &[&str]| {
            layout_from_header(
                &csv::StringRecord::from(cells.to_vec()),
                1,
                &SheetColumns::default(),
            )
        };
        let required = IMPORT_REQUIRED.to_vec();
        assert!(header(&required).is_ok());
        let message = |cells: &[&str]| {
            header(cells)
                .unwrap_err()
                .refusal()
                .unwrap()
                .message
                .clone()
        };
        let mut twice = required.clone();
        twice.push("DATE");
        assert_eq!(
            message(&twice),
            ImportMessage::ColumnTwice {
                line: 1,
                column: "DATE".into()
            }
            .into()
        );
        assert_eq!(
            message(&["date", "kind"]),
            ImportMessage::MissingColumns {
                line: 1,
                columns: "counterparty, counterparty_type, program, amount, method, reference"
                    .into()
            }
            .into()
        );
        // Every unknown column is named at once.
        let mut unknown = required;
        unknown.push("note");
        unknown.push("colour");
        let Message::Import(ImportMessage::UnknownColumns { columns, .. }) = message(&unknown)
        else {
            panic!("not the unknown columns");
        };
        assert_eq!(columns, vec![Quoted::new("note"), Quoted::new("colour")]);
    }

    /// The lines after a quoted field that spans lines keep their true numbers, and
    /// every bad field of every line is reported in line order.
    #[test]
    fn reports_every_bad_line_at_its_true_line_number() {
        let text = "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n\
                    2022-03-01,donation,張三,person,非限定,100.00,bank,R1,\"two\nlines\"\n\
                    \n\
                    2022-03-02,gift,李四,person,非限定,-5,bank,R1,\n\
                    2022-03-03,donation,王五,person,非限定,5.00,bank,R1,ok\n\
                    2022-03-04,disbursement,小明,student,助學,8.00,cash,R4,ok\n";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("import.csv");
        std::fs::write(&path, text).unwrap();
        let file = read_file(&path, None, &SheetColumns::default(), &funds(), &[7u8; 32]).unwrap();
        let found: Vec<(u64, &str, &Message)> = file
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str(), &e.reason))
            .collect();
        let kind = ImportMessage::NotAKind {
            text: "gift".into(),
        };
        let amount = ImportMessage::BadAmount {
            text: "-5".into(),
            fault: AmountFault::NotPositive,
        };
        assert_eq!(
            found,
            vec![
                (2, "memo", &Message::from(LedgerMessage::ControlInText)),
                (5, "kind", &kind.into()),
                (5, "amount", &amount.into()),
            ]
        );
        let good: Vec<u32> = file.lines.iter().map(|l| l.line).collect();
        assert_eq!(good, vec![6, 7]);
        assert_eq!(file.parties.len(), 2);
        assert_eq!(file.text(file.lines[0].reference), "R1");
    }

    #[test]
    fn a_reference_used_twice_names_the_line_before() {
        let text = "date,kind,counterparty,counterparty_type,program,amount,method,reference\n\
                    2022-03-01,donation,張三,person,非限定,1.00,bank,R1\n\
                    2022-03-02,donation,張三,person,非限定,2.00,bank,R1\n";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("import.csv");
        std::fs::write(&path, text).unwrap();
        let file = read_file(&path, None, &SheetColumns::default(), &funds(), &[7u8; 32]).unwrap();
        assert_eq!(file.errors.len(), 1);
        assert_eq!(
            (file.errors[0].line, &file.errors[0].reason),
            (
                3,
                &ImportMessage::DuplicateReference {
                    reference: "R1".into(),
                    earlier: 2
                }
                .into()
            )
        );
        assert_eq!(
            file.parties.len(),
            1,
            "one party for the same name and type"
        );
    }
}
