//! Reading a bank statement as Chinese online banking exports it, recognised from its
//! header without options: preamble lines (账号, 户名, 起止日期 …) before the header
//! row, summary lines (合计, 借方笔数 …) after the rows, the amount as a pair of
//! columns (收入金额/支出金额, 贷方发生额/借方发生额), as one amount with a direction
//! (借/贷, 收/支) or as one signed amount, header names in zh-Hans or zh-Hant, dates
//! and amounts as files write them (`parse_file_date`, `Money::parse_file_signed`),
//! cells padded with spaces or tabs, a trailing comma on every row; CSV in GBK or
//! UTF-8, or a workbook's first sheet. `--columns` names the columns a layout calls
//! otherwise.
//!
//! The running balance (余额), when there is one, checks the statement itself: a line
//! whose balance does not follow from the line before is a bad line, so a statement
//! that lost or changed a line is refused. Rows are read one at a time and each good
//! line goes to the caller's sink (a 1,000,000-row export is never held). Not here:
//! the plain `date,amount,…` file (`statement`), the wallets' bills (`bills`),
//! matching, or the ledger.

use super::statement::{ColumnMapping, Field, LineSink, Statement, StatementRead, collect};
use crate::error::message::{Quoted, ReconcileMessage};
use crate::error::{Error, Result};
use crate::input::{
    Encoding, LineErrors, Rows, SheetRows, Source, amount_fault, header_key, is_workbook,
    open_text, reason_of,
};
use crate::ledger::date::{iso, parse_file_date};
use crate::ledger::entry::{MEMO_LENGTH_MAX, REFERENCE_LENGTH_MAX, check_text};
use crate::ledger::money::Money;
use crate::ledger::reconciliation::StatementLine;
use chrono::NaiveDate;
use std::path::Path;

/// How many rows may come before the header (titles, 账号, 户名, 起止日期 …).
pub const PREAMBLE_LINES_MAX: usize = 64;
/// The most lines one statement may hold (as the plain statement).
pub const BANK_LINES_MAX: usize = super::statement::STATEMENT_LINES_MAX;
/// The most header names an error message lists before it says "…".
const HEADER_NAMES_SHOWN_MAX: usize = 20;

/// A role's header names, compared after `key`; earlier names win when a header has
/// several (ICBC writes 交易金额(收入) and 记账金额(收入); the booked one counts).
const DATE_WORDS: &[&str] = &[
    "交易日期",
    "记账日期",
    "記賬日期",
    "記帳日期",
    "入账日期",
    "入賬日期",
    "入帳日期",
    "交易日",
    "日期",
    "交易时间",
    "交易時間",
    "date",
];
const IN_WORDS: &[&str] = &[
    "记账金额(收入)",
    "記賬金額(收入)",
    "收入金额",
    "收入金額",
    "贷方发生额",
    "貸方發生額",
    "贷方金额",
    "貸方金額",
    "存入金额",
    "存入金額",
    "交易金额(收入)",
    "交易金額(收入)",
    "收入",
    "贷方",
    "貸方",
    "存入",
    "in",
];
const OUT_WORDS: &[&str] = &[
    "记账金额(支出)",
    "記賬金額(支出)",
    "支出金额",
    "支出金額",
    "借方发生额",
    "借方發生額",
    "借方金额",
    "借方金額",
    "支取金额",
    "支取金額",
    "交易金额(支出)",
    "交易金額(支出)",
    "支出",
    "借方",
    "支取",
    "out",
];
const AMOUNT_WORDS: &[&str] = &[
    "交易金额",
    "交易金額",
    "发生额",
    "發生額",
    "金额",
    "金額",
    "amount",
];
const DIRECTION_WORDS: &[&str] = &[
    "借贷标志",
    "借貸標誌",
    "借贷方向",
    "借貸方向",
    "借贷",
    "借貸",
    "收支",
    "收/支",
    "收支方向",
    "交易方向",
    "方向",
    "direction",
];
const BALANCE_WORDS: &[&str] = &[
    "余额",
    "餘額",
    "账户余额",
    "賬戶餘額",
    "帳戶餘額",
    "联机余额",
    "聯機餘額",
    "交易后余额",
    "交易後餘額",
    "当前余额",
    "balance",
];
const REFERENCE_WORDS: &[&str] = &[
    "交易流水号",
    "交易流水號",
    "流水号",
    "流水號",
    "交易序号",
    "交易序號",
    "凭证号",
    "憑證號",
    "凭证号码",
    "憑證號碼",
    "交易参考号",
    "交易參考號",
    "reference",
];
const DESCRIPTION_WORDS: &[&str] = &[
    "摘要",
    "交易摘要",
    "用途",
    "附言",
    "交易地点/附言",
    "交易地點/附言",
    "备注",
    "備註",
    "客户摘要",
    "description",
];
const COUNTERPARTY_WORDS: &[&str] = &[
    "对方户名",
    "對方戶名",
    "对方账户名称",
    "對方賬戶名稱",
    "对方名称",
    "對方名稱",
    "对方账号与户名",
    "對方賬號與戶名",
    "对手信息",
    "對手信息",
    "交易对方",
    "交易對方",
    "counterparty",
];

