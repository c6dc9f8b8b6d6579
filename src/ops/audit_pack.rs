//! The audit pack (issue 17 §4): everything of one fiscal year an auditor asks for,
//! in one zip, with a manifest of every file's size and SHA-256, the ledger's
//! fingerprint and the fund's key id, signed with the fund's receipt-signing key, so
//! that `audit-pack verify` can check it on a machine without the ledger and name
//! any file that was changed, added or removed.
//!
//! Made from one read snapshot of the ledger, written through the output guard (no
//! file at all unless the whole pack was written), each file put into the zip as it
//! is made (text deflated, the PDFs stored as drawn, their streams deflated already)
//! and in the same order on every run: memory stays flat however many receipts and
//! vouchers the year has.
//!
//! Not here: the zip itself (`output::zip`, `input::pack`), how each document looks
//! (the renderers), or the signature's bytes (`ledger::signature`).

use super::Ledger;
use crate::error::message::{IoMessage, PackMessage, Quoted, SignMessage, SignatureState};
use crate::error::{Error, Result};
use crate::export::Format;
use crate::i18n::Lang;
use crate::i18n::say::say;
use crate::input::pack::{MANIFEST, PackContents, SIGNATURE};
use crate::ledger::manifest::{FileFinding, MANIFEST_FORMAT, Manifest, compare};
use crate::ledger::signature::{self, Fault, Secret};
use crate::output::Guard;
use crate::output::encode::{OutEncoding, write_encoded};
use crate::output::zip::{Squeeze, ZipOut};
use crate::render::grid::Grid;
use crate::render::{Render, Tabular};
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The longest an attachment's name is kept inside the pack (characters).
const ATTACHMENT_NAME_CHARS_MAX: usize = 80;

pub struct PackRequest {
    pub year: i32,
    pub out: PathBuf,
    /// The font of receipts, vouchers and the summary (None: $LOVEFUND_FONT or the
    /// bundled one).
    pub font: Option<PathBuf>,
    /// The date the summary is signed on.
    pub date: NaiveDate,
}

/// What `audit-pack` wrote.
#[derive(Debug, Serialize)]
pub struct Packed {
    pub path: String,
    pub year: i32,
    pub files: u64,
    pub receipts: u64,
    pub vouchers: u64,
    pub attachments: u64,
    pub fingerprint: String,
    pub key_id: String,
    /// Whether the ledger's own `verify` passed (its report is in verify/).
    pub verify_passed: bool,
    /// The first check that failed, if any.
    pub verify_failed: Option<String>,
}

/// A file name safe inside the pack and on any file system: letters and digits of
/// any script, `.`, `-`, `_`; anything else becomes `_`; no leading dot; cut short.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            c if c.is_alphanumeric() => c,
            '.' | '-' | '_' => c,
            _ => '_',
        })
        .take(ATTACHMENT_NAME_CHARS_MAX)
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() {
        "file".to_string()
    } else {
        cleaned.to_string()
    }
}

/// Counts of what went into a pack.
#[derive(Default)]
struct Counts {
    receipts: u64,
    vouchers: u64,
    attachments: u64,
}

fn layout_failed(document: crate::error::message::Document, e: String) -> Error {
    Error::io_said(IoMessage::LayOut { document }, e)
}

fn wrote(target: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| {
        Error::io(
            IoMessage::Write {
                path: target.display().to_string(),
            },
            e,
        )
    }
}

/// A grid as NAME.csv (UTF-8 with a byte order mark, for a spreadsheet) and NAME.pdf.
fn add_grid(
    zip: &mut ZipOut<'_>,
    store: &impl Read,
    name: &str,
    grid: &Grid,
    lang: Lang,
) -> Result<()> {
    zip.add(&format!("{name}.csv"), Squeeze::Text, |w| {
        write_encoded(w, OutEncoding::Utf8Bom, |w| {
            grid.write_csv(w)
                .map_err(|e| Error::io(IoMessage::Output, e))
        })
    })?;
    let pdf = super::documents::grid_pdf(store, grid, lang)?;
    zip.add_bytes(&format!("{name}.pdf"), Squeeze::Compressed, &pdf)?;
    Ok(())
}

