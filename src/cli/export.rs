//! `export`: the journal in one export format, to stdout or through a temporary file
//! to --out. Notes on what a format had to leave out go to stderr.

use super::args::ExportArgs;
use super::{Context, output};
use crate::error::Field;
use crate::error::Result;
use crate::export::Format;
use crate::i18n::L;
use crate::ops::export::export;
use std::io::Write;

pub fn run(ctx: &Context, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let format = Format::from(args.format);
    let range = super::reports::date_range(&args.from, &args.to)?;
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let notes = match &args.out {
        None => export(&ledger, format, range, lang, out)?,
        Some(path) => {
            let guard = super::output_guard(ctx, Field::Out, args.force);
            let mut file = guard.create(path)?;
            let notes = export(&ledger, format, range, lang, file.writer())?;
            file.commit()?;
            output(writeln!(out, "{} {}", L::Wrote.get(lang), path.display()))?;
            notes
        }
    };
    for note in notes {
        eprintln!("lovefund: note: {note}");
    }
    Ok(())
}
