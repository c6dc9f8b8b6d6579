//! Original documents (原始凭证) behind entries (issue 17 §2): `entry attach` stores
//! scans, photos and PDFs in the ledger, each file once by its SHA-256 (in the hash
//! chain through the attachment's row); `entry attachments` lists an entry's;
//! `entry attachment-get` writes one out; `entry attachment-withdraw` withdraws one by
//! a chained record with a reason, its bytes kept. `verify` hashes every stored byte.

use super::{Actor, Ledger};
use crate::error::message::{IoMessage, OpsMessage};
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::entry::{MEMO_LENGTH_MAX, check_text};
use crate::ledger::settings::Setting;
use crate::output::Guard;
use crate::render::Render;
use crate::store::Read;
use crate::store::UnitOfWork;
use crate::store::attachments::AttachmentRow;
use serde::Serialize;
use std::io::{self, Read as _, Write};
use std::path::{Path, PathBuf};

/// What `entry attach` stored.
#[derive(Debug, Serialize)]
pub struct Attached {
    pub entry: i64,
    pub attachments: Vec<AttachedFile>,
}

#[derive(Debug, Serialize)]
pub struct AttachedFile {
    pub id: i64,
    pub file_name: String,
    pub size: i64,
    pub sha256: String,
    /// False when the same file was stored before (it is kept once).
    pub new_bytes: bool,
}