fn add_statements(
    zip: &mut ZipOut<'_>,
    store: &impl Read,
    request: &PackRequest,
    (end, lang): (NaiveDate, Lang),
) -> Result<()> {
    use crate::report::statements;
    let year = request.year;
    let balance_sheet = statements::balance_sheet(store, end, lang)?.grid(lang);
    add_grid(zip, store, "statements/balance-sheet", &balance_sheet, lang)?;
    let activities = statements::activities(store, year, lang)?.grid(lang);
    add_grid(zip, store, "statements/activities", &activities, lang)?;
    let cash_flow = crate::report::cash_flow::cash_flow(store, year)?.grid(lang);
    add_grid(zip, store, "statements/cash-flow", &cash_flow, lang)?;
    let summary = crate::report::summary::annual_summary(store, year, lang)?;
    let grid = crate::render::summary::summary_grid(&summary, lang);
    zip.add("statements/summary.csv", Squeeze::Text, |w| {
        write_encoded(w, OutEncoding::Utf8Bom, |w| {
            grid.write_csv(w)
                .map_err(|e| Error::io(IoMessage::Output, e))
        })
    })?;
    let font = request.font.as_deref();
    let pdf = super::documents::summary_pdf(&summary, lang, request.date, font)?;
    zip.add_bytes("statements/summary.pdf", Squeeze::Compressed, &pdf)?;
    Ok(())
}

fn add_journal(
    zip: &mut ZipOut<'_>,
    ledger: &Ledger,
    range: (NaiveDate, NaiveDate),
    lang: Lang,
) -> Result<()> {
    let range = (Some(range.0), Some(range.1));
    for (format, name) in [
        (Format::Ledger, "journal/journal.ledger"),
        (Format::Beancount, "journal/journal.beancount"),
        (Format::Csv, "journal/journal.csv"),
    ] {
        let encoding = match format {
            Format::Csv => OutEncoding::Utf8Bom,
            _ => OutEncoding::Utf8,
        };
        zip.add(name, Squeeze::Text, |w| {
            write_encoded(w, encoding, |w| {
                super::export::export(ledger, format, range, lang, w).map(drop)
            })
        })?;
    }
    Ok(())
}

fn add_receipts(
    zip: &mut ZipOut<'_>,
    ledger: &Ledger,
    request: &PackRequest,
    lang: Lang,
) -> Result<u64> {
    let store = ledger.reader();
    zip.add("receipts/register.csv", Squeeze::Text, |w| {
        write_encoded(w, OutEncoding::Utf8Bom, |w| {
            let mut rows = crate::render::pack::ReceiptRegisterCsv::start(w)
                .map_err(|e| Error::io(IoMessage::Output, e))?;
            crate::report::receipts::for_each_receipt(
                store,
                Some(request.year),
                None,
                lang,
                crate::report::receipts::Payloads::Left,
                |view| rows.row(view),
            )?;
            rows.finish().map_err(|e| Error::io(IoMessage::Output, e))
        })
    })?;
    let font = request.font.as_deref();
    super::receipts::render_year(ledger, request.year, font, lang, &mut |number, bytes| {
        zip.add_bytes(
            &format!("receipts/{number}.pdf"),
            Squeeze::Compressed,
            &bytes,
        )
        .map(drop)
    })
}

/// A file of the pack made on a worker: a voucher to draw, or a document's bytes.
enum Job {
    Voucher(String, Box<crate::render::pdf::VoucherDoc>),
    Attachment(String, Vec<u8>),
}

