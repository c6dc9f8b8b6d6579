//! `receipt print | list | void | reissue | gaps | verify`.

use super::args::ReceiptCommand;
use super::{Context, ledger_lang, output};
use crate::error::{Error, Result};
use crate::i18n::L;
use crate::ledger::date::parse_date;
use crate::ledger::operations::reversal_entry;
use crate::ledger::receipt::{ReceiptNumber, normalize_code, verification_code};
use crate::render::pdf::{ReceiptDoc, render_receipt};
use crate::render::{json, receipts as render};
use crate::report::receipts::{self, ReceiptView};
use crate::store::receipts as stored;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(ctx: &Context, command: ReceiptCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        ReceiptCommand::Print {
            number,
            year,
            out: dir,
            font,
        } => print(ctx, number, year, &dir, font, out),
        ReceiptCommand::List { year, status } => list(ctx, year, status.as_deref(), out),
        ReceiptCommand::Void {
            number,
            reason,
            reverse,
            date,
        } => void(ctx, &number, &reason, reverse, date, out),
        ReceiptCommand::Reissue { number, reason } => reissue(ctx, &number, &reason, out),
        ReceiptCommand::Gaps { year } => gaps(ctx, year, out),
        ReceiptCommand::Verify { code } => verify(ctx, &code, out),
    }
}

fn print(
    ctx: &Context,
    number: Option<String>,
    year: Option<i32>,
    dir: &Path,
    font: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<()> {
    let number = number.as_deref().map(ReceiptNumber::parse).transpose()?;
    let store = ctx.open_for_reading()?;
    let lang = ctx.document_lang(&store);
    let funds = store.funds()?;
    let fund_name = store.ledger_name()?;
    let records = match number {
        Some(n) => vec![store.receipt(n)?],
        None => store.receipts(year)?,
    };
    if records.is_empty() {
        return Err(Error::not_found(format!(
            "there are no receipts of {}; nothing to print",
            year.unwrap_or_default()
        )));
    }
    let font_path = font.or_else(|| {
        std::env::var_os("LOVEFUND_FONT")
            .filter(|f| !f.is_empty())
            .map(PathBuf::from)
    });
    let font = render::load_font(font_path.as_deref())?;
    let doc_of = |r: &stored::ReceiptRecord| {
        render::receipt_doc(&receipts::receipt_view(r, &funds, lang), &fund_name, lang)
    };
    // Every receipt is checked before any file is written.
    for record in &records {
        let missing = render::missing_chars(&doc_of(record), &font);
        if let Some(c) = missing.first() {
            return Err(Error::input(format!(
                "receipt {} has the character {c:?} (U+{:04X}) that the font cannot draw; \
                 nothing was written — give a font that has it with --font PATH (or $LOVEFUND_FONT)",
                record.number,
                u32::from(*c)
            )));
        }
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("cannot make the folder {}", dir.display()), e))?;
    let bar = ProgressBar::new(records.len() as u64);
    if records.len() > 1 {
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut written = Vec::with_capacity(records.len());
    for record in &records {
        let path = write_pdf(dir, record.number, &doc_of(record), &font)?;
        written.push(path.display().to_string());
        bar.inc(1);
    }
    bar.finish_and_clear();
    if ctx.json {
        return output(json::write(out, &json!({"written": written})));
    }
    for path in &written {
        output(writeln!(out, "{} {path}", L::Wrote.get(lang)))?;
    }
    Ok(())
}

/// Writes DIR/NUMBER.pdf (the name comes from the number only) through a temporary
/// file, so a reader never sees half a PDF.
fn write_pdf(
    dir: &Path,
    number: ReceiptNumber,
    doc: &ReceiptDoc,
    font: &crate::render::pdf::PdfFont,
) -> Result<PathBuf> {
    let bytes = render_receipt(doc, font)
        .map_err(|e| Error::Io(format!("cannot lay out receipt {number}: {e}")))?;
    let path = dir.join(format!("{number}.pdf"));
    let temporary = dir.join(format!(".{number}.pdf.tmp"));
    std::fs::write(&temporary, bytes)
        .map_err(|e| Error::io(format!("cannot write {}", temporary.display()), e))?;
    std::fs::rename(&temporary, &path)
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
    Ok(path)
}

fn list(ctx: &Context, year: Option<i32>, status: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let views = receipts::receipt_list(&store, year, status, lang)?;
    if ctx.json {
        return output(json::write(out, &views));
    }
    output(render::receipt_list(out, &views, lang))
}

fn void(
    ctx: &Context,
    number: &str,
    reason: &str,
    reverse: bool,
    date: Option<String>,
    out: &mut dyn Write,
) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let number = ReceiptNumber::parse(number)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::input(
            "--reason is empty; say why the receipt is void",
        ));
    }
    crate::ledger::entry::check_text("--reason", reason, crate::ledger::entry::MEMO_LENGTH_MAX)?;
    let date = match &date {
        Some(text) => parse_date("--date", text)?,
        None => chrono::Local::now().date_naive(),
    };
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let memo_label = L::Reverses.get(ledger_lang(&store));
    let now = ctx.now();
    let reversal = store.append(&ctx.user, &now, |appender| {
        let tx = appender.transaction()?;
        let record = stored::receipt(tx, number)?
            .ok_or_else(|| Error::not_found(format!("there is no receipt {number}")))?;
        refuse_if_void(&record)?;
        stored::insert_void(tx, number, reason, &ctx.user, &now)?;
        if !reverse {
            return Ok(None);
        }
        let original = crate::store::entry_in(tx, record.entry_id)?;
        let reversed_by = crate::store::reversed_by_in(tx, record.entry_id)?;
        let entry = reversal_entry(&original, reversed_by, date, reason, memo_label)?;
        appender.append(&entry).map(Some)
    })?;
    if ctx.json {
        return output(json::write(
            out,
            &json!({"receipt": number.to_string(), "status": "void", "reversal": reversal.as_ref().map(|a| a.id)}),
        ));
    }
    output(writeln!(out, "{number}: {}", L::Void.get(lang)))?;
    if let Some(a) = reversal {
        output(writeln!(out, "{} {}", L::Recorded.get(lang), a.id))?;
    }
    Ok(())
}

