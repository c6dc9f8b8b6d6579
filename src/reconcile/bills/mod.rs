//! Reading WeChat Pay (微信支付账单明细) and Alipay (支付宝交易明细) bills, the CSV files
//! the apps export, in their own fixed layouts: preamble lines before the header, a
//! trailer after the rows, times like `2022-03-01 10:20:30`, amounts like `¥100.00`,
//! cells padded with spaces and tabs, and a 收/支 column that says which way the
//! money went. Alipay writes GBK; the strict decoder of `input` reads either.
//!
//! Each row is classified by the wallet's rules (`wechat`, `alipay`) into money in,
//! money out, a withdrawal to the bank (提现), a top-up (充值) or a fee (服务费). A row
//! whose direction cannot be told is refused — a withdrawal must never read as money
//! in. Rows that did not move the wallet's own balance (paid by bank card, a closed
//! order) are counted as skipped, not read. Not here: matching or the ledger; the
//! generic bank layouts are the sheet reader's.

pub mod alipay;
pub mod wechat;

use super::statement::{LineSink, StatementRead};
use crate::error::message::{BillMessage, Quoted, ReconcileMessage, Wallet};
use crate::error::{Error, Field, Result};
use crate::input::{Encoding, LineErrors, csv_error_message, open_text, reason_of};
use crate::ledger::date::iso;
use crate::ledger::entry::{MEMO_LENGTH_MAX, REFERENCE_LENGTH_MAX, check_text};
use crate::ledger::money::Money;
use crate::ledger::reconciliation::StatementLine;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// The most rows one bill may hold (a bill is read a row at a time; see
/// `read_bill_statement`).
pub const BILL_ROWS_MAX: usize = 200_000;
/// The largest bill read, in bytes (as UTF-8).
pub const BILL_BYTES_MAX: u64 = 64 << 20;
/// How many lines may come before the header (the apps write 16 to 25).
const PREAMBLE_LINES_MAX: usize = 64;

/// Which way a row moved the wallet's money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Money received (a gift by QR code, a transfer, a refund to the wallet).
    In,
    /// Money paid from the wallet's own balance.
    Out,
    /// 提现: the wallet's money to the bank; `amount` includes `fee`.
    Withdrawal,
    /// 充值: the bank's money into the wallet.
    TopUp,
    /// 服务费 on a row of its own.
    Fee,
}

/// One row of a bill as the wallet's rules read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BillRow {
    pub line: u64,
    pub time: NaiveDateTime,
    /// 交易类型 / 交易分类 as the bill says it.
    pub kind: String,
    /// 交易对方 as the bill says it ("/" or a masked name when hidden).
    pub counterparty: String,
    pub direction: Direction,
    /// What came into or left the wallet, positive; a withdrawal's includes its fee.
    pub amount: Money,
    /// A withdrawal's 服务费 (zero when none).
    pub fee: Money,
    /// Whether the row is a refund (退款).
    pub refund: bool,
    pub status: String,
    /// 交易单号 / 交易订单号.
    pub reference: String,
    /// 商品 and 备注, as one memo.
    pub memo: String,
}

impl BillRow {
    /// The change to the wallet's balance: positive in, negative out.
    pub fn wallet_change(&self) -> Money {
        match self.direction {
            Direction::In | Direction::TopUp => self.amount,
            Direction::Out | Direction::Withdrawal | Direction::Fee => {
                Money::from_fen(-self.amount.fen())
            }
        }
    }
}

/// A bill read a row at a time: everything but its rows, which went to the reader's
/// sink.
#[derive(Debug)]
pub struct BillRead {
    pub wallet: Wallet,
    pub encoding: Encoding,
    /// Rows that did not move the wallet's own balance.
    pub skipped: u64,
    /// The bad rows, not yet sorted.
    pub errors: LineErrors,
}

