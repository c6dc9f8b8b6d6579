//! Reading and checking the import CSV: encoding (UTF-8 with or without BOM, or
//! GBK/GB18030 as Excel writes it on a Chinese system), the header, and each line.
//! Pure apart from reading the file: programs are resolved against the given funds.

use super::{IMPORT_LINES_MAX, LINE_ERRORS_MAX};
use crate::error::{Error, Result};
use crate::ledger::account::NAME_LENGTH_MAX;
use crate::ledger::date::parse_date;
use crate::ledger::entry::{MEMO_LENGTH_MAX, REFERENCE_LENGTH_MAX, check_text};
use crate::ledger::fund::{FundId, Funds};
use crate::ledger::money::Money;
use crate::ledger::operations;
use crate::ledger::party::{IdNumber, Method, PartyType, is_anonymous_name};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

impl Encoding {
    pub fn parse(text: &str) -> Result<Encoding> {
        match text.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "cp936" => Ok(Encoding::Gb18030),
            _ => Err(Error::input(format!(
                "--encoding {text:?} is not supported; use utf-8 or gbk"
            ))),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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

/// Keeps the first `LINE_ERRORS_MAX` bad lines in full and counts the rest.
pub(crate) fn push_line_error(
    errors: &mut Vec<LineError>,
    more: &mut usize,
    line: u64,
    column: &str,
    reason: String,
) {
    if errors.len() < LINE_ERRORS_MAX {
        errors.push(LineError {
            line,
            column: column.to_string(),
            reason,
        });
    } else {
        *more += 1;
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct LineError {
    pub line: u64,
    pub column: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct ImportFile {
    pub encoding: Option<Encoding>,
    pub lines: Vec<ImportLine>,
    /// The references and memos of `lines`, end to end.
    pub text: String,
    pub parties: Vec<PartyKey>,
    pub errors: Vec<LineError>,
    /// Bad lines beyond those kept in `errors`.
    pub errors_more: usize,
}

impl ImportFile {
    pub fn text(&self, span: Span) -> &str {
        let start = span.start as usize;
        &self.text[start..start + span.length as usize]
    }

    fn keep(&mut self, text: &str) -> Result<Span> {
        let start = u32::try_from(self.text.len()).map_err(|_| {
            Error::input("the file holds more text than one import can take; split it")
        })?;
        self.text.push_str(text);
        Ok(Span {
            start,
            length: text.len() as u32,
        })
    }

    /// Reports every reference used on more than one line, naming the line before
    /// it that used it. One pass with a hash map: sorting a million references by
    /// text took a third of the file's reading.
    fn check_duplicate_references(&mut self) {
        let mut last_line: HashMap<&str, u32> = HashMap::with_capacity(self.lines.len());
        let mut duplicates = Vec::new();
        for line in &self.lines {
            let reference = self.text(line.reference);
            if let Some(earlier) = last_line.insert(reference, line.line) {
                duplicates.push((line.line, earlier, reference.to_string()));
            }
        }
        duplicates.sort();
        for (line, earlier, reference) in duplicates {
            self.push_error(u64::from(line), "reference", format!(
                "reference {reference:?} is also on line {earlier}; each line needs its own reference"
            ));
        }
    }

    pub fn push_error(&mut self, line: u64, column: &str, reason: String) {
        push_line_error(
            &mut self.errors,
            &mut self.errors_more,
            line,
            column,
            reason,
        );
    }
}

/// The import's columns: the first `REQUIRED_COUNT` are required (`export --format
/// import-csv` writes those in this order, then `memo`).
const COLUMNS: [&str; 10] = [
    "date",
    "kind",
    "counterparty",
    "counterparty_type",
    "program",
    "amount",
    "method",
    "reference",
    "memo",
    "counterparty_id",
];
const REQUIRED_COUNT: usize = 8;
/// The required columns' names.
pub(crate) const REQUIRED: &[&str] = COLUMNS.as_slice().split_at(REQUIRED_COUNT).0;
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

/// Where each of `COLUMNS` is in the file's lines, if it is there: found once from
/// the header, so reading a field costs no lookup by name.
struct Columns {
    position: [Option<usize>; COLUMNS.len()],
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Result<Columns> {
        let mut position = [None; COLUMNS.len()];
        for (i, raw) in header.iter().enumerate() {
            let name = raw
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            let Some(known) = COLUMNS.iter().position(|c| *c == name) else {
                return Err(Error::input(format!(
                    "line 1: column {raw:?} is not an import column; the columns are {} (required) \
                     and {} (optional) — remove or rename it",
                    REQUIRED.join(", "),
                    COLUMNS[REQUIRED_COUNT..].join(", ")
                )));
            };
            if position[known].replace(i).is_some() {
                return Err(Error::input(format!(
                    "line 1: column {:?} appears twice; keep one",
                    COLUMNS[known]
                )));
            }
        }
        let missing: Vec<&str> = (0..REQUIRED_COUNT)
            .filter(|c| position[*c].is_none())
            .map(|c| COLUMNS[c])
            .collect();
        if !missing.is_empty() {
            return Err(Error::input(format!(
                "line 1: the header lacks the required column(s) {}; the first row must name the columns",
                missing.join(", ")
            )));
        }
        Ok(Columns { position })
    }

    /// The field of `column` (one of the constants above), trimmed; "" if absent.
    fn get<'r>(&self, record: &'r csv::StringRecord, column: usize) -> &'r str {
        self.position[column]
            .and_then(|i| record.get(i))
            .unwrap_or("")
            .trim()
    }
}

/// Whether the file is valid UTF-8, read in chunks so a large file is not held whole.
fn is_utf8(path: &Path) -> Result<bool> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let mut buffer = vec![0u8; 1 << 20];
    let mut carry = 0usize;
    loop {
        let n = file
            .read(&mut buffer[carry..])
            .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
        if n == 0 {
            return Ok(carry == 0);
        }
        let filled = carry + n;
        match std::str::from_utf8(&buffer[..filled]) {
            Ok(_) => carry = 0,
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buffer.copy_within(valid..filled, 0);
                carry = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// Opens a CSV file as UTF-8 text: in the encoding given, or else UTF-8 when the bytes
/// are valid UTF-8 and GB18030 (which covers GBK) when not. A UTF-8 BOM is skipped.
pub(crate) fn open_text(
    path: &Path,
    encoding: Option<Encoding>,
) -> Result<(Encoding, Box<dyn Read>)> {
    let encoding = match encoding {
        Some(e) => e,
        None if is_utf8(path)? => Encoding::Utf8,
        None => Encoding::Gb18030,
    };
    let file = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let mut buffered = std::io::BufReader::with_capacity(1 << 16, file);
    let starts_with_bom = std::io::BufRead::fill_buf(&mut buffered)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?
        .starts_with(b"\xEF\xBB\xBF");
    if starts_with_bom {
        std::io::BufRead::consume(&mut buffered, 3);
    }
    let decoder: Box<dyn Read> = match encoding {
        Encoding::Utf8 => Box::new(buffered),
        Encoding::Gb18030 => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::GB18030))
                .bom_sniffing(false)
                .build(buffered),
        ),
    };
    Ok((encoding, decoder))
}

/// Reads and checks the whole file. A bad header is an error; bad lines are
/// collected in `errors`.
pub fn read_file(
    path: &Path,
    encoding: Option<Encoding>,
    funds: &Funds,
    identity_key: &[u8],
) -> Result<ImportFile> {
    let (encoding, decoder) = open_text(path, encoding)?;
    let (decoder, lines) = super::lines::tap(decoder);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(decoder);
    let header = reader.headers().map_err(|e| csv_error(&e))?.clone();
    let columns = Columns::from_header(&header)?;
    let mut out = ImportFile {
        encoding: Some(encoding),
        ..ImportFile::default()
    };
    let mut checker = LineChecker {
        funds,
        identity_key,
        parties: HashMap::new(),
        keys: Vec::new(),
        key_buffer: String::new(),
    };
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = lines.line_at(e.position());
                out.push_error(
                    line,
                    "-",
                    format!("{}; fix the CSV quoting or encoding", csv_error_text(&e)),
                );
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = lines.line_at(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if out.lines.len() >= IMPORT_LINES_MAX {
            return Err(Error::input(format!(
                "the file has more than {IMPORT_LINES_MAX} lines; split it into several imports"
            )));
        }
        if record.len() != header.len() {
            out.push_error(
                line,
                "-",
                format!(
                    "the line has {} fields but the header has {}",
                    record.len(),
                    header.len()
                ),
            );
            continue;
        }
        checker.check(line, &record, &columns, &mut out);
    }
    out.check_duplicate_references();
    out.errors.sort_by_key(|e| e.line);
    out.parties = checker.keys;
    Ok(out)
}

pub(crate) fn csv_error_text(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "the line is not valid text in the file's encoding".to_string()
        }
        _ => format!("the line cannot be read as CSV ({e})"),
    }
}

