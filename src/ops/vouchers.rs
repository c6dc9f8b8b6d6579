//! `voucher print`: the accounting vouchers (记账凭证) of one entry or of a month, as
//! A5 PDFs (issue 17 §2). The voucher number is derived from the journal
//! (`store::vouchers`); the lines are the entry's postings; 附单据 counts the
//! original documents attached and not withdrawn; 制单 and 记账 name who recorded the
//! entry (审核 names the reviewer once the entry is approved).

use super::Ledger;
use crate::error::message::{IoMessage, OpsMessage};
use crate::error::{Error, Result};
use crate::i18n::{L, Lang};
use crate::ledger::daxie::{Script, daxie};
use crate::ledger::money::Money;
use crate::ledger::time::unix_seconds;
use crate::output::Guard;
use crate::render::Render;
use crate::render::pdf::{
    PdfDates, PdfFont, VoucherDoc, VoucherLabels, VoucherLine, render_voucher,
};
use crate::report::entry::entry_view_in;
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;

pub struct VoucherRequest {
    /// One entry, or (None) every entry of `month`.
    pub entry: Option<i64>,
    pub month: Option<NaiveDate>,
    pub dir: PathBuf,
    pub font: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
pub struct VouchersPrinted {
    /// (voucher number, file)
    pub written: Vec<(String, String)>,
}

impl Render for VouchersPrinted {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        for (number, path) in &self.written {
            writeln!(out, "{} {path}  ({number})", L::Wrote.get(lang))?;
        }
        Ok(())
    }
}

/// 记-003 in the reader's script (J-003 in English).
pub fn voucher_label(month_seq: i64, lang: Lang) -> String {
    let prefix = L::VoucherPrefix.get(lang);
    format!("{prefix}-{month_seq:03}")
}

fn labels(lang: Lang) -> VoucherLabels {
    let t = |l: L| l.get(lang).to_string();
    VoucherLabels {
        title: t(L::VoucherTitle),
        number: t(L::VoucherNumber),
        date: t(L::Date),
        documents: t(L::VoucherDocuments),
        memo: t(L::Memo),
        account: t(L::Accounts),
        debit: t(L::DebitAmount),
        credit: t(L::CreditAmount),
        total: t(L::Total),
        amount_words: t(L::AmountWords),
        prepared: t(L::PreparedBy),
        reviewed: t(L::ReviewedBy),
        booked: t(L::BookedBy),
    }
}

fn figures(amount: Money) -> String {
    if amount.is_zero() {
        String::new()
    } else {
        amount.grouped()
    }
}

/// The chart, the funds and the fund's name, read once for many vouchers.
pub type VoucherContext<'a> = (
    &'a [crate::ledger::account::Account],
    &'a crate::ledger::fund::Funds,
    &'a str,
);

/// The voucher of entry `id`, laid out for the PDF, with what every voucher shares
/// read once (a month's or a year's vouchers).
pub fn voucher_doc_in(
    store: &impl Read,
    id: i64,
    lang: Lang,
    (accounts, funds, fund_name): VoucherContext<'_>,
) -> Result<VoucherDoc> {
    let view = entry_view_in(store, id, lang, (accounts, funds))?;
    let entry = &view.entry;
    let seq = view.voucher;
    let documents = store
        .attachments_of(id)?
        .iter()
        .filter(|a| a.withdrawn.is_none())
        .count();
    let mut total = Money::ZERO;
    let lines = view
        .lines
        .iter()
        .map(|line| {
            total = total.plus("debits", line.debit).unwrap_or(total);
            let account = if line.fund.is_empty() {
                format!("{} {}", line.account, line.account_name)
            } else {
                format!("{} {} · {}", line.account, line.account_name, line.fund)
            };
            VoucherLine {
                memo: entry.memo.clone(),
                account,
                debit: figures(line.debit),
                credit: figures(line.credit),
            }
        })
        .collect();
    let script = if lang == Lang::ZhHant {
        Script::Traditional
    } else {
        Script::Simplified
    };
    let recorded = unix_seconds(&entry.recorded_at).unwrap_or_default();
    Ok(VoucherDoc {
        fund_name: fund_name.to_string(),
        number: voucher_label(seq, lang),
        date: entry.date.format("%Y-%m-%d").to_string(),
        documents,
        lines,
        total_debit: total.grouped(),
        total_credit: total.grouped(),
        total_words: daxie(total.fen(), script).unwrap_or_default(),
        prepared_by: entry.recorded_by.clone(),
        reviewed_by: store
            .decision(entry.id)?
            .filter(|d| d.verdict == crate::ledger::user::Verdict::Approved)
            .map(|d| d.decided_by)
            .unwrap_or_default(),
        booked_by: entry.recorded_by.clone(),
        labels: labels(lang),
        dates: PdfDates::at(recorded),
    })
}

