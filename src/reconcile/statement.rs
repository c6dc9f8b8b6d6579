//! Reading a bank statement CSV: the columns `date,amount,reference,description`
//! (or a bank's own header names, mapped with `--columns`), UTF-8 with or without a
//! BOM or GBK/GB18030. Amounts are signed: positive is money into the account,
//! negative money out, by the strict grammar of [`Money::parse_signed`].
//!
//! Every bad line is reported (line, column, reason); a bad header or mapping is one
//! error. Columns the statement does not need are ignored, since a bank's export
//! carries many (balance, counter-account, branch). Not here: matching (see
//! `matching`) and anything that touches the ledger.

use crate::error::message::{Quoted, ReconcileMessage};
use crate::error::{Error, Result};
use crate::input::{
    ColumnMap, Encoding, LineError, LineErrors, Source, amount_fault, open_text, reason_of,
};
use crate::ledger::date::{iso, parse_date};
use crate::ledger::entry::{MEMO_LENGTH_MAX, REFERENCE_LENGTH_MAX, check_text};
use crate::ledger::money::Money;
use crate::ledger::reconciliation::StatementLine;
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

/// The most lines one statement may hold: decades of a busy fund's bank account. The
/// lines are not held (see `store::spill`); the bound keeps a mistaken file from
/// running for ever.
pub const STATEMENT_LINES_MAX: usize = 5_000_000;
/// The largest statement file read, in bytes (as UTF-8).
pub const STATEMENT_BYTES_MAX: u64 = 64 << 20;
/// The most header names an error message lists before it says "…".
const HEADER_NAMES_SHOWN_MAX: usize = 20;

/// A read statement: its good lines in file order and every bad one.
#[derive(Debug)]
pub struct Statement {
    pub encoding: Encoding,
    pub lines: Vec<StatementLine>,
    pub errors: Vec<LineError>,
    /// Bad lines beyond those kept in `errors`.
    pub errors_more: usize,
}

/// A statement read a line at a time: everything but its good lines, which went to
/// the reader's sink in file order as they were read.
#[derive(Debug)]
pub struct StatementRead {
    pub encoding: Encoding,
    pub errors: Vec<LineError>,
    /// Bad lines beyond those kept in `errors`.
    pub errors_more: usize,
}

/// Where a reader puts each good line.
pub type LineSink<'s> = dyn FnMut(StatementLine) -> Result<()> + 's;

/// Runs a streaming reader and keeps its lines: the whole statement at once.
pub fn collect(read: impl FnOnce(&mut LineSink<'_>) -> Result<StatementRead>) -> Result<Statement> {
    let mut lines = Vec::new();
    let read = read(&mut |line| {
        lines.push(line);
        Ok(())
    })?;
    Ok(Statement {
        encoding: read.encoding,
        lines,
        errors: read.errors,
        errors_more: read.errors_more,
    })
}

/// What the statement needs from each line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Date,
    Amount,
    Reference,
    Description,
    /// Money in, in a column of its own (收入金额, 贷方发生额); with `Out`.
    In,
    /// Money out, in a column of its own (支出金额, 借方发生额); with `In`.
    Out,
    /// Which way the amount went (借/贷, 收/支); with an unsigned `Amount`.
    Direction,
    /// The running balance (余额), which checks the statement itself.
    Balance,
    /// The other party (对方户名), added to the description.
    Counterparty,
}

/// How many fields a mapping may name.
const FIELDS: usize = 9;

impl Field {
    pub const ALL: [Field; FIELDS] = [
        Field::Date,
        Field::Amount,
        Field::Reference,
        Field::Description,
        Field::In,
        Field::Out,
        Field::Direction,
        Field::Balance,
        Field::Counterparty,
    ];
    /// The plain statement's fields (`date,amount,reference,description`).
    pub const PLAIN: [Field; 4] = [
        Field::Date,
        Field::Amount,
        Field::Reference,
        Field::Description,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Amount => "amount",
            Field::Reference => "reference",
            Field::Description => "description",
            Field::In => "in",
            Field::Out => "out",
            Field::Direction => "direction",
            Field::Balance => "balance",
            Field::Counterparty => "counterparty",
        }
    }

    fn parse(text: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(text))
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Which header names the statement's fields have: `date,amount,reference,description`
/// unless `--columns` says otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping {
    headers: [String; FIELDS],
    /// Whether `--columns` named the field; a named column must be present.
    named: [bool; FIELDS],
}

