//! Receipt signing keys as stored (migration 0008): `signing_keys` is an append-only,
//! chained history of keys made and retired; `signing_secrets` holds each key's
//! 32-byte Ed25519 secret and is not chained, so `backup` can leave it out.

use super::Store;
use super::records::{self, Collector};
use crate::error::{Error, Result};
use crate::ledger::signature::{key_id, public_key_of};
use rusqlite::{Connection, OptionalExtension, ToSql};

/// A signing key: its id, public key, when it was made and, once rotated away, when
/// it was retired and why.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SigningKeyRow {
    pub key_id: String,
    #[serde(serialize_with = "hex_key")]
    pub public_key: [u8; 32],
    pub created_at: String,
    pub retired_at: Option<String>,
    pub retire_reason: Option<String>,
}

fn hex_key<S: serde::Serializer>(key: &[u8; 32], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(key))
}

fn insert_event(
    conn: &Connection,
    collector: &mut Collector,
    values: [&dyn ToSql; 6],
) -> Result<()> {
    conn.execute(
        "INSERT INTO signing_keys (key_id, public_key, event, reason, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &values[..],
    )?;
    let id = conn.last_insert_rowid();
    let mut row: Vec<&dyn ToSql> = vec![&id];
    row.extend_from_slice(&values);
    collector.add("signing_keys", &row)
}

/// Makes a new key from the system's random source: its secret into
/// `signing_secrets`, its public half into the chain. Returns its id.
pub(super) fn new_key(
    conn: &Connection,
    collector: &mut Collector,
    by: &str,
    at: &str,
) -> Result<String> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret)
        .map_err(|e| Error::io_said(crate::error::message::IoMessage::Random, e))?;
    let public = public_key_of(&secret);
    let id = key_id(&public);
    conn.execute(
        "INSERT INTO signing_secrets (key_id, secret) VALUES (?1, ?2)",
        rusqlite::params![id, secret.as_slice()],
    )?;
    let none: Option<String> = None;
    insert_event(
        conn,
        collector,
        [&id, &hex::encode(public), &"created", &none, &by, &at],
    )?;
    Ok(id)
}

/// The Rust step of migration 8: an older ledger's first key, as one record. A file
/// just created (no meta yet) gets its key from `init`, in init's own record.
pub(super) fn first_key(conn: &Connection, at: &str) -> Result<()> {
    let fresh: bool = conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM meta)", [], |r| r.get(0))?;
    if fresh {
        return Ok(());
    }
    let mut collector = Collector::default();
    let by = "lovefund (schema 9)";
    new_key(conn, &mut collector, by, at)?;
    let head = records::chain_head(conn)?;
    records::append_record(conn, &collector, head, by, at)?;
    Ok(())
}

/// Every key, oldest first, with its retirement if any.
pub(super) fn keys(conn: &Connection) -> Result<Vec<SigningKeyRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key_id, public_key, event, reason, recorded_at FROM signing_keys ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut keys: Vec<SigningKeyRow> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let public: String = row.get(1)?;
        let event: String = row.get(2)?;
        let reason: Option<String> = row.get(3)?;
        let at: String = row.get(4)?;
        match event.as_str() {
            "retired" => {
                if let Some(key) = keys.iter_mut().find(|k| k.key_id == id) {
                    key.retired_at = Some(at);
                    key.retire_reason = reason;
                }
            }
            _ => keys.push(SigningKeyRow {
                key_id: id,
                public_key: hex::decode(public)
                    .ok()
                    .and_then(|b| b.try_into().ok())
                    .unwrap_or([0; 32]),
                created_at: at,
                retired_at: None,
                retire_reason: None,
            }),
        }
    }
    Ok(keys)
}

/// The secret of key `id`, if this file holds it (a backup made without
/// `--with-signing-key` does not).
pub(super) fn secret(conn: &Connection, id: &str) -> Result<Option<[u8; 32]>> {
    let bytes: Option<Vec<u8>> = conn
        .prepare_cached("SELECT secret FROM signing_secrets WHERE key_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(bytes.and_then(|b| b.try_into().ok()))
}

impl Store {
    /// Retires the current key (with `reason`) and makes a new one, as one chained
    /// record. Receipts signed by the old key stay verifiable with its public key.
    /// Returns the new key's id.
    pub fn rotate_signing_key(&mut self, reason: &str, by: &str, at: &str) -> Result<String> {
        self.in_transaction(by, at, |tx, collector| {
            let current = keys(tx)?.into_iter().rfind(|k| k.retired_at.is_none());
            if let Some(old) = current {
                insert_event(
                    tx,
                    collector,
                    [
                        &old.key_id,
                        &hex::encode(old.public_key),
                        &"retired",
                        &reason,
                        &by,
                        &at,
                    ],
                )?;
            }
            new_key(tx, collector, by, at)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Read;

    #[test]
    fn a_new_ledger_has_a_key_and_rotation_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = super::Store::create(&dir.path().join("l.db")).unwrap();
        // A file just created has no key yet: `init` makes it (a rotation too).
        assert!(store.signing_keys().unwrap().is_empty());
        store
            .rotate_signing_key("first", "tester", "2026-01-01T00:00:00Z")
            .unwrap();
        let keys = store.signing_keys().unwrap();
        assert_eq!(keys.len(), 1);
        let first = keys[0].clone();
        assert!(store.signing_secret(&first.key_id).unwrap().is_some());
        let new = store
            .rotate_signing_key("lost laptop", "tester", "2026-01-01T00:00:00Z")
            .unwrap();
        let keys = store.signing_keys().unwrap();
        assert_eq!(keys.len(), 2);
        assert_eq!(keys[0].retire_reason.as_deref(), Some("lost laptop"));
        assert_eq!(keys[1].key_id, new);
        assert!(keys[1].retired_at.is_none());
    }
}