/// Each month's vouchers (drawn on every core), and the documents attached to each
/// entry of the year (their stored bytes, checked against their hash).
fn add_vouchers_and_attachments(
    zip: &mut ZipOut<'_>,
    store: &impl Read,
    request: &PackRequest,
    lang: Lang,
    counts: &mut Counts,
) -> Result<()> {
    use crate::error::message::Document;
    use std::cell::Cell;
    let font = super::documents::font(request.font.as_deref())?;
    let (vouchers, attachments) = (Cell::new(0u64), Cell::new(0u64));
    let (accounts, funds) = (store.accounts()?, store.funds()?);
    let fund_name = store.ledger_name_in(lang.into())?;
    let context = (accounts.as_slice(), &funds, fund_name.as_str());
    let feed = |send: &mut dyn FnMut(Job) -> Result<()>| {
        for month in 1..=12 {
            let Some(first) = NaiveDate::from_ymd_opt(request.year, month, 1) else {
                continue;
            };
            let month_text = first.format("%Y-%m").to_string();
            for id in store.entries_of_month(first)? {
                let doc = super::vouchers::voucher_doc_in(store, id, lang, context)?;
                super::documents::refuse_missing(
                    &font,
                    doc.lines.iter().map(|l| &l.memo).chain([&doc.prepared_by]),
                )?;
                let (_, seq) = doc.number.rsplit_once('-').unwrap_or(("", &doc.number));
                let path = format!("vouchers/{month_text}/{month_text}-{seq}.pdf");
                send(Job::Voucher(path, Box::new(doc)))?;
                vouchers.set(vouchers.get() + 1);
                for attachment in store.attachments_of(id)? {
                    let (path, bytes) = attachment_file(store, &attachment)?;
                    send(Job::Attachment(path, bytes))?;
                    attachments.set(attachments.get() + 1);
                }
            }
        }
        Ok(())
    };
    let work = |job: Job| match job {
        Job::Voucher(path, doc) => crate::render::pdf::render_voucher(&doc, &font)
            .map(|bytes| (path, bytes, Squeeze::Compressed))
            .map_err(|e| layout_failed(Document::Voucher, e)),
        Job::Attachment(path, bytes) => Ok((path, bytes, Squeeze::Document)),
    };
    super::workers::on_workers(&feed, &work, &mut |(path, bytes, squeeze)| {
        zip.add_bytes(&path, squeeze, &bytes).map(drop)
    })?;
    counts.vouchers = vouchers.get();
    counts.attachments = attachments.get();
    Ok(())
}

/// An attached document's path in the pack and its stored bytes, checked against
/// their hash.
fn attachment_file(
    store: &impl Read,
    attachment: &crate::store::attachments::AttachmentRow,
) -> Result<(String, Vec<u8>)> {
    use sha2::{Digest, Sha256};
    let id = attachment.id;
    let bytes = store.attachment_bytes(&attachment.sha256)?.ok_or_else(|| {
        Error::internal(format!(
            "attachment {id}'s document is not stored; run lovefund verify"
        ))
    })?;
    if Sha256::digest(&bytes).as_slice() != attachment.sha256.as_slice() {
        return Err(Error::internal(format!(
            "attachment {id}'s stored bytes do not match its hash; run lovefund verify"
        )));
    }
    let path = format!(
        "attachments/entry-{}/{id}-{}",
        attachment.entry_id,
        safe_file_name(&attachment.file_name)
    );
    Ok((path, bytes))
}

/// The reconciliations recorded as of a date in the year: the list, and each one's
/// cleared and unmatched lines.
fn add_reconciliations(zip: &mut ZipOut<'_>, ledger: &Ledger, year: i32) -> Result<()> {
    let store = ledger.reader();
    let prefix = format!("{year}-");
    let records: Vec<_> = store
        .reconciliations()?
        .into_iter()
        .filter(|r| r.as_of.starts_with(&prefix))
        .collect();
    let io = |e| Error::io(IoMessage::Output, e);
    zip.add("reconciliations/reconciliations.csv", Squeeze::Text, |w| {
        write_encoded(w, OutEncoding::Utf8Bom, |w| {
            crate::render::pack::reconciliations_csv(w, &records).map_err(io)
        })
    })?;
    for record in &records {
        let detail = super::reconcile::show(ledger, record.id)?;
        let name = format!("reconciliations/reconciliation-{}.csv", record.id);
        zip.add(&name, Squeeze::Text, |w| {
            write_encoded(w, OutEncoding::Utf8Bom, |w| {
                crate::render::pack::reconciliation_lines_csv(w, lines_of(&detail)).map_err(io)
            })
        })?;
    }
    Ok(())
}

/// A reconciliation's cleared postings, then its unmatched statement lines, as its
/// CSV writes them.
fn lines_of(
    detail: &super::reconcile::ReconciliationDetail,
) -> impl Iterator<Item = crate::render::pack::ReconciliationLine<'_>> {
    use crate::render::pack::ReconciliationLine;
    let cleared = detail.cleared.iter().map(|c| ReconciliationLine {
        cleared: true,
        statement_line: c.statement_line,
        date: &c.date,
        amount: c.amount,
        reference: &c.reference,
        posting: Some((c.entry, c.seq)),
        match_kind: &c.match_kind,
        description: "",
    });
    let unmatched = detail.unmatched.iter().map(|u| ReconciliationLine {
        cleared: false,
        statement_line: u.statement_line,
        date: &u.date,
        amount: u.amount,
        reference: &u.reference,
        posting: None,
        match_kind: "",
        description: &u.description,
    });
    cleared.chain(unmatched)
}

