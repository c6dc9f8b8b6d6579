//! Settings as stored: an append-only history of (key, value, who, when); the value
//! in force for a key is its latest row (src/ledger/settings.rs says which keys exist).

use super::records::Collector;
use crate::error::Result;
use rusqlite::{Connection, OptionalExtension, ToSql};

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

/// Records a change; its row joins the hash chain with the transaction's record.
pub(super) fn insert_setting(
    conn: &Connection,
    collector: &mut Collector,
    change: &SettingChange,
) -> Result<()> {
    let values: [&dyn ToSql; 4] = [&change.key, &change.value, &change.set_by, &change.set_at];
    conn.execute(
        "INSERT INTO settings (key, value, set_by, set_at) VALUES (?1, ?2, ?3, ?4)",
        &values[..],
    )?;
    let id = conn.last_insert_rowid();
    let mut row: Vec<&dyn ToSql> = vec![&id];
    row.extend_from_slice(&values);
    collector.add("settings", &row)
}

fn change_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SettingChange> {
    Ok(SettingChange {
        key: row.get(0)?,
        value: row.get(1)?,
        set_by: row.get(2)?,
        set_at: row.get(3)?,
    })
}