/// The bill as statement lines for reconciling the wallet's account on `as_of`, a
/// row at a time to `sink`: the change to the balance, the reference, the kind and
/// counterparty as the description; a row after `as_of` is a bad line, as on a bank
/// statement (listed after the bill's own bad rows when there are too many to list).
pub fn read_bill_statement(
    path: &Path,
    wallet: Option<Wallet>,
    encoding: Option<Encoding>,
    as_of: NaiveDate,
    sink: &mut LineSink<'_>,
) -> Result<StatementRead> {
    let mut late = LineErrors::default();
    let read = read_bill_rows(path, wallet, encoding, &mut |_, row| {
        let date = row.time.date();
        if date > as_of {
            let reason = ReconcileMessage::AfterAsOf {
                date: iso(date),
                as_of: iso(as_of),
            };
            late.push(row.line, "交易时间", reason);
            return Ok(());
        }
        sink(StatementLine {
            line: row.line,
            date,
            amount: row.wallet_change(),
            description: format!("{} {}", row.kind, row.counterparty),
            reference: row.reference,
        })
    })?;
    let (own, own_more) = read.errors.into_sorted();
    let mut errors = LineErrors::default();
    for e in own {
        errors.push(e.line, &e.column, e.reason);
    }
    let (late, late_more) = late.into_sorted();
    for e in late {
        errors.push(e.line, &e.column, e.reason);
    }
    let (errors, more) = errors.into_sorted();
    Ok(StatementRead {
        encoding: read.encoding,
        errors,
        errors_more: more + late_more + own_more,
    })
}

/// What a row holds, by role; the wallet's layout says which header names each role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Time,
    Kind,
    Counterparty,
    Goods,
    Direction,
    Amount,
    Method,
    Status,
    Reference,
    Note,
    Fee,
}

const ROLES: usize = 11;

/// A wallet's layout: for each role, the header names it may have (the first is
/// the one named in messages) and whether the bill must have it.
pub struct Layout {
    pub wallet: Wallet,
    pub columns: &'static [(Role, &'static [&'static str], bool)],
    /// The wallet's rules: a row's direction and whether it is a refund, or `None`
    /// for a row that did not move the wallet's own balance.
    pub classify: fn(&Cells<'_>) -> Classified,
}

/// A row's direction and whether it is a refund; `None` for a row that did not move
/// the wallet's own balance; a refusal when the direction cannot be told.
pub type Classified = std::result::Result<Option<(Direction, bool)>, BillMessage>;

/// One row's cells by role, trimmed of the spaces and tabs the apps pad them with.
pub struct Cells<'r> {
    cells: [&'r str; ROLES],
}

impl<'r> Cells<'r> {
    pub fn get(&self, role: Role) -> &'r str {
        self.cells[role as usize]
    }
}

fn layout(wallet: Wallet) -> &'static Layout {
    match wallet {
        Wallet::Wechat => &wechat::LAYOUT,
        Wallet::Alipay => &alipay::LAYOUT,
    }
}

fn clean(cell: &str) -> &str {
    cell.trim_start_matches('\u{feff}')
        .trim_matches(|c: char| c == ' ' || c == '\t' || c == '\u{3000}')
}

/// The wallet whose header this is, if it is a bill's header at all: 交易时间 (or
/// Alipay's older 交易创建时间) and 收/支, and the reference column of one wallet.
fn header_wallet(cells: &[&str]) -> Option<Wallet> {
    let has = |name: &str| cells.contains(&name);
    if !has("收/支") || !(has("交易时间") || has("交易创建时间")) {
        return None;
    }
    if has("交易单号") {
        Some(Wallet::Wechat)
    } else if has("交易订单号") || has("交易号") {
        Some(Wallet::Alipay)
    } else {
        None
    }
}

/// Which wallet's bill the file is, told from its header (within the preamble's
/// length); `None` when it is not a bill (then it is read as a bank statement).
pub fn detect(path: &Path, encoding: Option<Encoding>) -> Result<Option<Wallet>> {
    let (_, text) = open_text(path, encoding)?;
    let mut reader = csv_reader(text);
    let mut record = csv::StringRecord::new();
    for _ in 0..PREAMBLE_LINES_MAX {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => return Ok(None),
        }
        let cells: Vec<&str> = record.iter().map(clean).collect();
        if let Some(wallet) = header_wallet(&cells) {
            return Ok(Some(wallet));
        }
    }
    Ok(None)
}

fn csv_reader(text: Box<dyn Read>) -> csv::Reader<std::io::Take<Box<dyn Read>>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.take(BILL_BYTES_MAX))
}

fn refused(message: BillMessage) -> Error {
    Error::input_in(Field::Statement, message)
}