/// First cells of a summary row under the data (or between pages).
const SUMMARY_WORDS: &[&str] = &[
    "合计",
    "合計",
    "总计",
    "總計",
    "共计",
    "共計",
    "小计",
    "小計",
    "笔数",
    "筆數",
    "借方笔数",
    "借方筆數",
    "贷方笔数",
    "貸方筆數",
    "本页",
    "本頁",
    "以下空白",
    "期末余额",
    "期末餘額",
];

/// A header cell as compared: `header_key`, with full-width brackets as ASCII ones.
fn key(cell: &str) -> String {
    header_key(cell).replace('（', "(").replace('）', ")")
}

/// A cell without the spaces, tabs and ideographic spaces banks pad cells with.
fn clean(cell: &str) -> &str {
    cell.trim_start_matches('\u{feff}')
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// How a layout's rows give the amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Amounts {
    /// One signed amount: positive in, negative out.
    Signed { amount: usize },
    /// A pair of columns, one of them empty (or 0) on each row.
    Split { income: usize, expense: usize },
    /// One unsigned amount and a direction column.
    Directed { amount: usize, direction: usize },
}

/// Where a statement's columns are, found from its header.
#[derive(Debug)]
struct Layout {
    date: usize,
    amounts: Amounts,
    balance: Option<usize>,
    reference: Option<usize>,
    /// 摘要, then 对方户名: joined into the line's description.
    description: Vec<usize>,
    /// The header's cells, cleaned, for naming columns in messages.
    names: Vec<String>,
}

impl Layout {
    fn name(&self, column: usize) -> &str {
        &self.names[column]
    }
}

/// The column of the header naming `field`: the one `--columns` named, or the first
/// of the role's words the header has.
fn find(keys: &[String], mapping: &ColumnMapping, field: Field, words: &[&str]) -> Option<usize> {
    match mapping.named(field) {
        Some(name) => {
            let name = key(name);
            keys.iter().position(|k| *k == name)
        }
        None => words
            .iter()
            .find_map(|word| keys.iter().position(|k| k == word)),
    }
}

