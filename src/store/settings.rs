//! Settings as stored: an append-only history of (key, value, who, when); the value
//! in force for a key is its latest row (src/ledger/settings.rs says which keys exist).

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, params};

/// One change of a setting.
#[derive(Clone, Debug)]
pub struct SettingChange {
    pub key: String,
    pub value: String,
    pub set_by: String,
    pub set_at: String,
}

/// The value in force for `key`, if it was ever set.
pub(super) fn setting(conn: &Connection, key: &str) -> Result<Option<SettingChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, value, set_by, set_at FROM settings WHERE key = ?1
         ORDER BY id DESC LIMIT 1",
    )?;
    Ok(stmt.query_row([key], change_from_row).optional()?)
}

/// Every change ever made, oldest first.
pub(super) fn setting_history(conn: &Connection) -> Result<Vec<SettingChange>> {
    let mut stmt =
        conn.prepare_cached("SELECT key, value, set_by, set_at FROM settings ORDER BY id")?;
    let rows = stmt.query_map([], change_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_setting(conn: &Connection, change: &SettingChange) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value, set_by, set_at) VALUES (?1, ?2, ?3, ?4)",
        params![change.key, change.value, change.set_by, change.set_at],
    )?;
    Ok(())
}

fn change_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SettingChange> {
    Ok(SettingChange {
        key: row.get(0)?,
        value: row.get(1)?,
        set_by: row.get(2)?,
        set_at: row.get(3)?,
    })
}