/// Reads a bill a row at a time: the preamble is passed over up to the header, rows
/// are read until the trailer (a line of dashes) or the end, and each good row goes
/// to `sink` as it is read, with the wallet whose bill it is (told, or the header's).
/// `wallet` forces the layout; `None` takes the header's. A bad header is an error;
/// bad rows are collected.
pub fn read_bill_rows(
    path: &Path,
    wallet: Option<Wallet>,
    encoding: Option<Encoding>,
    sink: &mut dyn FnMut(Wallet, BillRow) -> Result<()>,
) -> Result<BillRead> {
    let (encoding, text) = open_text(path, encoding)?;
    let mut reader = csv_reader(text);
    let mut record = csv::StringRecord::new();
    let mut found = None;
    for _ in 0..PREAMBLE_LINES_MAX {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(Error::input_in(Field::Statement, csv_error_message(&e))),
        }
        let cells: Vec<&str> = record.iter().map(clean).collect();
        if let Some(header_is) = header_wallet(&cells) {
            found = Some((
                header_is,
                cells.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            ));
            break;
        }
    }
    let Some((header_is, header)) = found.filter(|(w, _)| wallet.is_none_or(|want| want == *w))
    else {
        return Err(refused(BillMessage::NoHeader { wallet }));
    };
    let layout = layout(header_is);
    let positions = locate(layout, &header)?;
    let mut skipped = 0;
    let mut rows = 0usize;
    let mut errors = LineErrors::default();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(line, "-", csv_error_message(&e));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let first = record.get(0).map(clean).unwrap_or("");
        if first.starts_with('-') || first.starts_with('—') {
            break;
        }
        if record.iter().all(|c| clean(c).is_empty()) {
            continue;
        }
        if rows >= BILL_ROWS_MAX {
            return Err(Error::input(ReconcileMessage::TooManyLines {
                max: BILL_ROWS_MAX as u64,
            }));
        }
        match read_row(layout, &positions, line, &record, &mut errors) {
            Some(Some(row)) => {
                rows += 1;
                sink(header_is, row)?;
            }
            Some(None) => skipped += 1,
            None => {}
        }
    }
    Ok(BillRead {
        wallet: header_is,
        encoding,
        skipped,
        errors,
    })
}

/// Where each role's column is in the header.
struct Positions {
    index: [Option<usize>; ROLES],
    names: [&'static str; ROLES],
}

fn locate(layout: &Layout, header: &[String]) -> Result<Positions> {
    let mut positions = Positions {
        index: [None; ROLES],
        names: [""; ROLES],
    };
    for (role, names, required) in layout.columns {
        let at = names
            .iter()
            .find_map(|name| header.iter().position(|h| h == name));
        if at.is_none() && *required {
            return Err(refused(BillMessage::MissingColumn {
                wallet: layout.wallet,
                column: names[0].to_string(),
            }));
        }
        positions.index[*role as usize] = at;
        positions.names[*role as usize] = names[0];
    }
    Ok(positions)
}

/// A good row; `Some(None)` for a row that did not move the wallet's balance; `None`
/// with the row's faults in `errors`.
fn read_row(
    layout: &Layout,
    positions: &Positions,
    line: u64,
    record: &csv::StringRecord,
    errors: &mut LineErrors,
) -> Option<Option<BillRow>> {
    let mut cells = [""; ROLES];
    for (i, at) in positions.index.iter().enumerate() {
        if let Some(at) = at {
            cells[i] = record.get(*at).map(clean).unwrap_or("");
        }
    }
    let cells = Cells { cells };
    let name = |role: Role| positions.names[role as usize];
    let bad_before = errors.count();
    let classified = (layout.classify)(&cells)
        .map_err(|reason| errors.push(line, name(Role::Direction), reason))
        .ok()?;
    let (direction, refund) = classified?;
    let time = parse_time(cells.get(Role::Time))
        .map_err(|reason| errors.push(line, name(Role::Time), reason))
        .ok();
    let amount = parse_amount(cells.get(Role::Amount))
        .map_err(|reason| errors.push(line, name(Role::Amount), reason))
        .ok();
    let fee = fee_of(layout.wallet, &cells)
        .map_err(|reason| errors.push(line, name(Role::Fee), reason))
        .ok();
    let memo = [cells.get(Role::Goods), cells.get(Role::Note)]
        .into_iter()
        .filter(|t| !t.is_empty() && *t != "/")
        .collect::<Vec<_>>()
        .join(" ");
    for (role, text, max) in [
        (
            Role::Reference,
            cells.get(Role::Reference),
            REFERENCE_LENGTH_MAX,
        ),
        (
            Role::Counterparty,
            cells.get(Role::Counterparty),
            MEMO_LENGTH_MAX,
        ),
        (Role::Kind, cells.get(Role::Kind), MEMO_LENGTH_MAX),
        (Role::Note, memo.as_str(), MEMO_LENGTH_MAX),
    ] {
        if let Err(e) = check_text(name(role), text, max) {
            errors.push(line, name(role), reason_of(&e));
        }
    }
    let (Some(time), Some(amount), Some(fee)) = (time, amount, fee) else {
        return None;
    };
    if errors.count() != bad_before {
        return None;
    }
    // Alipay's 服务费 column is on top of the amount; WeChat's is inside it.
    let amount = match (layout.wallet, direction) {
        (Wallet::Alipay, Direction::Withdrawal) => match amount.checked_add(fee) {
            Some(total) => total,
            None => {
                let text = Quoted::new(cells.get(Role::Amount));
                errors.push(line, name(Role::Amount), BillMessage::NotAnAmount { text });
                return None;
            }
        },
        _ => amount,
    };
    Some(Some(BillRow {
        line,
        time,
        kind: cells.get(Role::Kind).to_string(),
        counterparty: cells.get(Role::Counterparty).to_string(),
        direction,
        amount,
        fee: if direction == Direction::Withdrawal {
            fee
        } else {
            Money::ZERO
        },
        refund,
        status: cells.get(Role::Status).to_string(),
        reference: cells.get(Role::Reference).to_string(),
        memo,
    }))
}

/// A bill's time: `2022-03-01 10:20:30` (or with `/`, or without seconds, as a
/// spreadsheet saves it back).
pub fn parse_time(text: &str) -> std::result::Result<NaiveDateTime, BillMessage> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y/%m/%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
    .ok_or_else(|| BillMessage::NotATime {
        text: Quoted::new(text),
    })
}

