//! Original documents as stored (migration 0012): each distinct file's bytes once in
//! `attachment_blobs` by SHA-256, an `attachments` row (chained) for each time one is
//! attached to an entry, and `attachment_withdrawals` (chained) for the withdrawn.

use super::records::Collector;
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, ToSql, params};
use std::io::Read as _;

/// An attachment as listed.
#[derive(Clone, Debug, serde::Serialize)]
pub struct AttachmentRow {
    pub id: i64,
    pub entry_id: i64,
    #[serde(serialize_with = "hex_hash")]
    pub sha256: [u8; 32],
    pub file_name: String,
    pub size: i64,
    pub attached_by: String,
    pub attached_at: String,
    pub withdrawn: Option<Withdrawal>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Withdrawal {
    pub reason: String,
    pub withdrawn_by: String,
    pub withdrawn_at: String,
}

fn hex_hash<S: serde::Serializer>(hash: &[u8; 32], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(hash))
}

/// Stores `bytes` under `sha256` unless the same file is stored already; returns
/// whether it was new.
pub(super) fn insert_blob(conn: &Connection, sha256: &[u8; 32], bytes: &[u8]) -> Result<bool> {
    let added = conn.execute(
        "INSERT OR IGNORE INTO attachment_blobs (sha256, size, bytes) VALUES (?1, ?2, ?3)",
        params![sha256.as_slice(), bytes.len() as i64, bytes],
    )?;
    Ok(added == 1)
}

pub(super) fn insert_attachment(
    conn: &Connection,
    collector: &mut Collector,
    row: (i64, &[u8; 32], &str, i64),
    by: &str,
    at: &str,
) -> Result<i64> {
    let (entry_id, sha256, file_name, size) = row;
    let hash = sha256.as_slice();
    let values: [&dyn ToSql; 6] = [&entry_id, &hash, &file_name, &size, &by, &at];
    conn.execute(
        "INSERT INTO attachments (entry_id, sha256, file_name, size, attached_by, attached_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &values[..],
    )?;
    let id = conn.last_insert_rowid();
    let mut chained: Vec<&dyn ToSql> = vec![&id];
    chained.extend_from_slice(&values);
    collector.add("attachments", &chained)?;
    Ok(id)
}

pub(super) fn insert_withdrawal(
    conn: &Connection,
    collector: &mut Collector,
    attachment_id: i64,
    reason: &str,
    by: &str,
    at: &str,
) -> Result<()> {
    let values: [&dyn ToSql; 4] = [&attachment_id, &reason, &by, &at];
    conn.execute(
        "INSERT INTO attachment_withdrawals (attachment_id, reason, withdrawn_by, withdrawn_at)
         VALUES (?1, ?2, ?3, ?4)",
        &values[..],
    )?;
    let id = conn.last_insert_rowid();
    let mut chained: Vec<&dyn ToSql> = vec![&id];
    chained.extend_from_slice(&values);
    collector.add("attachment_withdrawals", &chained)
}

macro_rules! select_attachment {
    () => {
        "SELECT a.id, a.entry_id, a.sha256, a.file_name, a.size, a.attached_by,
                a.attached_at, w.reason, w.withdrawn_by, w.withdrawn_at
         FROM attachments a
         LEFT JOIN attachment_withdrawals w ON w.id =
             (SELECT MIN(x.id) FROM attachment_withdrawals x WHERE x.attachment_id = a.id)"
    };
}

fn row_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<AttachmentRow> {
    let hash: Vec<u8> = row.get(2)?;
    let reason: Option<String> = row.get(7)?;
    Ok(AttachmentRow {
        id: row.get(0)?,
        entry_id: row.get(1)?,
        sha256: hash.try_into().unwrap_or([0; 32]),
        file_name: row.get(3)?,
        size: row.get(4)?,
        attached_by: row.get(5)?,
        attached_at: row.get(6)?,
        withdrawn: match reason {
            Some(reason) => Some(Withdrawal {
                reason,
                withdrawn_by: row.get(8)?,
                withdrawn_at: row.get(9)?,
            }),
            None => None,
        },
    })
}

/// The attachments of an entry, in the order attached.
pub(super) fn of_entry(conn: &Connection, entry_id: i64) -> Result<Vec<AttachmentRow>> {
    let mut stmt = conn.prepare_cached(concat!(
        select_attachment!(),
        " WHERE a.entry_id = ?1 ORDER BY a.id"
    ))?;
    let rows = stmt.query_map([entry_id], row_of)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn attachment(conn: &Connection, id: i64) -> Result<Option<AttachmentRow>> {
    let mut stmt = conn.prepare_cached(concat!(select_attachment!(), " WHERE a.id = ?1"))?;
    Ok(stmt.query_row([id], row_of).optional()?)
}

/// A stored file's bytes, read from its pages (a file of 20 MB is not copied twice).
pub(super) fn blob_bytes(conn: &Connection, sha256: &[u8; 32]) -> Result<Option<Vec<u8>>> {
    let rowid: Option<i64> = conn
        .prepare_cached("SELECT rowid FROM attachment_blobs WHERE sha256 = ?1")?
        .query_row([sha256.as_slice()], |r| r.get(0))
        .optional()?;
    let Some(rowid) = rowid else {
        return Ok(None);
    };
    let mut blob = conn.blob_open("main", "attachment_blobs", "bytes", rowid, true)?;
    let mut bytes = Vec::with_capacity(blob.len());
    blob.read_to_end(&mut bytes).map_err(|e| {
        crate::error::Error::io(
            crate::error::message::IoMessage::Read {
                path: format!("attachment {}", hex::encode(sha256)),
            },
            e,
        )
    })?;
    Ok(Some(bytes))
}

/// Every stored file whose bytes do not hash to its key, and every attachment whose
/// file is not stored: (attachment or blob, what is wrong) — for `verify`.
pub(super) fn problems(conn: &Connection) -> Result<Vec<(Option<i64>, String)>> {
    use sha2::{Digest, Sha256};
    let mut out = Vec::new();
    let mut stmt =
        conn.prepare("SELECT rowid, sha256, size FROM attachment_blobs ORDER BY rowid")?;
    let blobs: Vec<(i64, Vec<u8>, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (rowid, hash, size) in blobs {
        let mut blob = conn.blob_open("main", "attachment_blobs", "bytes", rowid, true)?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 1 << 16];
        let mut read = 0i64;
        loop {
            let n = blob.read(&mut buffer).unwrap_or(0);
            if n == 0 {
                break;
            }
            read += n as i64;
            hasher.update(&buffer[..n]);
        }
        if hasher.finalize().as_slice() != hash.as_slice() || read != size {
            out.push((None, hex::encode(&hash)));
        }
    }
    let mut stmt = conn.prepare(
        "SELECT a.id, a.sha256 FROM attachments a
         WHERE NOT EXISTS (SELECT 1 FROM attachment_blobs b
                           WHERE b.sha256 = a.sha256 AND b.size = a.size)
         ORDER BY a.id",
    )?;
    let missing: Vec<(i64, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, hash) in missing {
        out.push((Some(id), hex::encode(&hash)));
    }
    Ok(out)
}
