//! Exporting the journal: one snapshot of the ledger streamed through one format's
//! writer, so the header and every entry agree whatever another process records.

use super::Ledger;
use crate::error::{Error, Result};
use crate::export::{Format, Header, writer};
use crate::i18n::Lang;
use crate::store::Read;
use chrono::NaiveDate;
use std::io::Write;

/// Writes the whole export to `out`; returns the notes on what the format had to
/// leave out.
pub fn export(
    ledger: &Ledger,
    format: Format,
    range: (Option<NaiveDate>, Option<NaiveDate>),
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Vec<crate::error::message::ExportNote>> {
    let written = |e| Error::io(crate::error::message::IoMessage::Output, e);
    ledger.reader().with_export_snapshot(|store| {
        let header = Header::new(
            store.ledger_name_in(lang.into())?,
            store.chain_last()?.map(|(_, hash)| hex::encode(hash)),
            range,
            store.first_date_between(range.0, range.1)?,
            &store.accounts()?,
            store.funds()?,
            lang,
        );
        let mut format_writer = writer(format);
        format_writer.begin(out, &header).map_err(written)?;
        store.for_each_export_entry(range.0, range.1, |entry| {
            format_writer.entry(out, &header, entry).map_err(written)
        })?;
        format_writer.finish(out, &header).map_err(written)
    })
}