fn refuse_if_void(record: &stored::ReceiptRecord) -> Result<()> {
    match &record.void {
        Some(v) => Err(Error::conflict(format!(
            "receipt {} is already void ({}, by {} at {})",
            record.number, v.reason, v.voided_by, v.voided_at
        ))),
        None => Ok(()),
    }
}

fn reissue(ctx: &Context, number: &str, reason: &str, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let number = ReceiptNumber::parse(number)?;
    crate::ledger::entry::check_text("--reason", reason, crate::ledger::entry::MEMO_LENGTH_MAX)?;
    let reason = if reason.trim().is_empty() {
        "reissued"
    } else {
        reason.trim()
    };
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let now = ctx.now();
    let new = store.write(|tx| {
        let record = stored::receipt(tx, number)?
            .ok_or_else(|| Error::not_found(format!("there is no receipt {number}")))?;
        refuse_if_void(&record)?;
        let year = parse_date("date", &record.date)?;
        stored::insert_void(tx, number, reason, &ctx.user, &now)?;
        stored::insert_reissue(tx, &record, chrono::Datelike::year(&year))
    })?;
    if ctx.json {
        return output(json::write(
            out,
            &json!({"void": number.to_string(), "receipt": new.to_string()}),
        ));
    }
    output(writeln!(
        out,
        "{number}: {} — {} {new}",
        L::Void.get(lang),
        L::ReplacedBy.get(lang)
    ))
}

fn gaps(ctx: &Context, year: i32, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let report = receipts::receipt_sequence(&store, year)?;
    if ctx.json {
        output(json::write(out, &report))?;
    } else {
        output(render::receipt_sequence(out, &report, lang))?;
    }
    if report.missing.is_empty() {
        Ok(())
    } else {
        Err(Error::Verify(format!(
            "receipt numbers of {year} have gaps: {} missing, first {}",
            report.missing.len(),
            report.missing[0]
        )))
    }
}

fn verify(ctx: &Context, code: &str, out: &mut dyn Write) -> Result<()> {
    let code = normalize_code(code)?;
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let found = store
        .receipt_hashes()?
        .into_iter()
        .find(|(number, hash)| verification_code(hash, *number) == code)
        .map(|(number, _)| number)
        .ok_or_else(|| Error::not_found(format!(
            "no receipt of this ledger has the verification code {code}; check the code, or the receipt is not genuine"
        )))?;
    let view: ReceiptView = receipts::receipt_view(&store.receipt(found)?, &store.funds()?, lang);
    if ctx.json {
        return output(json::write(out, &view));
    }
    let status = if view.status == "void" {
        L::Void
    } else {
        L::Issued
    };
    output(writeln!(
        out,
        "{code}: {} {}  {}  {}  {}  {}",
        L::ReceiptNo.get(lang),
        view.number,
        view.date,
        view.donor,
        view.amount.yuan(),
        status.get(lang)
    ))?;
    if let Some(reason) = &view.void_reason {
        output(writeln!(out, "{}: {reason}", L::VoidReason.get(lang)))?;
    }
    if let Some(new) = &view.replaced_by {
        output(writeln!(out, "{} {new}", L::ReplacedBy.get(lang)))?;
    }
    Ok(())
}
