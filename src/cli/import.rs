//! `import FILE.csv [--dry-run] [--encoding E]`: the import operation with a
//! progress bar on a terminal, and the bad lines of a refused file on stderr.

use super::args::ImportArgs;
use super::{Context, output};
use crate::error::Result;
use crate::error::message::CliMessage;
use crate::i18n::Lang;
use crate::i18n::say::say;
use crate::import::LineError;
use crate::ops::import::{ImportOutcome, ImportRequest, import_file};
use crate::render::json;
use std::io::Write;

pub fn run(ctx: &Context, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
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
            super::warn_unprintable(&imported.1);
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