/// The layout of `header`, if it is a statement's header: a date column and an amount
/// (a pair, an amount with a direction, or a signed amount) — the ones `--columns`
/// named, if it named any.
fn recognise(header: &csv::StringRecord, mapping: &ColumnMapping) -> Option<Layout> {
    let names: Vec<String> = header.iter().map(|c| clean(c).to_string()).collect();
    let keys: Vec<String> = names.iter().map(|n| key(n)).collect();
    let at = |field: Field, words: &[&str]| find(&keys, mapping, field, words);
    let date = at(Field::Date, DATE_WORDS)?;
    let pair = (at(Field::In, IN_WORDS), at(Field::Out, OUT_WORDS));
    let amount = at(Field::Amount, AMOUNT_WORDS);
    let direction = at(Field::Direction, DIRECTION_WORDS);
    let amounts = match (pair, amount, direction) {
        ((Some(income), Some(expense)), _, _) if mapping.named(Field::Amount).is_none() => {
            Amounts::Split { income, expense }
        }
        (_, Some(amount), Some(direction)) => Amounts::Directed { amount, direction },
        (_, Some(amount), None) if mapping.named(Field::Direction).is_none() => {
            Amounts::Signed { amount }
        }
        _ => return None,
    };
    let named_missing = Field::ALL.iter().any(|f| {
        mapping
            .named(*f)
            .is_some_and(|name| !keys.contains(&key(name)))
    });
    if named_missing {
        return None;
    }
    let mut description = Vec::new();
    description.extend(at(Field::Description, DESCRIPTION_WORDS));
    description.extend(at(Field::Counterparty, COUNTERPARTY_WORDS));
    Some(Layout {
        date,
        amounts,
        balance: at(Field::Balance, BALANCE_WORDS),
        reference: at(Field::Reference, REFERENCE_WORDS),
        description,
        names,
    })
}

/// Whether the file is a plain statement, read by `statement` strictly: no
/// `--columns`, and its first row names the columns `date` and `amount`.
pub fn is_plain(path: &Path, encoding: Option<Encoding>, mapping: &ColumnMapping) -> Result<bool> {
    if is_workbook(path) || *mapping != ColumnMapping::default() {
        return Ok(false);
    }
    let (_, text) = open_text(path, encoding)?;
    let source = Source::new(text)?;
    let has = |field: Field| {
        let wanted = mapping.header(field);
        source
            .header()
            .iter()
            .any(|cell| clean(cell).eq_ignore_ascii_case(wanted))
    };
    Ok(has(Field::Date) && has(Field::Amount))
}

/// Reads a statement file: the plain statement strictly (`is_plain`), anything else
/// as a bank's own export.
pub fn read_any_statement(
    path: &Path,
    encoding: Option<Encoding>,
    mapping: &ColumnMapping,
    as_of: NaiveDate,
) -> Result<Statement> {
    collect(|sink| read_any_statement_lines(path, encoding, mapping, as_of, sink))
}

/// `read_any_statement` a line at a time: each good line goes to `sink`.
pub fn read_any_statement_lines(
    path: &Path,
    encoding: Option<Encoding>,
    mapping: &ColumnMapping,
    as_of: NaiveDate,
    sink: &mut LineSink<'_>,
) -> Result<StatementRead> {
    if is_plain(path, encoding, mapping)? {
        super::statement::read_statement_lines(path, encoding, mapping, as_of, sink)
    } else {
        read_bank_statement_lines(path, encoding, mapping, as_of, sink)
    }
}

/// Reads a bank's own export: a workbook's first sheet or a CSV text (`encoding`
/// forces one; `None` detects it). A header not found is one error; bad lines are
/// collected in `Statement::errors` — a line dated after `as_of` among them.
pub fn read_bank_statement(
    path: &Path,
    encoding: Option<Encoding>,
    mapping: &ColumnMapping,
    as_of: NaiveDate,
) -> Result<Statement> {
    collect(|sink| read_bank_statement_lines(path, encoding, mapping, as_of, sink))
}

/// `read_bank_statement` a line at a time: each good line goes to `sink` as it is
/// read (a CSV is read a row at a time; a workbook's sheet is read whole first).
pub fn read_bank_statement_lines(
    path: &Path,
    encoding: Option<Encoding>,
    mapping: &ColumnMapping,
    as_of: NaiveDate,
    sink: &mut LineSink<'_>,
) -> Result<StatementRead> {
    if is_workbook(path) {
        let mut rows = SheetRows::open(path)?;
        return read_rows(&mut rows, Encoding::Utf8, mapping, as_of, sink);
    }
    let (encoding, text) = open_text(path, encoding)?;
    let mut source = Source::new(text)?;
    read_rows(&mut source, encoding, mapping, as_of, sink)
}