impl Render for Attached {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        for a in &self.attachments {
            write!(
                out,
                "{} {}  #{}  {}  {} B  SHA-256 {}",
                L::Attached.get(lang),
                self.entry,
                a.id,
                a.file_name,
                a.size,
                &a.sha256[..16]
            )?;
            if !a.new_bytes {
                write!(out, "  {}", L::StoredOnce.get(lang))?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

/// A document's bytes: a regular file of at most the ledger's limit, read bounded
/// (a file growing between the check and the read is never read past the limit).
fn read_document(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| {
        Error::io(
            IoMessage::Read {
                path: shown.clone(),
            },
            e,
        )
    })?;
    if !metadata.is_file() {
        return Err(Error::input_in(
            Field::Path,
            OpsMessage::NotADocument { path: shown },
        ));
    }
    let too_large = || {
        Error::input_in(
            Field::Path,
            OpsMessage::DocumentTooLarge {
                path: shown.clone(),
                mib: limit / (1024 * 1024),
            },
        )
    };
    if metadata.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            Error::io(
                IoMessage::Read {
                    path: shown.clone(),
                },
                e,
            )
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The name kept for a file: its own name, without the folders it came from.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The name kept for a document a browser sent: the last part of what it says,
/// after any `/` or `\\` (a name is never a path); "document" when nothing is left.
pub fn sent_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    match last {
        "" | "." | ".." => "document".to_string(),
        last => last.chars().filter(|c| !c.is_control()).collect(),
    }
}

/// The largest document the ledger stores (`attachments.max-mb`), in bytes.
pub fn limit(ledger: &Ledger) -> Result<u64> {
    Ok(Setting::attachment_bytes(
        ledger
            .reader()
            .setting(Setting::AttachmentMaxMb.key())?
            .map(|c| c.value)
            .as_deref(),
    ))
}

fn refuse_unless_entry(store: &impl Read, entry: i64) -> Result<()> {
    match store.entry(entry)? {
        Some(_) => Ok(()),
        None => Err(Error::not_found(OpsMessage::NoEntry { id: entry })),
    }
}

/// Stores each of `files` and attaches it to `entry`, all in one transaction: one
/// file refused attaches none.
pub fn attach(
    ledger: &mut Ledger,
    actor: &Actor,
    entry: i64,
    files: &[PathBuf],
) -> Result<Attached> {
    refuse_unless_entry(ledger.reader(), entry)?;
    let limit = limit(ledger)?;
    let documents = files
        .iter()
        .map(|path| Ok((file_name(path), read_document(path, limit)?)))
        .collect::<Result<Vec<_>>>()?;
    attach_documents(ledger, actor, entry, documents)
}

/// Stores documents already read (a page's upload: each its name as sent, see
/// `sent_name`, and its bytes) and attaches them to `entry`, in one transaction,
/// with `attach`'s limit.
pub fn attach_documents(
    ledger: &mut Ledger,
    actor: &Actor,
    entry: i64,
    documents: Vec<(String, Vec<u8>)>,
) -> Result<Attached> {
    refuse_unless_entry(ledger.reader(), entry)?;
    let limit = limit(ledger)?;
    for (name, bytes) in &documents {
        if bytes.len() as u64 > limit {
            return Err(Error::input_in(
                Field::Path,
                OpsMessage::DocumentTooLarge {
                    path: name.clone(),
                    mib: limit / (1024 * 1024),
                },
            ));
        }
    }
    let attachments = ledger.store_mut()?.write(&actor.stamp(), |unit| {
        let mut out = Vec::new();
        for (name, bytes) in &documents {
            check_text(Field::Path, name, MEMO_LENGTH_MAX)?;
            let (id, new_bytes) =
                unit.attach(entry, name, bytes, &actor.user, &actor.recorded_at)?;
            use sha2::{Digest, Sha256};
            out.push(AttachedFile {
                id,
                file_name: name.clone(),
                size: bytes.len() as i64,
                sha256: hex::encode(Sha256::digest(bytes)),
                new_bytes,
            });
        }
        Ok(out)
    })?;
    Ok(Attached { entry, attachments })
}

/// An entry's attachments as listed.
#[derive(Debug, Serialize)]
pub struct AttachmentList {
    pub entry: i64,
    pub attachments: Vec<AttachmentRow>,
    #[serde(skip)]
    local: Vec<(String, Option<String>)>,
}

impl Render for AttachmentList {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        if self.attachments.is_empty() {
            return writeln!(out, "{}", L::NoAttachments.get(lang));
        }
        for (a, (at, withdrawn_at)) in self.attachments.iter().zip(&self.local) {
            write!(
                out,
                "#{}  {}  {} B  SHA-256 {}  {} {}  {at}",
                a.id,
                a.file_name,
                a.size,
                &hex::encode(a.sha256)[..16],
                L::AttachedBy.get(lang),
                a.attached_by,
            )?;
            if let (Some(w), Some(when)) = (&a.withdrawn, withdrawn_at) {
                write!(
                    out,
                    "  {} ({}, {} {when})",
                    L::Withdrawn.get(lang),
                    w.reason,
                    w.withdrawn_by
                )?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

pub fn list(ledger: &Ledger, entry: i64) -> Result<AttachmentList> {
    let store = ledger.reader();
    refuse_unless_entry(store, entry)?;
    let clock = store.local_time()?;
    let attachments = store.attachments_of(entry)?;
    let local = attachments
        .iter()
        .map(|a| {
            (
                clock.show(&a.attached_at),
                a.withdrawn.as_ref().map(|w| clock.show(&w.withdrawn_at)),
            )
        })
        .collect();
    Ok(AttachmentList {
        entry,
        attachments,
        local,
    })
}

fn attachment_or_refusal(store: &impl Read, id: i64) -> Result<AttachmentRow> {
    store
        .attachment(id)?
        .ok_or_else(|| Error::not_found(OpsMessage::NoAttachment { id }))
}

/// What `attachment-get` wrote.
#[derive(Debug, Serialize)]
pub struct Written {
    pub path: String,
    pub size: i64,
}

impl Render for Written {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        writeln!(out, "{} {}", L::Wrote.get(lang), self.path)
    }
}

/// Writes attachment `id`'s bytes to `out` (through the output guard), after
/// checking them against their SHA-256; a withdrawn one is written too (its bytes
/// stay, for the auditor).
pub fn get(ledger: &Ledger, guard: &Guard, id: i64, out: &Path) -> Result<Written> {
    attachment_or_refusal(ledger.reader(), id)?;
    guard.check(out)?;
    let (row, bytes) = document(ledger, id)?;
    guard.write(out, &bytes)?;
    Ok(Written {
        path: out.display().to_string(),
        size: row.size,
    })
}

/// Attachment `id` and its bytes, checked against their SHA-256 (`get`, and the
/// web page's download).
pub fn document(ledger: &Ledger, id: i64) -> Result<(AttachmentRow, Vec<u8>)> {
    let store = ledger.reader();
    let row = attachment_or_refusal(store, id)?;
    let bytes = store.attachment_bytes(&row.sha256)?.ok_or_else(|| {
        Error::internal(format!(
            "attachment {id}'s document is not stored; run lovefund verify"
        ))
    })?;
    use sha2::{Digest, Sha256};
    if Sha256::digest(&bytes).as_slice() != row.sha256.as_slice() {
        return Err(Error::internal(format!(
            "attachment {id}'s stored bytes do not match its hash; run lovefund verify"
        )));
    }
    Ok((row, bytes))
}

/// Withdraws attachment `id` with `reason`, as a chained record; its bytes stay.
pub fn withdraw(
    ledger: &mut Ledger,
    actor: &Actor,
    id: i64,
    reason: &str,
) -> Result<AttachmentRow> {
    check_text(Field::Reason, reason, MEMO_LENGTH_MAX)?;
    if reason.trim().is_empty() {
        return Err(Error::input_in(
            Field::Reason,
            OpsMessage::WithdrawNeedsReason,
        ));
    }
    ledger.store_mut()?.write(&actor.stamp(), |unit| {
        let row = attachment_or_refusal(unit, id)?;
        if let Some(w) = &row.withdrawn {
            return Err(Error::conflict(OpsMessage::AttachmentWithdrawn {
                id,
                reason: w.reason.clone(),
            }));
        }
        unit.withdraw_attachment(id, reason.trim(), &actor.user, &actor.recorded_at)?;
        attachment_or_refusal(unit, id)
    })
}

impl Render for AttachmentRow {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let state = if self.withdrawn.is_some() {
            L::Withdrawn
        } else {
            L::Attached
        };
        writeln!(out, "#{}  {}  {}", self.id, self.file_name, state.get(lang))
    }
}
