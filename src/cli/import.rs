//! `import FILE.csv [--dry-run] [--encoding E]`: the treasurer's spreadsheet in one
//! transaction, with a progress bar on a terminal.

use super::args::ImportArgs;
use super::{Context, ledger_lang, output};
use crate::error::{Error, Result};
use crate::i18n::{L, Lang};
use crate::import::{self, Encoding, ImportSummary, LineError};
use crate::render::json;
use crate::store::people::identity_key;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::io::Write;

/// Signals a rollback from inside the write transaction, carrying the bad lines.
enum Outcome {
    Done(ImportSummary),
    Bad(Vec<LineError>),
}

pub fn run(ctx: &Context, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let encoding = args.encoding.as_deref().map(Encoding::parse).transpose()?;
    if !args.file.is_file() {
        return Err(Error::not_found(format!(
            "{} is not a file; give the CSV's path",
            args.file.display()
        )));
    }
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let memo_lang = ledger_lang(&store);
    let key = store.write(|tx| identity_key(tx))?;
    let funds = store.funds()?;
    let mut file = import::read_file(&args.file, encoding, &funds, &key)?;
    if !file.errors.is_empty() {
        return bad_lines(ctx, &file.errors, file.errors_more, out);
    }
    let bar = ProgressBar::new(file.lines.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = |done: u64| bar.set_position(done);
    let dry_run = args.dry_run;
    let outcome = store.write_bulk_or_rollback(|tx| {
        let mut appender = crate::store::Appender::new(tx, &ctx.user, &ctx.now())?;
        match import::apply(&mut appender, &mut file, &key, memo_lang, &progress)? {
            Ok(summary) => {
                appender.finish()?;
                Ok((Outcome::Done(summary), !dry_run))
            }
            Err(errors) => Ok((Outcome::Bad(errors), false)),
        }
    })?;
    bar.finish_and_clear();
    match outcome {
        Outcome::Bad(errors) => bad_lines(ctx, &errors, 0, out),
        Outcome::Done(mut summary) => {
            summary.dry_run = dry_run;
            summary.encoding = file.encoding.map_or("", Encoding::name).to_string();
            if ctx.json {
                return output(json::write(out, &summary));
            }
            output(write_summary(out, &summary, lang))
        }
    }
}

fn bad_lines(ctx: &Context, errors: &[LineError], more: usize, out: &mut dyn Write) -> Result<()> {
    let count = errors.len() + more;
    if ctx.json {
        output(json::write(
            out,
            &json!({"imported": false, "bad_lines": count, "errors": errors}),
        ))?;
    } else {
        let mut stderr = std::io::stderr().lock();
        for e in errors {
            let _ = writeln!(stderr, "line {}, column {}: {}", e.line, e.column, e.reason);
        }
        if more > 0 {
            let _ = writeln!(stderr, "… and {more} more bad lines");
        }
    }
    Err(Error::input(format!(
        "the import was refused: {count} bad line(s), listed above; nothing was imported — fix them and import the file again"
    )))
}

fn write_summary(out: &mut dyn Write, s: &ImportSummary, lang: Lang) -> std::io::Result<()> {
    if s.dry_run {
        writeln!(out, "{}", L::DryRun.get(lang))?;
    }
    if s.donations + s.disbursements == 0 && s.already_imported > 0 {
        writeln!(out, "{}", L::NothingNew.get(lang))?;
    }
    writeln!(
        out,
        "{}: {} ({})",
        L::Imported.get(lang),
        s.lines - s.already_imported,
        s.encoding
    )?;
    writeln!(
        out,
        "  {}: {}  {}",
        L::Donations.get(lang),
        s.donations,
        s.donations_total.yuan()
    )?;
    writeln!(
        out,
        "  {}: {}  {}",
        L::Disbursements.get(lang),
        s.disbursements,
        s.disbursements_total.yuan()
    )?;
    writeln!(
        out,
        "  {}: {}",
        L::AlreadyImported.get(lang),
        s.already_imported
    )?;
    writeln!(out, "  {}: {}", L::NewDonors.get(lang), s.new_donors)?;
    writeln!(
        out,
        "  {}: {}",
        L::NewBeneficiaries.get(lang),
        s.new_beneficiaries
    )?;
    if let (Some(first), Some(last)) = (&s.first_receipt, &s.last_receipt) {
        writeln!(out, "  {}: {first} … {last}", L::Receipt.get(lang))?;
    }
    Ok(())
}
