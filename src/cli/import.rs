//! `import FILE.csv [--dry-run] [--encoding E]`: the import operation with a
//! progress bar on a terminal, and the bad lines of a refused file on stderr.

use super::args::ImportArgs;
use super::{Context, output};
use crate::error::message::CliMessage;
use crate::error::message::Wallet;
use crate::error::{Error, Result};
use crate::i18n::L;
use crate::i18n::Lang;
use crate::i18n::say::say;
use crate::import::LineError;
use crate::ops::bill_import::{BillImportRequest, BillOutcome, import_bill};
use crate::ops::import::{ImportOutcome, ImportRequest, import_file};
use crate::render::json;
use std::io::IsTerminal;
use std::io::Write;

pub fn run(ctx: &Context, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let wallet = match args.from {
        Some(format) => Some(format.into()),
        None => crate::ops::bill_import::detect_wallet(
            &args.file,
            args.encoding.map(Into::into),
            args.columns.is_some() || args.profile.is_some(),
        ),
    };
    if let Some(wallet) = wallet {
        return bill(ctx, &args, wallet, out);
    }
    let request = ImportRequest {
        file: args.file,
        dry_run: args.dry_run,
        encoding: args.encoding.map(Into::into),
        accept_new: args.accept_new,
        columns: args.columns,
        profile: args.profile,
    };
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let bar = super::progress::Bar::new();
    let outcome = import_file(&mut ledger, &ctx.actor()?, &request, &|done, total| {
        bar.show(done, total)
    });
    bar.finish();
    match outcome? {
        ImportOutcome::Imported(imported) => {
            super::warn_unprintable(&imported.1, lang);
            ctx.emit(out, lang, &imported)
        }
        ImportOutcome::BadLines(bad) => {
            if ctx.json {
                output(json::write(out, &bad))?;
            } else {
                list_bad_lines(lang, &bad.errors, bad.more());
            }
            Err(bad.refusal())
        }
    }
}

/// Bad lines of a file, one per line on stderr in `lang`, before the refusal.
pub fn list_bad_lines(lang: Lang, errors: &[LineError], more: usize) {
    let mut stderr = std::io::stderr().lock();
    for e in errors {
        let line = CliMessage::BadLine {
            line: e.line,
            column: e.column.clone(),
            reason: say(lang, &e.reason, &e.column),
        };
        let _ = writeln!(stderr, "{}", say(lang, &line.into(), ""));
    }
    if more > 0 {
        let more = CliMessage::MoreBadLines { more: more as u64 };
        let _ = writeln!(stderr, "{}", say(lang, &more.into(), ""));
    }
}

/// `import --from wechat|alipay BILL`: a dry run first, then, confirmed on the
/// terminal (or by `--yes`), the same again for real. Without a terminal and without
/// `--yes` the dry run is shown and nothing is written (exit 1).
fn bill(ctx: &Context, args: &ImportArgs, wallet: Wallet, out: &mut dyn Write) -> Result<()> {
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let actor = ctx.actor()?;
    let mut request = BillImportRequest {
        file: args.file.clone(),
        wallet: Some(wallet),
        encoding: args.encoding.map(Into::into),
        dry_run: args.dry_run || !args.yes,
    };
    let run = |ledger: &mut crate::ops::Ledger, request: &BillImportRequest| {
        let bar = super::progress::Bar::new();
        let outcome = import_bill(ledger, &actor, request, &|done, total| {
            bar.show(done, total)
        });
        bar.finish();
        outcome
    };
    let shown = match run(&mut ledger, &request)? {
        BillOutcome::Imported(imported) => imported,
        BillOutcome::BadLines(bad) => {
            if ctx.json {
                output(json::write(out, &bad))?;
            } else {
                list_bad_lines(lang, &bad.errors, bad.more());
            }
            return Err(bad.refusal());
        }
    };
    ctx.emit(out, lang, &*shown)?;
    if args.dry_run || args.yes {
        return Ok(());
    }
    let gifts = shown.imported.0.donations;
    if gifts == 0 {
        return Ok(());
    }
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !terminal {
        return Err(Error::input(CliMessage::BillNeedsYes));
    }
    eprint!("{}", L::BillConfirm.get(lang));
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Error::io(crate::error::message::IoMessage::ReadAnswer, e))?;
    if !matches!(answer.trim(), "y" | "Y" | "yes" | "是") {
        return Err(Error::input(CliMessage::BillNotConfirmed));
    }
    request.dry_run = false;
    match run(&mut ledger, &request)? {
        BillOutcome::Imported(imported) => ctx.emit(out, lang, &*imported),
        BillOutcome::BadLines(bad) => {
            list_bad_lines(lang, &bad.errors, bad.more());
            Err(bad.refusal())
        }
    }
}
