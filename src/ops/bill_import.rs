//! `import --from wechat|alipay BILL`: the gifts a WeChat Pay or Alipay bill received
//! turned into donations (issue 15 §2.3). Each incoming payment (not a refund, not a
//! withdrawal or the fund's own spending) becomes a donation to the unrestricted fund
//! by the wallet's method, referenced by its 交易单号 so a re-import adds nothing; the
//! payer is its 交易对方, or the anonymous donor when the bill hides it ("/" or a
//! masked name such as 李**). A gift the treasurer's own sheet already recorded (same
//! donor, amount and method, dated within a day, no reference of the bill's) is linked
//! to it and left out, never added twice; one that two recorded gifts could be is
//! shown and left out too, not guessed. The gifts go through the sheet import's own
//! checks and recording (`import::read_text`, `ops::import::record`), as lines of
//! lovefund's import layout, their bad lines named by the bill's line numbers.

use super::import::{ImportOutcome, Recording, record};
use super::profiles::Columns;
use super::reconcile::wallet_method;
use super::{Actor, Ledger};
use crate::error::message::Wallet;
use crate::error::{Error, Result};
use crate::i18n::{L, Lang};
use crate::import::{self, Encoding};
use crate::ledger::date::iso;
use crate::ledger::money::Money;
use crate::reconcile::bills::{self, BillRow, Direction};
use crate::render::Render;
use crate::store::Read;
use crate::store::UnitOfWork;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;

pub struct BillImportRequest {
    pub file: PathBuf,
    /// None: told by the bill's header.
    pub wallet: Option<Wallet>,
    pub encoding: Option<Encoding>,
    pub dry_run: bool,
}

/// A bill row left out of the import, and why.
#[derive(Debug, Serialize)]
pub struct LeftOut {
    pub line: u64,
    pub date: String,
    pub counterparty: String,
    pub amount: Money,
    pub reference: String,
    /// The recorded donations it matches: one (already recorded), or several
    /// (ambiguous: not guessed).
    pub entries: Vec<i64>,
}

/// What a bill import did, besides the sheet import's own summary.
#[derive(Debug, Serialize)]
pub struct BillImported {
    pub wallet: Wallet,
    pub imported: super::import::Imported,
    /// Gifts the ledger already holds, recorded from the treasurer's sheet.
    pub already_recorded: Vec<LeftOut>,
    /// Gifts that more than one recorded donation could be.
    pub ambiguous: Vec<LeftOut>,
    /// Refunds of gifts: reverse the donation they undo (`lovefund reverse ID`).
    pub refunds: Vec<LeftOut>,
    /// Rows that are no gift: the fund's own payments, withdrawals, fees, top-ups.
    pub not_gifts: u64,
}

pub enum BillOutcome {
    Imported(Box<BillImported>),
    BadLines(super::import::BadLines),
}

/// The wallet whose bill `file` is, for an import not told (`import` without
/// `--from`): told by the file's header, never for a workbook or a sheet read with a
/// column mapping; None for a sheet.
pub fn detect_wallet(
    file: &std::path::Path,
    encoding: Option<Encoding>,
    mapped: bool,
) -> Option<Wallet> {
    if mapped || crate::input::is_workbook(file) {
        return None;
    }
    bills::detect(file, encoding).unwrap_or(None)
}

/// The bill hides who paid: no name, "/", or a masked one (李**).
fn hidden(counterparty: &str) -> bool {
    let name = counterparty.trim();
    name.is_empty() || name == "/" || name.contains('*')
}

fn left_out(row: &BillRow, entries: Vec<i64>) -> LeftOut {
    LeftOut {
        line: row.line,
        date: iso(row.time.date()),
        counterparty: row.counterparty.clone(),
        amount: row.amount,
        reference: row.reference.clone(),
        entries,
    }
}