/// `verify`'s report, as text in the ledger's language and as JSON.
fn add_verify(zip: &mut ZipOut<'_>, store: &impl Read, lang: Lang) -> Result<Option<String>> {
    let report = crate::verify::run(store, &[], None)?;
    let io = |e| Error::io(IoMessage::Output, e);
    zip.add("verify/verify.txt", Squeeze::Text, |w| {
        report.text(w, lang).map_err(io)
    })?;
    zip.add("verify/verify.json", Squeeze::Text, |w| {
        crate::render::json::write(w, &report).map_err(io)
    })?;
    Ok(report.first_failure().map(|(check, _)| check.to_string()))
}

/// Makes the audit pack of `request.year` at `request.out`, in the ledger's language.
/// Refused, with no file made, for a year without entries, a file that holds no
/// signing secret, a target the guard refuses, or a document the font cannot draw.
pub fn pack(ledger: &Ledger, guard: &Guard, request: &PackRequest) -> Result<Packed> {
    let store = ledger.reader();
    let lang = ledger.lang();
    let year = request.year;
    let (start, end) = crate::report::annual::year_bounds(year)?;
    guard.check(&request.out)?;
    store.snapshot(|| {
        if store.first_date_between(Some(start), Some(end))?.is_none() {
            return Err(Error::not_found(PackMessage::NoEntriesInYear {
                year: i64::from(year),
            }));
        }
        let key = store
            .signing_keys()?
            .pop()
            .ok_or_else(|| Error::conflict(SignMessage::NoSigningSecret))?;
        let secret = store
            .signing_secret(&key.key_id)?
            .ok_or_else(|| Error::conflict(SignMessage::NoSigningSecret))?;
        let fingerprint = super::documents::fingerprint_of(store)?;
        let mut zip = ZipOut::create(guard, &request.out)?;
        let mut counts = Counts::default();
        add_statements(&mut zip, store, request, (end, lang))?;
        add_journal(&mut zip, ledger, (start, end), lang)?;
        counts.receipts = add_receipts(&mut zip, ledger, request, lang)?;
        add_vouchers_and_attachments(&mut zip, store, request, lang, &mut counts)?;
        add_reconciliations(&mut zip, ledger, year)?;
        let verify_failed = add_verify(&mut zip, store, lang)?;
        let manifest = Manifest {
            format: MANIFEST_FORMAT.to_string(),
            year,
            fund: store.ledger_name_in(lang.into())?,
            fingerprint: fingerprint.clone(),
            key_id: key.key_id.clone(),
            public_key: hex::encode(key.public_key),
            made_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            files: zip.members().to_vec(),
        };
        let files = manifest.files.len() as u64 + 2;
        let mut bytes = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| wrote(&request.out)(std::io::Error::other(e)))?;
        bytes.push(b'\n');
        let line = signature::sign_bytes(&bytes, &Secret::from_bytes(&secret), &key.key_id);
        zip.add_bytes(MANIFEST, Squeeze::Text, &bytes)?;
        zip.add_bytes(SIGNATURE, Squeeze::Text, line.as_bytes())?;
        zip.finish()?;
        Ok(Packed {
            path: request.out.display().to_string(),
            year,
            files,
            receipts: counts.receipts,
            vouchers: counts.vouchers,
            attachments: counts.attachments,
            fingerprint,
            key_id: key.key_id,
            verify_passed: verify_failed.is_none(),
            verify_failed,
        })
    })
}

impl Render for Packed {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
        let packed = PackMessage::Packed {
            path: self.path.clone(),
            year: i64::from(self.year),
            files: self.files,
            receipts: self.receipts,
            vouchers: self.vouchers,
            attachments: self.attachments,
        };
        writeln!(out, "{}", say(lang, &packed.into(), ""))?;
        if let Some(check) = &self.verify_failed {
            let note = PackMessage::LedgerVerifyFailed {
                check: check.clone(),
            };
            writeln!(out, "{}", say(lang, &note.into(), ""))?;
        }
        Ok(())
    }
}

impl Render for PackVerdict {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
        for line in self.lines() {
            writeln!(out, "{}", say(lang, &line.into(), ""))?;
        }
        Ok(())
    }
}

