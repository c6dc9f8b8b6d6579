//! `export`: the journal in one export format, to stdout or through a temporary file
//! to --out. Notes on what a format had to leave out go to stderr.

use super::args::ExportArgs;
use super::values::{out_encoding, stdout_is_file};
use super::{Context, output};
use crate::error::message::OutputMessage;
use crate::error::{Error, Field, Result};
use crate::export::Format;
use crate::i18n::L;
use crate::ops::export::export;
use crate::output::encode::{OutEncoding, write_encoded};
use std::io::Write;

pub fn run(ctx: &Context, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let format = Format::from(args.format);
    let csv = matches!(format, Format::Csv | Format::ImportCsv);
    if let (false, Some(_)) = (csv, args.out_encoding) {
        return Err(Error::input_in(
            Field::OutEncoding,
            OutputMessage::EncodingForCsvOnly {
                format: format.name().to_string(),
            },
        ));
    }
    let range = super::reports::date_range(&args.from, &args.to)?;
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    // A CSV is encoded for a spreadsheet; the other formats are UTF-8 for their tools.
    let encoding = |to_file| match csv {
        true => out_encoding(args.out_encoding, to_file),
        false => OutEncoding::Utf8,
    };
    let notes = match &args.out {
        None => write_encoded(out, encoding(stdout_is_file()), |w| {
            export(&ledger, format, range, lang, w)
        })?,
        Some(path) => {
            let guard = super::output_guard(ctx, Field::Out, args.force);
            let mut file = guard.create(path)?;
            let notes = write_encoded(file.writer(), encoding(true), |w| {
                export(&ledger, format, range, lang, w)
            })?;
            file.commit()?;
            output(writeln!(out, "{} {}", L::Wrote.get(lang), path.display()))?;
            notes
        }
    };
    for note in notes {
        let note = crate::error::message::CliMessage::ExportNote(note);
        eprintln!(
            "lovefund: {}",
            crate::i18n::say::say(lang, &note.into(), "")
        );
    }
    Ok(())
}