/// The rows before the header are passed over (up to `PREAMBLE_LINES_MAX`); each row
/// after it is a line, a summary row, or a bad line.
fn read_rows(
    rows: &mut dyn Rows,
    encoding: Encoding,
    mapping: &ColumnMapping,
    as_of: NaiveDate,
    sink: &mut LineSink<'_>,
) -> Result<StatementRead> {
    let mut errors = LineErrors::default();
    let first: Vec<Quoted> = rows
        .header()
        .iter()
        .map(clean)
        .filter(|c| !c.is_empty())
        .map(Quoted::new)
        .collect();
    // The mapped headers no row before the header has, to name them all at once.
    let mut unseen: Vec<String> = Field::ALL
        .iter()
        .filter_map(|f| mapping.named(*f))
        .map(str::to_string)
        .collect();
    let mut layout = None;
    for _ in 0..PREAMBLE_LINES_MAX {
        let keys: Vec<String> = rows.header().iter().map(header_key).collect();
        unseen.retain(|h| !keys.contains(&header_key(h)));
        layout = recognise(rows.header(), mapping);
        if layout.is_some() || !rows.next_header(&mut errors) {
            break;
        }
    }
    if layout.is_none() && !unseen.is_empty() {
        return Err(Error::input_in(
            crate::error::Field::Columns,
            ReconcileMessage::MappedColumnsMissing {
                missing: unseen.iter().map(|h| Quoted::new(h)).collect(),
                columns: first.into_iter().take(HEADER_NAMES_SHOWN_MAX).collect(),
            },
        ));
    }
    let Some(layout) = layout else {
        return Err(Error::input_in(
            crate::error::Field::Columns,
            ReconcileMessage::BankNoHeader {
                lines: PREAMBLE_LINES_MAX as u64,
                more: first.len() > HEADER_NAMES_SHOWN_MAX,
                columns: first.into_iter().take(HEADER_NAMES_SHOWN_MAX).collect(),
            },
        ));
    };
    let width = rows.header().len();
    let mut reader = LineReader {
        layout: &layout,
        as_of,
        balance: BalanceCheck::default(),
        summary_seen: false,
    };
    let mut lines = 0usize;
    while let Some((line, record)) = rows.next_line(&mut errors) {
        if lines >= BANK_LINES_MAX {
            return Err(Error::input(ReconcileMessage::TooManyLines {
                max: BANK_LINES_MAX as u64,
            }));
        }
        if reader.skips(record) {
            continue;
        }
        let filled = (0..record.len())
            .rev()
            .find(|&i| !clean(&record[i]).is_empty())
            .map_or(0, |i| i + 1);
        if filled > width {
            let reason = ReconcileMessage::FieldCount {
                found: filled as u64,
                header: width as u64,
            };
            errors.push(line, "-", reason);
            reader.balance.forget();
            continue;
        }
        if let Some(good) = reader.check(line, record, &mut errors) {
            lines += 1;
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

/// The order a statement's running balance runs in: banks list oldest first or newest
/// first, told by the first pair of lines that says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    OldestFirst,
    NewestFirst,
}

/// The running balance so far: the line before's balance and amount.
#[derive(Default)]
struct BalanceCheck {
    previous: Option<(u64, Money, Money)>,
    order: Option<Order>,
}

impl BalanceCheck {
    /// A line that could not be read: the next line's balance cannot be checked.
    fn forget(&mut self) {
        self.previous = None;
    }

    /// The line before and the balance this line should have, when it has another.
    fn check(&mut self, line: u64, amount: Money, balance: Money) -> Option<(u64, Money)> {
        let previous = self.previous.replace((line, balance, amount));
        let (previous_line, previous_balance, previous_amount) = previous?;
        let oldest_first = previous_balance.checked_add(amount);
        let newest_first = previous_balance.checked_add(Money::from_fen(-previous_amount.fen()));
        let holds = |expected: Option<Money>| expected == Some(balance);
        let broken = |expected: Option<Money>| {
            (!holds(expected)).then_some((previous_line, expected.unwrap_or(Money::ZERO)))
        };
        match self.order {
            Some(Order::OldestFirst) => broken(oldest_first),
            Some(Order::NewestFirst) => broken(newest_first),
            None => {
                match (holds(oldest_first), holds(newest_first)) {
                    (true, false) => self.order = Some(Order::OldestFirst),
                    (false, true) => self.order = Some(Order::NewestFirst),
                    _ => {}
                }
                if holds(newest_first) {
                    None
                } else {
                    broken(oldest_first)
                }
            }
        }
    }
}

/// Reads the lines under one header.
struct LineReader<'a> {
    layout: &'a Layout,
    as_of: NaiveDate,
    balance: BalanceCheck,
    /// A summary row was seen: undated rows after it are notes, not lines.
    summary_seen: bool,
}

/// What a cell parser refuses a value with.
type Refused<T> = std::result::Result<T, ReconcileMessage>;

impl LineReader<'_> {
    /// Whether the row is a summary row (合计 …), a comment (`#`), or an undated
    /// note after the summary.
    fn skips(&mut self, record: &csv::StringRecord) -> bool {
        let first = record
            .iter()
            .map(clean)
            .find(|c| !c.is_empty())
            .unwrap_or("");
        let date = record.get(self.layout.date).map(clean).unwrap_or("");
        let dated = parse_file_date(date).is_some();
        if first.starts_with('#') {
            return true;
        }
        let summary = !dated && SUMMARY_WORDS.iter().any(|w| first.contains(w));
        self.summary_seen |= summary;
        summary || (self.summary_seen && !dated)
    }

    /// The good line, or `None` with each bad cell in `errors`.
    fn check(
        &mut self,
        line: u64,
        record: &csv::StringRecord,
        errors: &mut LineErrors,
    ) -> Option<StatementLine> {
        let layout = self.layout;
        let cell = |column: usize| record.get(column).map(clean).unwrap_or("");
        let bad_before = errors.count();
        let date = self
            .date(cell(layout.date))
            .map_err(|reason| errors.push(line, layout.name(layout.date), reason))
            .ok();
        let amount = self
            .amount(&cell)
            .map_err(|(column, reason)| errors.push(line, layout.name(column), reason))
            .ok();
        let balance = match layout.balance {
            Some(column) if !is_blank(cell(column)) => Money::parse_file_signed(cell(column))
                .map_err(|e| {
                    let text = cell(column).into();
                    let reason = ReconcileMessage::BadAmount {
                        text,
                        fault: amount_fault(e),
                    };
                    errors.push(line, layout.name(column), reason)
                })
                .ok(),
            _ => None,
        };
        match (amount, balance, layout.balance) {
            (Some(amount), Some(balance), Some(column)) => {
                if let Some((previous_line, expected)) = self.balance.check(line, amount, balance) {
                    let reason = ReconcileMessage::BalanceBreak {
                        previous_line,
                        expected: expected.grouped(),
                        found: balance.grouped(),
                    };
                    errors.push(line, layout.name(column), reason);
                }
            }
            _ => self.balance.forget(),
        }
        let reference = layout.reference.map_or("", cell);
        if let Some(column) = layout.reference
            && let Err(e) = check_text(layout.name(column), reference, REFERENCE_LENGTH_MAX)
        {
            errors.push(line, layout.name(column), reason_of(&e));
        }
        let description = layout
            .description
            .iter()
            .map(|c| cell(*c))
            .filter(|t| !t.is_empty() && *t != "-")
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(&column) = layout.description.first()
            && let Err(e) = check_text(layout.name(column), &description, MEMO_LENGTH_MAX)
        {
            errors.push(line, layout.name(column), reason_of(&e));
        }
        let (Some(date), Some(amount)) = (date, amount) else {
            return None;
        };
        (errors.count() == bad_before).then(|| StatementLine {
            line,
            date,
            amount,
            reference: reference.to_string(),
            description,
        })
    }

    fn date(&self, text: &str) -> Refused<NaiveDate> {
        let date = parse_file_date(text)
            .ok_or_else(|| ReconcileMessage::NotAFileDate { text: text.into() })?;
        if date > self.as_of {
            return Err(ReconcileMessage::AfterAsOf {
                date: iso(date),
                as_of: iso(self.as_of),
            });
        }
        Ok(date)
    }

    /// The line's amount, signed; a refusal names its column.
    fn amount<'r>(
        &self,
        cell: &dyn Fn(usize) -> &'r str,
    ) -> std::result::Result<Money, (usize, ReconcileMessage)> {
        match self.layout.amounts {
            Amounts::Signed { amount } => {
                let text = cell(amount);
                match signed(text).map_err(|r| (amount, r))? {
                    value if value.is_zero() => {
                        Err((amount, ReconcileMessage::AmountZero { text: text.into() }))
                    }
                    value => Ok(value),
                }
            }
            Amounts::Split { income, expense } => {
                let (in_text, out_text) = (cell(income), cell(expense));
                let in_value = side(in_text).map_err(|r| (income, r))?;
                let out_value = side(out_text).map_err(|r| (expense, r))?;
                match (in_value, out_value) {
                    (Some(value), None) => Ok(value),
                    (None, Some(value)) => Ok(Money::from_fen(-value.fen())),
                    (Some(_), Some(_)) => Err((
                        income,
                        ReconcileMessage::BothSides {
                            text: in_text.into(),
                            other: self.layout.name(expense).to_string(),
                            other_text: out_text.into(),
                        },
                    )),
                    (None, None) => Err((
                        income,
                        ReconcileMessage::NoSide {
                            other: self.layout.name(expense).to_string(),
                        },
                    )),
                }
            }
            Amounts::Directed { amount, direction } => {
                let text = cell(amount);
                let value = Money::parse_file_positive(text).map_err(|e| {
                    (
                        amount,
                        ReconcileMessage::BadAmount {
                            text: text.into(),
                            fault: amount_fault(e),
                        },
                    )
                })?;
                let way = cell(direction);
                match direction_word(way) {
                    Some(true) => Ok(value),
                    Some(false) => Ok(Money::from_fen(-value.fen())),
                    None => Err((
                        direction,
                        ReconcileMessage::UnknownDirection { text: way.into() },
                    )),
                }
            }
        }
    }
}

