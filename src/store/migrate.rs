//! Schema migrations: numbered SQL files embedded in the binary, applied in order,
//! each in its own transaction, recorded in PRAGMA user_version. A ledger made by a
//! newer lovefund (a higher user_version) is refused, never "upgraded" backwards.

use crate::error::message::StoreMessage;
use crate::error::{Error, Result};
use rusqlite::{Connection, TransactionBehavior};

/// (version, name, SQL). Never edit one that has landed; add the next number.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "core", include_str!("../../migrations/0001_core.sql")),
    (
        2,
        "fund_accounting",
        include_str!("../../migrations/0002_fund_accounting.sql"),
    ),
    (
        3,
        "receipt_voids",
        include_str!("../../migrations/0003_receipt_voids.sql"),
    ),
    (
        4,
        "periods_and_reconciliation",
        include_str!("../../migrations/0004_periods_and_reconciliation.sql"),
    ),
    (
        5,
        "records",
        include_str!("../../migrations/0005_records.sql"),
    ),
    (
        6,
        "settings",
        include_str!("../../migrations/0006_settings.sql"),
    ),
    (
        7,
        "wallet_accounts",
        include_str!("../../migrations/0007_wallet_accounts.sql"),
    ),
    (
        8,
        "party_edits",
        include_str!("../../migrations/0008_party_edits.sql"),
    ),
    (
        9,
        "signing_keys",
        include_str!("../../migrations/0009_signing_keys.sql"),
    ),
    (
        10,
        "party_merges",
        include_str!("../../migrations/0010_party_merges.sql"),
    ),
    (
        11,
        "party_publish",
        include_str!("../../migrations/0011_party_publish.sql"),
    ),
    (
        12,
        "attachments",
        include_str!("../../migrations/0012_attachments.sql"),
    ),
    (13, "users", include_str!("../../migrations/0013_users.sql")),
    (
        14,
        "entrusted",
        include_str!("../../migrations/0014_entrusted.sql"),
    ),
    (
        15,
        "publications",
        include_str!("../../migrations/0015_publications.sql"),
    ),
    (
        16,
        "entries by date",
        include_str!("../../migrations/0016_entries_by_date.sql"),
    ),
    (
        17,
        "entries by kind",
        include_str!("../../migrations/0017_entries_by_kind.sql"),
    ),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Refuses a ledger newer than this binary, and (read-only) one that needs upgrading.
pub fn check_version(conn: &Connection, read_only: bool) -> Result<()> {
    let version = current_version(conn)?;
    if version > latest_version() {
        return Err(Error::conflict(StoreMessage::NewerSchema {
            version,
            latest: latest_version(),
        }));
    }
    if read_only && version < latest_version() {
        return Err(Error::conflict(StoreMessage::OlderSchemaReadOnly {
            version,
            latest: latest_version(),
        }));
    }
    Ok(())
}

/// The Rust step of a migration, run after its SQL in the same transaction.
fn after_sql(tx: &Connection, version: i64) -> Result<()> {
    let now = || chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    match version {
        // The rows an older ledger holds go into the chain as one record. The
        // upgrade's time is the one thing the store reads from the clock itself.
        5 => super::records::record_existing_rows(tx, &now()),
        7 => super::chart::add_wallet_accounts(tx, &now()),
        // Every ledger, new or older, gets its first receipt signing key here.
        9 => super::signing::first_key(tx, &now()),
        14 => super::chart::add_entrusted_accounts(tx, &now()),
        _ => Ok(()),
    }
}

pub fn apply(conn: &mut Connection) -> Result<()> {
    if current_version(conn)? >= latest_version() {
        return Ok(());
    }
    for (version, _name, sql) in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write lock: another process may have just migrated.
        if current_version(&tx)? >= *version {
            continue;
        }
        tx.execute_batch(sql)?;
        after_sql(&tx, *version)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}