fn csv_error(e: &csv::Error) -> Error {
    Error::input(format!("line 1: {}", csv_error_text(e)))
}

struct LineChecker<'a> {
    funds: &'a Funds,
    identity_key: &'a [u8],
    /// "name␟type␟id number" → index into `keys`.
    parties: HashMap<String, u32>,
    keys: Vec<PartyKey>,
    key_buffer: String,
}

impl LineChecker<'_> {
    fn check(
        &mut self,
        line: u64,
        record: &csv::StringRecord,
        columns: &Columns,
        out: &mut ImportFile,
    ) {
        let bad_before = out.errors.len() + out.errors_more;
        let mut bad = |column: &str, reason: String| out.push_error(line, column, reason);
        let field = |column: usize| columns.get(record, column);

        let date = parse_date("date", field(DATE))
            .map_err(|e| bad("date", e.to_string()))
            .ok();
        let kind = match field(KIND).to_ascii_lowercase().as_str() {
            "donation" => Some(Kind::Donation),
            "disbursement" => Some(Kind::Disbursement),
            other => {
                bad(
                    "kind",
                    format!("kind {other:?} is not donation or disbursement"),
                );
                None
            }
        };
        let party_type = match PartyType::parse(field(COUNTERPARTY_TYPE)) {
            None => {
                bad(
                    "counterparty_type",
                    format!(
                        "counterparty_type {:?} is not person, organization, anonymous, student or household",
                        field(COUNTERPARTY_TYPE)
                    ),
                );
                None
            }
            Some(t) => match kind {
                Some(Kind::Donation) if t.role() != crate::ledger::party::Role::Donor => {
                    bad(
                        "counterparty_type",
                        format!(
                            "a donation comes from a person, organization or anonymous donor, not a {}",
                            t.as_str()
                        ),
                    );
                    None
                }
                Some(Kind::Disbursement) if t.role() == crate::ledger::party::Role::Donor => {
                    bad(
                        "counterparty_type",
                        format!(
                            "a disbursement goes to a student or household, not a {}",
                            t.as_str()
                        ),
                    );
                    None
                }
                _ => Some(t),
            },
        };
        let mut name = field(COUNTERPARTY).to_string();
        if party_type == Some(PartyType::Anonymous) && is_anonymous_name(&name) {
            name = crate::ledger::party::ANONYMOUS_DONOR.to_string();
        }
        if name.is_empty() {
            bad(
                "counterparty",
                "counterparty is empty; give the donor's or beneficiary's name".into(),
            );
        } else if let Err(e) = check_text("counterparty", &name, NAME_LENGTH_MAX)
            .and_then(|()| crate::ledger::party::refuse_id_like("counterparty", &name))
        {
            bad("counterparty", e.to_string());
        }
        let program_text = field(PROGRAM);
        let fund = match kind {
            Some(Kind::Disbursement) => operations::program(self.funds, "program", program_text),
            _ => operations::fund(self.funds, "program", program_text),
        }
        .map_err(|e| bad("program", e.to_string()))
        .ok()
        .map(|f| f.id);
        let amount = Money::parse_positive(field(AMOUNT))
            .map_err(|e| bad("amount", format!("amount {:?} {e}", field(AMOUNT))))
            .ok();
        let method = Method::parse(field(METHOD));
        if method.is_none() {
            bad(
                "method",
                format!(
                    "method {:?} is not bank, cash, wechat or alipay",
                    field(METHOD)
                ),
            );
        }
        let reference = field(REFERENCE);
        if reference.is_empty() {
            bad(
                "reference",
                "reference is empty; every line needs a unique reference".into(),
            );
        } else if let Err(e) = check_text("reference", reference, REFERENCE_LENGTH_MAX) {
            bad("reference", e.to_string());
        }
        let memo = field(MEMO);
        if let Err(e) = check_text("memo", memo, MEMO_LENGTH_MAX) {
            bad("memo", e.to_string());
        }
        let id_number = field(COUNTERPARTY_ID);
        let id_number: Option<Box<str>> = if id_number.is_empty() {
            None
        } else {
            match IdNumber::new("counterparty_id", id_number, self.identity_key) {
                Ok(_) => Some(id_number.to_ascii_uppercase().into()),
                Err(e) => {
                    bad("counterparty_id", e.to_string());
                    None
                }
            }
        };
        if out.errors.len() + out.errors_more != bad_before {
            return;
        }
        let (Some(date), Some(kind), Some(party_type), Some(fund), Some(amount), Some(method)) =
            (date, kind, party_type, fund, amount, method)
        else {
            return;
        };
        // Look the party up without allocating: most lines name a known one.
        self.key_buffer.clear();
        self.key_buffer.push_str(&name);
        self.key_buffer.push('\u{1f}');
        self.key_buffer.push_str(party_type.as_str());
        self.key_buffer.push('\u{1f}');
        self.key_buffer
            .push_str(id_number.as_deref().unwrap_or_default());
        let party = match self.parties.get(self.key_buffer.as_str()) {
            Some(index) => *index,
            None => {
                let index = self.keys.len() as u32;
                self.parties.insert(self.key_buffer.clone(), index);
                self.keys.push(PartyKey {
                    name: name.into(),
                    party_type,
                    id_number,
                });
                index
            }
        };
        let (Ok(reference), Ok(memo)) = (out.keep(reference), out.keep(memo)) else {
            out.push_error(
                line,
                "-",
                "the file is too large for one import; split it".into(),
            );
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
}
