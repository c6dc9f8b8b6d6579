//! `export`: streams the journal from the store into one export format, to stdout
//! or through a temporary file to --out. Notes on what a format had to leave out go
//! to stderr.

use super::args::ExportArgs;
use super::{Context, output};
use crate::error::{Error, Result};
use crate::export::output::AtomicFile;
use crate::export::{Format, Header, writer};
use crate::i18n::L;
use crate::store::Store;
use std::io::Write;

pub fn run(ctx: &Context, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let format = Format::parse(&args.format)?;
    let (from, to) = super::reports::date_range(&args.from, &args.to)?;
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let notes = match &args.out {
        None => export(&store, format, (from, to), lang, out)?,
        Some(path) => {
            let mut file = AtomicFile::create(path, &ctx.db)?;
            let notes = export(&store, format, (from, to), lang, file.writer())?;
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

/// Writes the whole export from one snapshot of the ledger; returns the notes.
fn export(
    store: &Store,
    format: Format,
    range: (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
) -> Result<Vec<String>> {
    store.with_export_snapshot(|store| {
        let header = Header::new(
            store.ledger_name()?,
            store.head()?.last.map(|(_, hash)| hex::encode(hash)),
            range,
            store.first_date_between(range.0, range.1)?,
            &store.accounts()?,
            store.funds()?,
            lang,
        );
        let mut format_writer = writer(format);
        output(format_writer.begin(out, &header))?;
        store.for_each_export_entry(range.0, range.1, |entry| {
            output(format_writer.entry(out, &header, entry))
        })?;
        format_writer
            .finish(out, &header)
            .map_err(|e| Error::io("cannot write the output", e))
    })
}
