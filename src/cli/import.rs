//! `import FILE.csv [--dry-run] [--encoding E]`: the import operation with a
//! progress bar on a terminal, and the bad lines of a refused file on stderr.

use super::args::ImportArgs;
use super::{Context, output};
use crate::error::Result;
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
                list_bad_lines(&bad.errors, bad.more());
            }
            Err(bad.refusal())
        }
    }
}

/// Bad lines of a file, one per line on stderr, before the refusal.
pub fn list_bad_lines(errors: &[LineError], more: usize) {
    let mut stderr = std::io::stderr().lock();
    for e in errors {
        let _ = writeln!(stderr, "line {}, column {}: {}", e.line, e.column, e.reason);
    }
    if more > 0 {
        let _ = writeln!(stderr, "… and {more} more bad lines");
    }
}