impl Default for ColumnMapping {
    fn default() -> Self {
        ColumnMapping {
            headers: Field::ALL.map(|f| f.name().to_string()),
            named: [false; FIELDS],
        }
    }
}

impl ColumnMapping {
    /// Parses the column map (`--columns` on the command line), e.g. `date=交易日期,amount=金額,reference=流水號,description=摘要`.
    /// Fields not named keep their own names as headers.
    pub fn parse(text: &str) -> Result<ColumnMapping> {
        if text.trim().is_empty() {
            return Err(columns_error(ReconcileMessage::MappingEmpty));
        }
        let mut mapping = ColumnMapping::default();
        for item in text.split(',') {
            let Some((field_text, header)) = item.split_once('=') else {
                return Err(columns_error(ReconcileMessage::MappingNotAPair {
                    item: item.trim().into(),
                }));
            };
            let (field_text, header) = (field_text.trim(), header.trim());
            let Some(field) = Field::parse(field_text) else {
                return Err(columns_error(ReconcileMessage::MappingNotAField {
                    text: field_text.into(),
                }));
            };
            mapping.set(field, header)?;
        }
        mapping.check_distinct()?;
        mapping.check_shape()?;
        Ok(mapping)
    }

    /// The amount is one signed column, one column and a direction, or a pair of
    /// in and out columns — never a mixture.
    fn check_shape(&self) -> Result<()> {
        let named = |f: Field| self.named[f.index()];
        let pair = named(Field::In) || named(Field::Out);
        let whole_pair = named(Field::In) && named(Field::Out);
        let mixed = named(Field::Amount) || named(Field::Direction);
        if pair && (!whole_pair || mixed) {
            return Err(columns_error(ReconcileMessage::MappingAmountShape));
        }
        Ok(())
    }

    /// The header `--columns` gave the field, if it named one.
    pub fn named(&self, field: Field) -> Option<&str> {
        self.named[field.index()].then(|| self.header(field))
    }

    /// Whether `--columns` names a field only a bank's own layout has (a pair of
    /// in and out columns, a direction, a balance or a counterparty).
    pub fn names_bank_fields(&self) -> bool {
        Field::ALL[Field::PLAIN.len()..]
            .iter()
            .any(|f| self.named[f.index()])
    }

    fn set(&mut self, field: Field, header: &str) -> Result<()> {
        let name = field.name();
        if header.is_empty() {
            return Err(columns_error(ReconcileMessage::MappingNoHeader {
                name: name.to_string(),
            }));
        }
        if self.named[field.index()] {
            return Err(columns_error(ReconcileMessage::MappingTwice {
                name: name.to_string(),
            }));
        }
        self.headers[field.index()] = header.to_string();
        self.named[field.index()] = true;
        Ok(())
    }

    fn check_distinct(&self) -> Result<()> {
        for (i, first) in Field::ALL.into_iter().enumerate() {
            for second in Field::ALL.into_iter().skip(i + 1) {
                let header = self.header(first);
                if header.eq_ignore_ascii_case(self.header(second)) {
                    return Err(columns_error(ReconcileMessage::MappingSameColumn {
                        first: first.name().to_string(),
                        second: second.name().to_string(),
                        header: header.into(),
                    }));
                }
            }
        }
        Ok(())
    }

    /// The header name the field is read from.
    pub fn header(&self, field: Field) -> &str {
        &self.headers[field.index()]
    }

    /// A field must be in the header when it is the date or amount, or `--columns`
    /// named it; an unnamed reference or description may be absent (then empty).
    fn required(&self, field: Field) -> bool {
        matches!(field, Field::Date | Field::Amount) || self.named[field.index()]
    }
}

/// Where each field is in the file's header.
struct Positions {
    index: ColumnMap<4>,
    /// Each field's header name as the file spells it, for error messages.
    names: [String; 4],
    width: usize,
}