/// Writes each voucher asked for to DIR/记-YYYY-MM-NNN.pdf (through the output guard,
/// every target checked before the first is written).
pub fn print(
    ledger: &Ledger,
    guard: &Guard,
    request: &VoucherRequest,
    lang: Lang,
) -> Result<VouchersPrinted> {
    let store = ledger.reader();
    let ids = match (request.entry, request.month) {
        (Some(id), _) => vec![id],
        (None, Some(month)) => store.entries_of_month(month)?,
        (None, None) => Vec::new(),
    };
    if ids.is_empty() {
        let month = request
            .month
            .map(|m| m.format("%Y-%m").to_string())
            .unwrap_or_default();
        return Err(Error::not_found(OpsMessage::NoEntriesInMonth { month }));
    }
    let font: PdfFont = super::documents::font(request.font.as_deref())?;
    let mut docs = Vec::with_capacity(ids.len());
    let (accounts, funds) = (store.accounts()?, store.funds()?);
    let fund_name = store.ledger_name_in(lang.into())?;
    for id in ids {
        let doc = voucher_doc_in(store, id, lang, (&accounts, &funds, &fund_name))?;
        let file = file_name(&doc);
        let target = request.dir.join(&file);
        guard.check(&target)?;
        docs.push((doc, target));
    }
    std::fs::create_dir_all(&request.dir).map_err(|e| {
        Error::io(
            IoMessage::MakeFolder {
                path: request.dir.display().to_string(),
            },
            e,
        )
    })?;
    let mut written = Vec::new();
    for (doc, target) in docs {
        let bytes = render_voucher(&doc, &font).map_err(|e| {
            Error::io_said(
                IoMessage::LayOut {
                    document: crate::error::message::Document::Voucher,
                },
                e,
            )
        })?;
        guard.write(&target, &bytes)?;
        written.push((doc.number.clone(), target.display().to_string()));
    }
    Ok(VouchersPrinted { written })
}

/// The vouchers of `month`, laid out but not drawn (the web page's list): each
/// entry's id and its voucher.
pub fn of_month(ledger: &Ledger, month: NaiveDate, lang: Lang) -> Result<Vec<(i64, VoucherDoc)>> {
    let store = ledger.reader();
    let (accounts, funds) = (store.accounts()?, store.funds()?);
    let fund_name = store.ledger_name_in(lang.into())?;
    store
        .entries_of_month(month)?
        .into_iter()
        .map(|id| {
            Ok((
                id,
                voucher_doc_in(store, id, lang, (&accounts, &funds, &fund_name))?,
            ))
        })
        .collect()
}

/// Entry `id`'s voucher as a PDF, handed over instead of written to a folder:
/// its file name (as `print` names it) and its bytes.
pub fn pdf_of(ledger: &Ledger, id: i64, lang: Lang) -> Result<(String, Vec<u8>)> {
    let store = ledger.reader();
    let (accounts, funds) = (store.accounts()?, store.funds()?);
    let fund_name = store.ledger_name_in(lang.into())?;
    let doc = voucher_doc_in(store, id, lang, (&accounts, &funds, &fund_name))?;
    let font: PdfFont = super::documents::font(None)?;
    let bytes = render_voucher(&doc, &font).map_err(|e| {
        Error::io_said(
            IoMessage::LayOut {
                document: crate::error::message::Document::Voucher,
            },
            e,
        )
    })?;
    Ok((file_name(&doc), bytes))
}

/// `记-2022-03-003.pdf`: the number with its month, so a year's vouchers share a folder.
fn file_name(doc: &VoucherDoc) -> String {
    let (prefix, seq) = doc.number.rsplit_once('-').unwrap_or(("", &doc.number));
    let month = doc.date.get(..7).unwrap_or(&doc.date);
    format!("{prefix}-{month}-{seq}.pdf")
}