/// A bill's amount: positive, at most two decimals, with an optional ¥ or ￥.
pub fn parse_amount(text: &str) -> std::result::Result<Money, BillMessage> {
    let digits = text.strip_prefix(['¥', '￥']).unwrap_or(text).trim();
    Money::parse_positive(digits).map_err(|_| BillMessage::NotAnAmount {
        text: Quoted::new(text),
    })
}

/// A row's 服务费: WeChat writes it in 备注 (`服务费¥0.10`), older Alipay bills in a
/// 服务费（元） column; zero when there is none.
fn fee_of(wallet: Wallet, cells: &Cells<'_>) -> std::result::Result<Money, BillMessage> {
    let text = match wallet {
        Wallet::Wechat => match cells.get(Role::Note).split_once("服务费") {
            Some((_, fee)) => fee.trim(),
            None => return Ok(Money::ZERO),
        },
        Wallet::Alipay => cells.get(Role::Fee),
    };
    match text {
        "" | "/" | "0" | "0.00" => Ok(Money::ZERO),
        fee => parse_amount(fee),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_times_as_the_apps_write_them() {
        assert_eq!(parse_amount("¥100.10").unwrap().fen(), 10_010);
        assert_eq!(parse_amount("￥0.35").unwrap().fen(), 35);
        assert_eq!(parse_amount("49.74").unwrap().fen(), 4_974);
        for bad in ["", "¥", "-5.00", "1e5", "¥1.005", "/"] {
            assert!(parse_amount(bad).is_err(), "{bad}");
        }
        let time = parse_time("2022-03-01 10:20:30").unwrap();
        assert_eq!(time.to_string(), "2022-03-01 10:20:30");
        assert!(parse_time("2022/3/1 10:20").is_ok());
        assert!(parse_time("2022-03-01").is_err());
    }

    #[test]
    fn a_header_tells_the_wallet() {
        let wechat = ["交易时间", "交易类型", "收/支", "金额(元)", "交易单号"];
        assert_eq!(header_wallet(&wechat), Some(Wallet::Wechat));
        let alipay = ["交易时间", "交易分类", "收/支", "金额", "交易订单号", ""];
        assert_eq!(header_wallet(&alipay), Some(Wallet::Alipay));
        assert_eq!(header_wallet(&["date", "amount", "reference"]), None);
    }
}