impl Positions {
    fn locate(header: &csv::StringRecord, mapping: &ColumnMapping) -> Result<Positions> {
        let cells: Vec<&str> = header
            .iter()
            .map(|cell| cell.trim_start_matches('\u{feff}').trim())
            .collect();
        if cells.iter().all(|cell| cell.is_empty()) {
            return Err(columns_error(ReconcileMessage::NoHeader));
        }
        let mut positions = Positions {
            index: ColumnMap::default(),
            names: Field::PLAIN.map(|f| mapping.header(f).to_string()),
            width: cells.len(),
        };
        let mut missing = Vec::new();
        for field in Field::PLAIN {
            let wanted = mapping.header(field);
            let mut found = cells
                .iter()
                .enumerate()
                .filter(|(_, cell)| cell.eq_ignore_ascii_case(wanted));
            match (found.next(), found.next()) {
                (Some(_), Some(_)) => {
                    return Err(Error::input(ReconcileMessage::ColumnTwice {
                        column: wanted.into(),
                        name: field.name().to_string(),
                    }));
                }
                (Some((i, cell)), None) => {
                    positions.index.place(field.index(), i);
                    positions.names[field.index()] = (*cell).to_string();
                }
                (None, _) if mapping.required(field) => {
                    missing.push((wanted.into(), field.name().to_string()));
                }
                (None, _) => {}
            }
        }
        if !missing.is_empty() {
            return Err(columns_error(ReconcileMessage::MissingColumns {
                missing,
                columns: cells
                    .iter()
                    .take(HEADER_NAMES_SHOWN_MAX)
                    .map(|cell| Quoted::new(cell))
                    .collect(),
                more: cells.len() > HEADER_NAMES_SHOWN_MAX,
            }));
        }
        Ok(positions)
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, field: Field) -> &'r str {
        self.index.get(record, field.index())
    }

    fn name(&self, field: Field) -> &str {
        &self.names[field.index()]
    }
}

/// Reads and checks a whole statement. A bad header is an error; bad lines are
/// collected in `Statement::errors`, in line order — a line dated after `as_of` among
/// them, since the reconciliation would count it. `encoding` forces one; `None`
/// detects UTF-8, else GB18030 (which reads GBK).
pub fn read_statement(
    path: &Path,
    encoding: Option<Encoding>,
    mapping: &ColumnMapping,
    as_of: NaiveDate,
) -> Result<Statement> {
    collect(|sink| read_statement_lines(path, encoding, mapping, as_of, sink))
}

/// `read_statement` a line at a time: each good line goes to `sink` as it is read.
/// The text is decoded once first, to refuse a file that is not text or too large
/// as a whole, before any line is read.
pub fn read_statement_lines(
    path: &Path,
    encoding: Option<Encoding>,
    mapping: &ColumnMapping,
    as_of: NaiveDate,
    sink: &mut LineSink<'_>,
) -> Result<StatementRead> {
    check_text_whole(path, encoding)?;
    let (encoding, text) = open_text(path, encoding)?;
    let mut source = Source::new(text)?;
    let positions = Positions::locate(source.header(), mapping)?;
    let mut errors = LineErrors::default();
    let mut records = 0usize;
    while let Some((line, record)) = source.next_line(&mut errors) {
        records += 1;
        if records > STATEMENT_LINES_MAX {
            return Err(Error::input(ReconcileMessage::TooManyLines {
                max: STATEMENT_LINES_MAX as u64,
            }));
        }
        if let Some(good) = check_line(line, record, &positions, as_of, &mut errors) {
            sink(good)?;
        }
    }
    let (errors, errors_more) = errors.into_sorted();
    Ok(StatementRead {
        encoding,
        errors,
        errors_more,
    })
}

/// Decodes the whole file without keeping it: a byte that is not text, or more than
/// `STATEMENT_BYTES_MAX` as UTF-8, refuses the statement as a whole.
fn check_text_whole(path: &Path, encoding: Option<Encoding>) -> Result<()> {
    let (_, text) = open_text(path, encoding)?;
    let read = std::io::copy(
        &mut text.take(STATEMENT_BYTES_MAX + 1),
        &mut std::io::sink(),
    )
    .map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::Read {
                path: path.display().to_string(),
            },
            e,
        )
    })?;
    if read > STATEMENT_BYTES_MAX {
        return Err(Error::input(ReconcileMessage::TooLarge {
            path: path.display().to_string(),
            mib: STATEMENT_BYTES_MAX >> 20,
        }));
    }
    Ok(())
}