pub fn import_bill(
    ledger: &mut Ledger,
    actor: &Actor,
    request: &BillImportRequest,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<BillOutcome> {
    if !request.file.is_file() {
        return Err(Error::not_found(
            crate::error::message::OpsMessage::NotAFile {
                path: request.file.display().to_string(),
            },
        ));
    }
    let store = ledger.reader();
    let mut csv = ::csv::Writer::from_writer(Vec::new());
    let header = crate::input::IMPORT_COLUMNS[..9].to_vec();
    let write_error = |e: ::csv::Error| {
        Error::io_said(
            crate::error::message::IoMessage::LayOut {
                document: crate::error::message::Document::BillGifts,
            },
            e,
        )
    };
    csv.write_record(&header).map_err(write_error)?;
    let mut bill_lines: Vec<u64> = Vec::new();
    let (mut already_recorded, mut ambiguous, mut refunds) = (Vec::new(), Vec::new(), Vec::new());
    let mut not_gifts = 0;
    // Each row as it is read: the gifts go to the sheet import's text at once.
    let bill = bills::read_bill_rows(
        &request.file,
        request.wallet,
        request.encoding,
        &mut |wallet, row: BillRow| -> Result<()> {
            let method = wallet_method(wallet);
            match row.direction {
                Direction::In if !row.refund => {}
                Direction::Out if row.refund => {
                    refunds.push(left_out(&row, Vec::new()));
                    return Ok(());
                }
                _ => {
                    not_gifts += 1;
                    return Ok(());
                }
            }
            let date = row.time.date();
            let anonymous = hidden(&row.counterparty);
            let recorded_by_reference =
                !row.reference.is_empty() && store.entry_by_reference(&row.reference)?.is_some();
            if !anonymous && !recorded_by_reference {
                let from = iso(date.pred_opt().unwrap_or(date));
                let to = iso(date.succ_opt().unwrap_or(date));
                let like = store.donations_like(
                    row.counterparty.trim(),
                    method.as_str(),
                    row.amount.fen(),
                    (&from, &to),
                )?;
                let ids: Vec<i64> = like.iter().map(|e| e.id).collect();
                match ids.len() {
                    0 => {}
                    1 => {
                        already_recorded.push(left_out(&row, ids));
                        return Ok(());
                    }
                    _ => {
                        ambiguous.push(left_out(&row, ids));
                        return Ok(());
                    }
                }
            }
            let (name, party_type) = if anonymous {
                ("匿名", "anonymous")
            } else {
                (row.counterparty.trim(), "person")
            };
            let memo = format!("{} {}", row.kind.trim(), row.memo.trim());
            csv.write_record([
                iso(date).as_str(),
                "donation",
                name,
                party_type,
                "不限",
                row.amount.plain().as_str(),
                method.as_str(),
                row.reference.as_str(),
                memo.trim(),
            ])
            .map_err(write_error)?;
            bill_lines.push(row.line);
            Ok(())
        },
    )?;
    let (errors, errors_more) = bill.errors.into_sorted();
    if !errors.is_empty() {
        return Ok(BillOutcome::BadLines(super::import::BadLines::new(
            errors,
            errors_more,
        )));
    }
    not_gifts += bill.skipped;
    let text = csv.into_inner().map_err(|e| {
        Error::io_said(
            crate::error::message::IoMessage::LayOut {
                document: crate::error::message::Document::BillGifts,
            },
            e,
        )
    })?;
    let text = String::from_utf8(text).expect("written from UTF-8 text");
    let key = ledger
        .store_mut()?
        .write(&actor.stamp(), |unit| unit.identity_key())?;
    let funds = ledger.reader().funds()?;
    let mut file = import::read_text(text, &funds, &key)?;
    // The lines were written one a row, after a header: line n is the (n-1)th gift.
    let bill_line = |line: u64| {
        usize::try_from(line)
            .ok()
            .and_then(|l| l.checked_sub(2))
            .and_then(|i| bill_lines.get(i).copied())
            .unwrap_or(line)
    };
    for error in &mut file.errors {
        error.line = bill_line(error.line);
    }
    let how = Recording {
        dry_run: request.dry_run,
        accept_new: false,
        columns: &Columns::default(),
        format: String::new(),
    };
    let encoding = bill.encoding;
    match record(ledger, actor, file, &key, &how, progress)? {
        ImportOutcome::BadLines(mut bad) => {
            for error in &mut bad.errors {
                error.line = bill_line(error.line);
            }
            Ok(BillOutcome::BadLines(bad))
        }
        ImportOutcome::Imported(mut imported) => {
            imported.0.encoding = encoding.name().to_string();
            Ok(BillOutcome::Imported(Box::new(BillImported {
                wallet: bill.wallet,
                imported,
                already_recorded,
                ambiguous,
                refunds,
                not_gifts,
            })))
        }
    }
}

impl Render for BillImported {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        self.imported.text(out, lang)?;
        let entries = |ids: &[i64]| {
            ids.iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(L::ListSeparator.get(lang))
        };
        let lists = [
            (L::BillAlreadyRecorded, &self.already_recorded),
            (L::BillAmbiguous, &self.ambiguous),
            (L::BillRefunds, &self.refunds),
        ];
        for (label, rows) in lists {
            if rows.is_empty() {
                continue;
            }
            writeln!(out, "{}: {}", label.get(lang), rows.len())?;
            for row in rows {
                write!(
                    out,
                    "  {} {}  {}  {}  {}",
                    L::Line.get(lang),
                    row.line,
                    row.date,
                    row.counterparty,
                    row.amount.yuan()
                )?;
                if !row.entries.is_empty() {
                    write!(out, "  → {}", entries(&row.entries))?;
                }
                writeln!(out)?;
            }
        }
        writeln!(out, "  {}: {}", L::BillNotGifts.get(lang), self.not_gifts)
    }
}
