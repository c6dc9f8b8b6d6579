//! Importing the treasurer's spreadsheet: read and check every line, then record the
//! good file in one transaction (or, as a dry run, roll it back), all or nothing.

use super::{Actor, Ledger};
use crate::error::message::OpsMessage;
use crate::error::{Error, Result};
use crate::i18n::{L, Lang};
use crate::import::SheetColumns;
use crate::import::{self, Encoding, ImportSummary, LineError};
use crate::ledger::settings::ProfileKind;
use crate::render::Render;
use crate::store::Read;
use crate::store::UnitOfWork;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;

pub struct ImportRequest {
    pub file: PathBuf,
    pub dry_run: bool,
    /// None: detected.
    pub encoding: Option<Encoding>,
    /// Records a sheet's new lines even when they look like corrected versions of
    /// entries imported before.
    pub accept_new: bool,
    /// `--columns FIELD=HEADER,…`, if given.
    pub columns: Option<String>,
    /// `--profile NAME`: the saved mapping, or the name to save `columns` under.
    pub profile: Option<String>,
}

/// What an import did, or the lines that stopped it (then nothing was written).
pub enum ImportOutcome {
    Imported(Imported),
    BadLines(BadLines),
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Imported(
    pub ImportSummary,
    /// New donors' names the receipt font cannot draw, for a warning.
    #[serde(skip)]
    pub Vec<super::documents::UnprintableName>,
);

/// The bad lines of a refused import: the first `LINE_ERRORS_MAX` in full, and how
/// many more there were.
#[derive(Debug, Serialize)]
pub struct BadLines {
    pub imported: bool,
    pub bad_lines: usize,
    pub errors: Vec<LineError>,
}

impl BadLines {
    pub(super) fn new(errors: Vec<LineError>, more: usize) -> BadLines {
        BadLines {
            imported: false,
            bad_lines: errors.len() + more,
            errors,
        }
    }

    /// Bad lines beyond those listed.
    pub fn more(&self) -> usize {
        self.bad_lines - self.errors.len()
    }

    /// The refusal the front end ends with, after listing the lines.
    pub fn refusal(&self) -> Error {
        Error::input(crate::error::message::ImportMessage::Refused {
            bad_lines: self.bad_lines as u64,
        })
    }
}

/// Reads `request.file`, checks every line, and records the file in one
/// transaction. `progress(done, total)` follows the recording.
pub fn import_file(
    ledger: &mut Ledger,
    actor: &Actor,
    request: &ImportRequest,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<ImportOutcome> {
    if !request.file.is_file() {
        return Err(Error::not_found(OpsMessage::NotAFile {
            path: request.file.display().to_string(),
        }));
    }
    let columns = super::profiles::columns(
        ledger,
        ProfileKind::Import,
        request.columns.as_deref(),
        request.profile.as_deref(),
    )?;
    let mapping = match &columns.text {
        Some(text) => SheetColumns::parse(text)?,
        None => SheetColumns::default(),
    };
    let store = ledger.store_mut()?;
    let key = store.write(&actor.stamp(), |unit| unit.identity_key())?;
    let funds = store.funds()?;
    let file = import::read_file(&request.file, request.encoding, &mapping, &funds, &key)?;
    let how = Recording {
        dry_run: request.dry_run,
        accept_new: request.accept_new,
        columns: &columns,
        // A workbook has no text encoding: its format is shown instead (XLSX).
        format: request
            .file
            .extension()
            .map(|e| e.to_string_lossy().to_uppercase())
            .unwrap_or_default(),
    };
    record(ledger, actor, file, &key, &how, progress)
}

/// How a read file is recorded.
pub(super) struct Recording<'a> {
    pub dry_run: bool,
    pub accept_new: bool,
    /// The column profile to save with it.
    pub columns: &'a super::profiles::Columns,
    /// What the summary names a file without a text encoding by.
    pub format: String,
}

/// Records a read and checked file in one transaction (rolled back for a dry run):
/// its bad lines instead when it has any, or when recording finds some.
pub(super) fn record(
    ledger: &mut Ledger,
    actor: &Actor,
    mut file: import::ImportFile,
    key: &[u8],
    how: &Recording<'_>,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<ImportOutcome> {
    let memo_lang = ledger.lang();
    let store = ledger.store_mut()?;
    if !file.errors.is_empty() {
        let errors = std::mem::take(&mut file.errors);
        return Ok(ImportOutcome::BadLines(BadLines::new(
            errors,
            file.errors_more,
        )));
    }
    let total = file.lines.len() as u64;
    let line_done = |done: u64| progress(done, total);
    let (dry_run, accept_new) = (how.dry_run, how.accept_new);
    let outcome =
        store.write_bulk_or_rollback(&actor.stamp(), |appender| {
            match import::apply(appender, &mut file, key, memo_lang, accept_new, &line_done)? {
                Ok(summary) => {
                    how.columns.save_in(appender, actor)?;
                    appender.finish()?;
                    Ok((Ok(summary), !dry_run))
                }
                Err(errors) => Ok((Err(errors), false)),
            }
        })?;
    match outcome {
        Err(mut errors) => {
            file.name_columns(&mut errors);
            Ok(ImportOutcome::BadLines(BadLines::new(errors, 0)))
        }
        Ok(mut summary) => {
            summary.dry_run = dry_run;
            summary.encoding = match file.encoding {
                Some(encoding) => encoding.name().to_string(),
                None => how.format.clone(),
            };
            let names = summary.new_donor_names.iter().map(String::as_str);
            let unprintable = super::documents::unprintable_names(names);
            Ok(ImportOutcome::Imported(Imported(summary, unprintable)))
        }
    }
}

impl Render for Imported {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let s = &self.0;
        if s.dry_run {
            writeln!(out, "{}", L::DryRun.get(lang))?;
        }
        if s.donations + s.disbursements == 0 && s.already_imported > 0 {
            writeln!(out, "{}", L::NothingNew.get(lang))?;
        }
        let imported = s.lines - s.already_imported;
        writeln!(
            out,
            "{}: {imported} ({})",
            L::Imported.get(lang),
            s.encoding
        )?;
        let line = |label: L, count: usize, total: String| {
            format!("  {}: {count}  {total}", label.get(lang))
        };
        let donations = s.donations_total.yuan();
        writeln!(out, "{}", line(L::Donations, s.donations, donations))?;
        let aid = s.disbursements_total.yuan();
        writeln!(out, "{}", line(L::Disbursements, s.disbursements, aid))?;
        let count = |label: L, n: usize| format!("  {}: {n}", label.get(lang));
        writeln!(out, "{}", count(L::AlreadyImported, s.already_imported))?;
        writeln!(out, "{}", count(L::NewDonors, s.new_donors))?;
        writeln!(out, "{}", count(L::NewBeneficiaries, s.new_beneficiaries))?;
        if let (Some(first), Some(last)) = (&s.first_receipt, &s.last_receipt) {
            writeln!(out, "  {}: {first} … {last}", L::Receipt.get(lang))?;
        }
        Ok(())
    }
}