/// Checks one line: the good line, or `None` with each bad field in `errors`.
fn check_line(
    line: u64,
    record: &csv::StringRecord,
    positions: &Positions,
    as_of: NaiveDate,
    errors: &mut LineErrors,
) -> Option<StatementLine> {
    if record.len() != positions.width {
        let reason = ReconcileMessage::FieldCount {
            found: record.len() as u64,
            header: positions.width as u64,
        };
        errors.push(line, "-", reason);
        return None;
    }
    let bad_before = errors.count();
    let field = |f: Field| positions.get(record, f);
    let date_name = positions.name(Field::Date);
    let date = parse_date(date_name, field(Field::Date))
        .map_err(|_| {
            let text = field(Field::Date).into();
            errors.push(line, date_name, ReconcileMessage::NotADate { text })
        })
        .ok()
        .filter(|date| {
            let counted = *date <= as_of;
            if !counted {
                errors.push(line, date_name, after_as_of(*date, as_of));
            }
            counted
        });
    let amount_name = positions.name(Field::Amount);
    let amount = parse_amount(field(Field::Amount))
        .map_err(|reason| errors.push(line, amount_name, reason))
        .ok();
    for (f, length_max) in [
        (Field::Reference, REFERENCE_LENGTH_MAX),
        (Field::Description, MEMO_LENGTH_MAX),
    ] {
        let name = positions.name(f);
        if let Err(e) = check_text(name, field(f), length_max) {
            errors.push(line, name, reason_of(&e));
        }
    }
    let (Some(date), Some(amount)) = (date, amount) else {
        return None;
    };
    (errors.count() == bad_before).then(|| StatementLine {
        line,
        date,
        amount,
        reference: field(Field::Reference).to_string(),
        description: field(Field::Description).to_string(),
    })
}

/// Why a line dated after the reconciliation's date is refused, and what to do.
fn after_as_of(date: NaiveDate, as_of: NaiveDate) -> ReconcileMessage {
    ReconcileMessage::AfterAsOf {
        date: iso(date),
        as_of: iso(as_of),
    }
}

/// The statement's fingerprint for "recorded already": the SHA-256 of its lines in a
/// canonical form — date, amount in fen, reference and description of each, sorted —
/// so a copy that differs only in line endings, a BOM, blank lines, spaces around a
/// field, quoting, column order or extra columns is the same statement. (Fields hold
/// no control characters, so the separators cannot be forged.)
pub fn lines_sha256(lines: &[StatementLine]) -> String {
    let mut canonical: Vec<String> = lines.iter().map(canonical).collect();
    canonical.sort_unstable();
    let mut digest = LinesDigest::new();
    for line in &canonical {
        digest.add(line);
    }
    digest.finish()
}

/// A line in the canonical form `lines_sha256` hashes (sorted, as bytes).
pub fn canonical(line: &StatementLine) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\n",
        iso(line.date),
        line.amount.fen(),
        line.reference,
        line.description
    )
}

/// `lines_sha256` of canonical lines given one at a time, already sorted.
pub struct LinesDigest(Sha256);

impl Default for LinesDigest {
    fn default() -> Self {
        LinesDigest::new()
    }
}

impl LinesDigest {
    pub fn new() -> LinesDigest {
        let mut hasher = Sha256::new();
        hasher.update(b"lovefund statement lines v1\n");
        LinesDigest(hasher)
    }

    pub fn add(&mut self, canonical: &str) {
        self.0.update(canonical.as_bytes());
    }

    pub fn finish(self) -> String {
        hex::encode(self.0.finalize())
    }
}

/// A statement amount: signed, and never zero (a line moves money). `name` is the
/// column's header as the file spells it.
fn parse_amount(text: &str) -> std::result::Result<Money, ReconcileMessage> {
    match Money::parse_signed(text) {
        Ok(amount) if amount.is_zero() => Err(ReconcileMessage::AmountZero { text: text.into() }),
        Ok(amount) => Ok(amount),
        Err(e) => Err(ReconcileMessage::BadAmount {
            text: text.into(),
            fault: amount_fault(e),
        }),
    }
}

