//! Receipts on paper and on screen: a `ReceiptView` laid out as a PDF document in
//! the ledger's language (with the bundled CJK font unless another is given), and the
//! text tables of `receipt list` and `receipt gaps`.

use super::pdf::{PdfFont, ReceiptDoc, ReceiptLabels};
use super::table::{Align, Table};
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::report::receipts::{ReceiptSequence, ReceiptView};
use std::io::{self, Write};

/// Noto Sans CJK SC, subset to the CJK Unified Ideographs and common punctuation
/// (SIL OFL 1.1; see receipts/README.md). Draws both scripts.
pub static BUNDLED_FONT: &[u8] = include_bytes!("../../receipts/NotoSansCJKsc-Regular-subset.ttf");

/// The bundled font, or the TTF/OTF/TTC at `path`.
pub fn load_font(path: Option<&std::path::Path>) -> Result<PdfFont> {
    let bytes = match path {
        None => BUNDLED_FONT.to_vec(),
        Some(p) => std::fs::read(p)
            .map_err(|e| Error::io(format!("cannot read the font {}", p.display()), e))?,
    };
    PdfFont::from_bytes(bytes).map_err(|e| match path {
        Some(p) => Error::input_in(
            Field::Font,
            format!(
                "{{field}} {} is not a font lovefund can use: {e}",
                p.display()
            ),
        ),
        None => Error::Io(format!("the bundled font is damaged: {e}")),
    })
}

fn labels(lang: Lang) -> ReceiptLabels {
    let t = |l: L| l.get(lang).to_string();
    ReceiptLabels {
        title: t(L::ReceiptTitle),
        number: t(L::ReceiptNo),
        date: t(L::ReceiptDate),
        donor: t(L::Donor),
        amount_figures: t(L::AmountFigures),
        amount_words: t(L::AmountWords),
        purpose: t(L::Purpose),
        method: t(L::PaymentMethod),
        official_no: t(L::OfficialNo),
        handler: t(L::Handler),
        reviewer: t(L::Reviewer),
        verification: t(L::Verification),
        thanks: t(L::Thanks),
        void_mark: t(L::VoidMark),
        void_reason: t(L::VoidReason),
    }
}

pub fn receipt_doc(view: &ReceiptView, fund_name: &str, lang: Lang) -> ReceiptDoc {
    let void_reason = view
        .void_reason
        .as_ref()
        .map(|reason| match &view.replaced_by {
            Some(new) => format!("{reason} ({} {new})", L::ReplacedBy.get(lang)),
            None => reason.clone(),
        });
    ReceiptDoc {
        fund_name: fund_name.to_string(),
        number: view.number.clone(),
        date: view.date.clone(),
        donor: view.donor.clone(),
        amount_figures: view.amount.yuan(),
        amount_words: view.amount_words.clone(),
        purpose: view.fund.clone(),
        method: view.method.clone(),
        official_no: view.official_no.clone(),
        handler: view.handler.clone(),
        reviewer: String::new(),
        verification_code: view.verification_code.clone(),
        void_reason,
        labels: labels(lang),
    }
}

/// Every character of the document the font cannot draw.
pub fn missing_chars(doc: &ReceiptDoc, font: &PdfFont) -> Vec<char> {
    let l = &doc.labels;
    let texts = [
        &doc.fund_name,
        &doc.number,
        &doc.date,
        &doc.donor,
        &doc.amount_figures,
        &doc.amount_words,
        &doc.purpose,
        &doc.method,
        &doc.handler,
        &doc.verification_code,
        &l.title,
        &l.number,
        &l.date,
        &l.donor,
        &l.amount_figures,
        &l.amount_words,
        &l.purpose,
        &l.method,
        &l.official_no,
        &l.handler,
        &l.reviewer,
        &l.verification,
        &l.thanks,
        &l.void_mark,
        &l.void_reason,
    ];
    let mut missing: Vec<char> = Vec::new();
    let extra = [doc.official_no.as_ref(), doc.void_reason.as_ref()];
    for text in texts.into_iter().chain(extra.into_iter().flatten()) {
        for c in font.missing_chars(text) {
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
    }
    missing
}

pub fn receipt_list(out: &mut dyn Write, views: &[ReceiptView], lang: Lang) -> io::Result<()> {
    let mut t = Table::new(&[
        (L::ReceiptNo.get(lang), Align::Left),
        (L::Date.get(lang), Align::Left),
        (L::Donor.get(lang), Align::Left),
        (L::Fund.get(lang), Align::Left),
        (L::Amount.get(lang), Align::Right),
        (L::Status.get(lang), Align::Left),
        ("", Align::Left),
    ]);
    for v in views {
        let status = if v.status == "void" {
            L::Void
        } else {
            L::Issued
        };
        let note = match (&v.replaces, &v.replaced_by, &v.void_reason) {
            (_, Some(new), Some(reason)) => format!("{reason}; {} {new}", L::ReplacedBy.get(lang)),
            (_, None, Some(reason)) => reason.clone(),
            (Some(old), _, None) => format!("{} {old}", L::Replaces.get(lang)),
            _ => String::new(),
        };
        t.row(vec![
            v.number.clone(),
            v.date.clone(),
            v.donor.clone(),
            v.fund.clone(),
            v.amount.grouped(),
            status.get(lang).to_string(),
            note,
        ]);
    }
    t.write(out)
}

pub fn receipt_sequence(out: &mut dyn Write, s: &ReceiptSequence, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{} {}: 1 – {}",
        L::ReceiptSequence.get(lang),
        s.year,
        s.last
    )?;
    writeln!(out, "  {}: {}", L::Issued.get(lang), s.issued)?;
    writeln!(out, "  {}: {}", L::Void.get(lang), s.void.len())?;
    for v in &s.void {
        writeln!(out, "    {}  {}", v.number, v.reason)?;
    }
    if s.missing.is_empty() {
        writeln!(out, "  {}", L::NothingMissing.get(lang))
    } else {
        writeln!(out, "  {}: {}", L::Missing.get(lang), s.missing.join(", "))
    }
}