/// `audit-pack verify`'s verdict.
#[derive(Debug, Serialize)]
pub struct PackVerdict {
    pub intact: bool,
    pub year: i32,
    pub fingerprint: String,
    pub files: u64,
    pub signature: SignatureState,
    pub problems: Vec<FileFinding>,
}

impl PackVerdict {
    /// The refusal a front end ends with when anything is wrong (exit 1).
    pub fn refusal(&self) -> Option<Error> {
        if self.intact {
            return None;
        }
        let signature_wrong = !matches!(self.signature, SignatureState::Good { .. });
        let problems = self.problems.len() as u64 + u64::from(signature_wrong);
        Some(Error::verify(PackMessage::NotIntact { problems }))
    }

    /// The verdict's lines as messages: the signature, each file, and the outcome
    /// when the pack is intact.
    pub fn lines(&self) -> Vec<PackMessage> {
        let mut lines = vec![PackMessage::Signature(self.signature.clone())];
        lines.extend(self.problems.iter().map(|f| PackMessage::File {
            path: Quoted::new(&f.path),
            problem: f.problem,
        }));
        if self.intact {
            lines.push(PackMessage::Intact {
                year: i64::from(self.year),
                files: self.files,
                fingerprint: self.fingerprint.clone(),
            });
        }
        lines
    }
}

/// How manifest.sig checks against the manifest's bytes and `keys`.
fn signature_state(signature: Option<&[u8]>, manifest: &[u8], keys: &[[u8; 32]]) -> SignatureState {
    let Some(line) = signature else {
        return SignatureState::Missing;
    };
    let Ok(line) = std::str::from_utf8(line) else {
        return SignatureState::Malformed;
    };
    match signature::verify_bytes(line, manifest, keys) {
        Ok(key) => SignatureState::Good {
            key_id: signature::key_id(&key),
        },
        Err(Fault::Malformed) => SignatureState::Malformed,
        Err(Fault::BadSignature) => SignatureState::Bad,
        Err(Fault::UnknownKey(key_id)) => SignatureState::UnknownKey {
            key_id,
            keys: keys.iter().map(signature::key_id).collect(),
        },
    }
}

/// Checks the pack at `path` with the fund's public `keys`, opening no ledger: the
/// signature over manifest.json's exact bytes and every file against the manifest.
/// Refused when the file is no zip or holds no manifest it can read.
pub fn verify(path: &Path, keys: &[[u8; 32]]) -> Result<PackVerdict> {
    let PackContents {
        manifest,
        signature,
        members,
    } = crate::input::pack::read_pack(path)?;
    let shown = path.display().to_string();
    let manifest_bytes = manifest.ok_or_else(|| {
        Error::input(PackMessage::NoManifest {
            path: shown.clone(),
        })
    })?;
    let not_a_manifest = |detail: String| {
        Error::input(PackMessage::NotAManifest {
            path: shown.clone(),
            detail,
        })
    };
    let parsed: Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|e| not_a_manifest(e.to_string()))?;
    if parsed.format != MANIFEST_FORMAT {
        return Err(not_a_manifest(parsed.format));
    }
    let signature = signature_state(signature.as_deref(), &manifest_bytes, keys);
    let problems = compare(&parsed, &members);
    let intact = problems.is_empty() && matches!(signature, SignatureState::Good { .. });
    Ok(PackVerdict {
        intact,
        year: parsed.year,
        fingerprint: parsed.fingerprint,
        files: parsed.files.len() as u64 + 2,
        signature,
        problems,
    })
}

/// Checks the pack at `path` with this ledger's own public keys (retired ones
/// too): the web's check of a pack uploaded to the fund's server.
pub fn verify_with_ledger(ledger: &Ledger, path: &Path) -> Result<PackVerdict> {
    let keys: Vec<[u8; 32]> = ledger
        .reader()
        .signing_keys()?
        .into_iter()
        .map(|k| k.public_key)
        .collect();
    verify(path, &keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_keep_letters_and_lose_paths() {
        assert_eq!(safe_file_name("發票 2022.jpg"), "發票_2022.jpg");
        assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_file_name(".hidden"), "hidden");
        assert_eq!(safe_file_name("///"), "___");
        assert_eq!(safe_file_name(""), "file");
        assert!(safe_file_name(&"x".repeat(500)).chars().count() <= ATTACHMENT_NAME_CHARS_MAX);
    }
}