/// A refusal of the column map; the front end names the field.
fn columns_error(message: ReconcileMessage) -> Error {
    Error::input_in(crate::error::Field::Columns, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::message::AmountFault;
    use chrono::NaiveDate;

    fn write(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("statement.csv");
        std::fs::write(&path, bytes).unwrap();
        (dir, path)
    }

    fn read(bytes: &[u8], encoding: Option<Encoding>, mapping: &ColumnMapping) -> Statement {
        let (_dir, path) = write(bytes);
        read_statement(&path, encoding, mapping, NaiveDate::MAX).unwrap()
    }

    fn read_err(bytes: &[u8], mapping: &ColumnMapping) -> String {
        let (_dir, path) = write(bytes);
        read_statement(&path, None, mapping, NaiveDate::MAX)
            .unwrap_err()
            .to_string()
    }

    fn date(text: &str) -> NaiveDate {
        parse_date("test", text).unwrap()
    }

    const CHINESE_COLUMNS: &str = "date=交易日期,amount=金額,reference=流水號,description=摘要";

    #[test]
    fn the_lines_digest_ignores_layout_but_not_content() {
        let line = |n: u64, day: &str, fen: i64, reference: &str| StatementLine {
            line: n,
            date: date(day),
            amount: Money::from_fen(fen),
            reference: reference.into(),
            description: "x".into(),
        };
        let one = [
            line(2, "2022-03-01", 100, "A"),
            line(3, "2022-03-02", -5, ""),
        ];
        let moved = [
            line(9, "2022-03-02", -5, ""),
            line(4, "2022-03-01", 100, "A"),
        ];
        assert_eq!(lines_sha256(&one), lines_sha256(&moved));
        for other in [
            [
                line(2, "2022-03-01", 101, "A"),
                line(3, "2022-03-02", -5, ""),
            ],
            [
                line(2, "2022-03-01", 100, "B"),
                line(3, "2022-03-02", -5, ""),
            ],
            [
                line(2, "2022-03-01", 100, "A"),
                line(3, "2022-03-03", -5, ""),
            ],
        ] {
            assert_ne!(lines_sha256(&one), lines_sha256(&other));
        }
        assert_ne!(lines_sha256(&one), lines_sha256(&one[..1]));
    }

    #[test]
    fn reads_utf8_with_bom_and_ignores_extra_columns() {
        let text = "\u{feff}date,amount,balance,reference,description\n\
                    2022-03-01,50000.00,150000.00,D2022-001,愛心捐款\n\
                    \n\
                    2022-03-31,-15,149985.00,,\"手續費, 3月\"\n";
        let statement = read(text.as_bytes(), None, &ColumnMapping::default());
        assert_eq!(statement.encoding, Encoding::Utf8);
        assert!(statement.errors.is_empty(), "{:?}", statement.errors);
        assert_eq!(
            statement.lines,
            vec![
                StatementLine {
                    line: 2,
                    date: date("2022-03-01"),
                    amount: Money::from_fen(5_000_000),
                    reference: "D2022-001".into(),
                    description: "愛心捐款".into(),
                },
                StatementLine {
                    line: 4,
                    date: date("2022-03-31"),
                    amount: Money::from_fen(-1_500),
                    reference: String::new(),
                    description: "手續費, 3月".into(),
                },
            ]
        );
    }

    #[test]
    fn reads_a_gbk_statement_detected_or_forced() {
        let text = "交易日期,金額,流水號,摘要,對方戶名\n\
                    2022-03-01,3000.00,GB-001,助學款退回,李同學\n\
                    2022-03-02,-5.00,,手續費,\n";
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
        assert!(!unmappable);
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "the test needs non-UTF-8 bytes"
        );
        let mapping = ColumnMapping::parse(CHINESE_COLUMNS).unwrap();
        for encoding in [None, Some(Encoding::Gb18030)] {
            let statement = read(&bytes, encoding, &mapping);
            assert_eq!(statement.encoding, Encoding::Gb18030);
            assert!(statement.errors.is_empty(), "{:?}", statement.errors);
            assert_eq!(statement.lines.len(), 2);
            assert_eq!(statement.lines[0].description, "助學款退回");
            assert_eq!(statement.lines[0].reference, "GB-001");
            assert_eq!(statement.lines[1].amount, Money::from_fen(-500));
        }
        // Forced UTF-8 on GBK bytes: the header itself is not text.
        let (_dir, path) = write(&bytes);
        let error =
            read_statement(&path, Some(Encoding::Utf8), &mapping, NaiveDate::MAX).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("line: 1, byte: 0, replacement: false }, encoding: \"UTF-8\""),
            "{error}"
        );
    }

    #[test]
    fn maps_a_banks_chinese_headers() {
        let mapping = ColumnMapping::parse(
            " date = 交易日期 , AMOUNT=金額,reference=流水號,description=摘要",
        )
        .unwrap();
        assert_eq!(mapping.header(Field::Date), "交易日期");
        assert_eq!(mapping.header(Field::Amount), "金額");
        assert_eq!(mapping.header(Field::Reference), "流水號");
        assert_eq!(mapping.header(Field::Description), "摘要");
        let text = "帳號,交易日期,摘要,金額,餘額,流水號\n\
                    6222,2022-03-05,轉帳捐款,1200.50,101200.50,BK20220305001\n";
        let statement = read(text.as_bytes(), None, &mapping);
        assert!(statement.errors.is_empty(), "{:?}", statement.errors);
        let line = &statement.lines[0];
        assert_eq!(line.date, date("2022-03-05"));
        assert_eq!(line.amount, Money::from_fen(120_050));
        assert_eq!(line.reference, "BK20220305001");
        assert_eq!(line.description, "轉帳捐款");
        // A partial mapping keeps the other fields' own names.
        let partial = ColumnMapping::parse("amount=金額").unwrap();
        assert_eq!(partial.header(Field::Date), "date");
    }

    #[test]
    fn every_bad_mapping_names_the_column() {
        let cases = [
            ("", "MappingEmpty"),
            (
                "date:交易日期",
                "MappingNotAPair { item: Quoted { shown: \"date:交易日期\"",
            ),
            (
                "money=金額",
                "MappingNotAField { text: Quoted { shown: \"money\"",
            ),
            ("amount=", "MappingNoHeader { name: \"amount\" }"),
            (
                "amount=金額,amount=發生額",
                "MappingTwice { name: \"amount\" }",
            ),
            (
                "date=日期,amount=日期",
                "first: \"date\", second: \"amount\", header: Quoted { shown: \"日期\"",
            ),
            (
                "date=amount",
                "first: \"date\", second: \"amount\", header: Quoted { shown: \"amount\"",
            ),
            (
                "date=交易日期,",
                "MappingNotAPair { item: Quoted { shown: \"\"",
            ),
        ];
        for (text, want) in cases {
            let error = ColumnMapping::parse(text).unwrap_err().to_string();
            assert!(error.contains(want), "{text:?}: {error}");
        }
    }

    #[test]
    fn every_bad_header_names_the_column() {
        let mapping = ColumnMapping::parse(CHINESE_COLUMNS).unwrap();
        let error = read_err("交易日,金額,流水號,摘要\n".as_bytes(), &mapping);
        assert!(
            error.contains("missing: [(Quoted { shown: \"交易日期\", chars: 4 }, \"date\")]"),
            "{error}"
        );
        assert!(
            error.contains("shown: \"交易日\", chars: 3 }, Quoted { shown: \"金額\""),
            "{error}"
        );
        let error = read_err("交易日期,金額,金額,流水號,摘要\n".as_bytes(), &mapping);
        assert!(
            error.contains(
                "ColumnTwice { column: Quoted { shown: \"金額\", chars: 2 }, name: \"amount\" }"
            ),
            "{error}"
        );
        let error = read_err(b"", &ColumnMapping::default());
        assert!(error.contains("NoHeader"), "{error}");
        let error = read_err(b"Date,Description\n", &ColumnMapping::default());
        assert!(
            error.contains("(Quoted { shown: \"amount\", chars: 6 }, \"amount\")"),
            "{error}"
        );
        // A named reference must be there; an unnamed one may be absent.
        let named = ColumnMapping::parse("reference=流水號").unwrap();
        let error = read_err(b"date,amount\n", &named);
        assert!(
            error.contains("(Quoted { shown: \"流水號\", chars: 3 }, \"reference\")"),
            "{error}"
        );
        let statement = read(
            b"DATE,Amount\n2022-03-01,1.00\n",
            None,
            &ColumnMapping::default(),
        );
        assert_eq!(statement.lines[0].reference, "");
    }

    #[test]
    fn reports_every_bad_line() {
        let mapping = ColumnMapping::parse(CHINESE_COLUMNS).unwrap();
        let long_reference = "R".repeat(REFERENCE_LENGTH_MAX + 1);
        let text = format!(
            "交易日期,金額,流水號,摘要\n\
             2022-03-01,100.00,A1,good\n\
             2022/03/02,1,000.00,A2,bad date and a comma in the amount\n\
             2022-03-03,10.005,A3,too many decimals\n\
             2022-03-04,0.00,A4,zero\n\
             2022-02-30,+5,A5,bad date and a plus sign\n\
             2022-03-06,1e5,{long_reference},exponent and a long reference\n\
             2022-03-07,-20.00,A7,good\n"
        );
        let statement = read(text.as_bytes(), None, &mapping);
        let found: Vec<(u64, &str)> = statement
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, "-"),
                (4, "金額"),
                (5, "金額"),
                (6, "交易日期"),
                (6, "金額"),
                (7, "金額"),
                (7, "流水號"),
            ]
        );
        let reasons: Vec<String> = statement
            .errors
            .iter()
            .map(|e| format!("{:?}", e.reason))
            .collect();
        assert!(
            reasons[0].contains("FieldCount { found: 5, header: 4 }"),
            "{}",
            reasons[0]
        );
        assert!(reasons[1].contains("\"10.005\", chars: 6 }, fault: TooManyDecimals"));
        assert!(reasons[2].contains("AmountZero { text: Quoted { shown: \"0.00\""));
        assert!(reasons[3].contains("NotADate { text: Quoted { shown: \"2022-02-30\""));
        assert!(reasons[4].contains("\"+5\", chars: 2 }, fault: Syntax"));
        assert!(reasons[6].contains("TooLong { max: 100 }"));
        let good: Vec<u64> = statement.lines.iter().map(|l| l.line).collect();
        assert_eq!(good, vec![2, 8]);
        assert_eq!(statement.errors_more, 0);
    }

    #[test]
    fn a_bad_amount_is_named_by_its_column_with_the_exact_reason() {
        assert_eq!(parse_amount("-1200.50"), Ok(Money::from_fen(-120_050)));
        let bad = |text: &str, fault| ReconcileMessage::BadAmount {
            text: text.into(),
            fault,
        };
        let cases = [
            (
                "0.00",
                ReconcileMessage::AmountZero {
                    text: "0.00".into(),
                },
            ),
            ("+5", bad("+5", AmountFault::Syntax)),
            ("10.005", bad("10.005", AmountFault::TooManyDecimals)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_amount(text), Err(want), "{text:?}");
        }
    }

    /// Regression: the csv crate's own line numbers are one too low after a blank
    /// line and after every CRLF (rust-csv#208, #395).
    #[test]
    fn line_numbers_count_crlf_blank_lines_and_quoted_newlines() {
        let mut bytes = b"date,amount,reference,description\r\n\
            2022-03-01,1.00,A1,ok\r\n\
            \r\n\
            \r\n\
            2022-03-02,x,A2,bad amount on line 5\r\n\
            2022-03-03,2.00,A3,\"two\r\nlines\"\r\n\
            2022-03-04,y,A4,bad amount on line 8\r\n"
            .to_vec();
        bytes.extend_from_slice(b"2022-03-05,3.00,A5,ok\r\n2022-03-06,4.00,A6,ok\r\n");
        let statement = read(&bytes, Some(Encoding::Utf8), &ColumnMapping::default());
        let found: Vec<(u64, &str)> = statement
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![(5, "amount"), (6, "description"), (8, "amount")]
        );
        let good: Vec<u64> = statement.lines.iter().map(|l| l.line).collect();
        assert_eq!(good, vec![2, 9, 10]);
        // A byte that is not text refuses the whole statement, naming its line.
        bytes.extend_from_slice(b"2022-03-07,5.00,A7,\xff\xfe\r\n");
        let (_dir, path) = write(&bytes);
        let error = read_statement(
            &path,
            Some(Encoding::Utf8),
            &ColumnMapping::default(),
            NaiveDate::MAX,
        );
        let error = error.unwrap_err().to_string();
        assert!(error.contains("line: 11, byte: "), "{error}");
    }
}