/// An empty cell of a pair: nothing, a dash, or zero.
fn is_blank(text: &str) -> bool {
    matches!(text, "" | "-" | "--" | "/")
}

fn signed(text: &str) -> Refused<Money> {
    Money::parse_file_signed(text).map_err(|e| ReconcileMessage::BadAmount {
        text: text.into(),
        fault: amount_fault(e),
    })
}

/// One cell of an in/out pair: `None` when empty or zero; a magnitude otherwise (some
/// banks write the money out as a negative number in its own column).
fn side(text: &str) -> Refused<Option<Money>> {
    if is_blank(text) {
        return Ok(None);
    }
    let value = signed(text)?;
    Ok((!value.is_zero()).then(|| Money::from_fen(value.fen().abs())))
}

/// Which way a direction cell says the money went: `true` in (贷, 收), `false` out.
fn direction_word(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "贷" | "貸" | "贷方" | "貸方" | "收" | "收入" | "存入" | "入" | "c" | "cr" | "+" => {
            Some(true)
        }
        "借" | "借方" | "支" | "支出" | "支取" | "出" | "d" | "dr" | "-" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, columns: Option<&str>) -> Statement {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bank.csv");
        std::fs::write(&path, text).unwrap();
        let mapping =
            columns.map_or_else(ColumnMapping::default, |c| ColumnMapping::parse(c).unwrap());
        read_bank_statement(&path, None, &mapping, NaiveDate::MAX).unwrap()
    }

    fn fen(statement: &Statement) -> Vec<i64> {
        statement.lines.iter().map(|l| l.amount.fen()).collect()
    }

    #[test]
    fn a_split_layout_with_preamble_summary_padding_and_trailing_commas() {
        let text = "账号:6222 0000 0000 1234,\n户名:某市爱心基金会,\n起止日期:20220301-20220331,\n\
                    交易日期,摘要,收入金额,支出金额,余额,对方户名,交易流水号,\n\
                    20220301,\t转账 \t,\"5,000.00\",,\"15,000.00\",张三,A1,\n\
                    2022/03/02, 手续费 ,,12.50,\"14,987.50\",,A2,\n\
                    2022-03-03 10:20:30,退款,0.00,\"1,000.00\",\"13,987.50\",李四,A3,\n\
                    合计,,\"5,000.00\",\"1,012.50\",,,,\n借方笔数:2,贷方笔数:1,\n";
        let statement = read(text, None);
        assert!(statement.errors.is_empty(), "{:?}", statement.errors);
        assert_eq!(fen(&statement), vec![500_000, -1_250, -100_000]);
        let first = &statement.lines[0];
        assert_eq!(first.line, 5);
        assert_eq!(first.description, "转账 张三");
        assert_eq!(first.reference, "A1");
    }

    #[test]
    fn a_direction_column_and_a_signed_amount() {
        let text = "記賬日期,借貸標誌,發生額,餘額,摘要\n2022-03-01,貸,100.00,100.00,捐款\n2022-03-02,借,1.00,99.00,費\n";
        assert_eq!(fen(&read(text, None)), vec![10_000, -100]);
        let text = "记账日期,货币,交易金额,联机余额,交易摘要\n2024-01-01,CNY,\"1,234.00\",\"1,234.00\",x\n2024-01-02,CNY,-34.00,\"1,200.00\",y\n";
        assert_eq!(fen(&read(text, None)), vec![123_400, -3_400]);
        let text = "记账日期,借贷,金额\n2022-03-01,转,1.00\n";
        let statement = read(text, None);
        assert_eq!(statement.errors[0].column, "借贷");
    }

    #[test]
    fn a_balance_that_does_not_follow_is_named_in_either_order() {
        let oldest_first = "交易日期,收入金额,支出金额,余额\n20220301,100.00,,100.00\n20220302,,10.00,90.00\n20220303,5.00,,96.00\n20220304,,1.00,95.00\n";
        let statement = read(oldest_first, None);
        let found: Vec<(u64, &str)> = statement
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(found, vec![(4, "余额")]);
        let reason = format!("{:?}", statement.errors[0].reason);
        assert!(
            reason.contains("previous_line: 3, expected: \"95.00\", found: \"96.00\""),
            "{reason}"
        );
        let newest_first = "交易日期,收入金额,支出金额,余额\n20220303,5.00,,95.00\n20220302,,10.00,90.00\n20220301,100.00,,100.00\n";
        assert!(read(newest_first, None).errors.is_empty());
    }

    #[test]
    fn columns_map_a_pair_or_an_amount_and_a_direction() {
        let text = "流水,日子,进,出\nR1,2022-03-01,1.00,\nR2,2022-03-02,,2.00\n";
        let statement = read(text, Some("date=日子,in=进,out=出,reference=流水"));
        assert_eq!(fen(&statement), vec![100, -200]);
        assert_eq!(statement.lines[1].reference, "R2");
        let text = "日子,钱,向\n2022-03-01,1.00,收\n2022-03-02,2.00,支\n";
        assert_eq!(
            fen(&read(text, Some("date=日子,amount=钱,direction=向"))),
            vec![100, -200]
        );
        for bad in [
            "in=进",
            "in=进,out=出,amount=钱",
            "in=进,out=出,direction=向",
        ] {
            let error = ColumnMapping::parse(bad).unwrap_err().to_string();
            assert!(error.contains("MappingAmountShape"), "{bad}: {error}");
        }
    }

    #[test]
    fn bad_cells_name_their_columns() {
        let text = "交易日期,收入金额,支出金额\n2022-13-01,1.00,\n2022-03-02,1.00,2.00\n2022-03-03,,\n2022-03-04,1.005,\n";
        let statement = read(text, None);
        let found: Vec<(u64, &str)> = statement
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (2, "交易日期"),
                (3, "收入金额"),
                (4, "收入金额"),
                (5, "收入金额")
            ]
        );
    }

    #[test]
    fn no_header_is_one_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bank.csv");
        std::fs::write(&path, "名字,颜色\n张三,红\n").unwrap();
        let error = read_bank_statement(&path, None, &ColumnMapping::default(), NaiveDate::MAX)
            .unwrap_err();
        assert!(format!("{error:?}").contains("BankNoHeader"), "{error:?}");
    }
}
