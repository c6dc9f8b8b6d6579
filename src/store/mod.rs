//! SQLite storage: opening a ledger file safely, the schema migrations, appending to
//! the journal and the queries reports need. All SQL of lovefund lives here and in
//! migrations/, always with bound parameters.
//!
//! The rest of lovefund sees two traits, not SQLite: `Read` (every query, one name
//! each) and `UnitOfWork` (every write of one command, in one transaction handed out
//! by `Store::write`). The rules of an append live in `ledger::append`; what is
//! SQLite's own (pragmas, `BEGIN IMMEDIATE`, bulk index rebuilds, the integrity
//! pragmas) stays in this module.

pub mod attachments;
mod backup;
pub mod cash;
mod chart;
mod entrusted;
pub mod export;
mod journal;
mod migrate;
pub mod people;
pub mod periods;
pub mod publications;
mod queries;
mod read;
pub mod receipts;
pub mod reconciliations;
mod records;
pub mod search;
pub mod settings;
pub mod signing;
pub mod spill;
pub mod summary;
mod unit;
pub mod users;
pub mod vouchers;

pub use journal::Appender;
pub use migrate::MIGRATIONS;
use queries::integrity_problems_beside;
pub use queries::{
    AccountTotal, ChainHead, DailyTotalRow, FundMovement, GuardRow, PartyHistoryRow, RegisterRow,
};
use read::Sql;
pub use read::{IntegrityCheck, Read, ReconciliationLines};
pub use records::{CHAINED_TABLES, ChainedTable, RowProblem, StoredRecord};
pub use unit::UnitOfWork;

use crate::error::message::StoreMessage;
use crate::error::{Error, Result};
use crate::ledger::append::Stamp;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a command waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);
/// The page cache of a writing connection, in KiB as SQLite takes it (negative).
const WRITE_CACHE_KIB: i64 = -65_536;
/// The page cache of a command that only reads, in KiB (negative), as SQLite takes it.
const READ_CACHE_KIB: i64 = -8_192;
/// Marks a SQLite file as a lovefund ledger (PRAGMA application_id): "LOVE".
pub const APPLICATION_ID: i64 = 0x4C4F_5645;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// Counts the transactions this store committed, for whoever asked to know.
    commits: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
}

impl Store {
    /// Creates a new ledger file (mode 0600) with the schema; refuses an existing file.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() || path.symlink_metadata().is_ok() {
            return Err(Error::conflict(StoreMessage::LedgerExists {
                path: path.display().to_string(),
            }));
        }
        create_private_file(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only: false,
            commits: None,
        };
        store.set_write_pragmas()?;
        migrate::apply(&mut store.conn)?;
        Ok(store)
    }

    /// Opens an existing ledger. Read-only opens the file read-only at the OS level, so
    /// nothing can change it; read-write applies any pending migrations.
    pub fn open(path: &Path, read_only: bool) -> Result<Store> {
        if path.symlink_metadata().is_err() {
            return Err(Error::not_found(StoreMessage::NoLedger {
                path: path.display().to_string(),
            }));
        }
        check_file_safety(path)?;
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only,
            commits: None,
        };
        store.check_is_ledger()?;
        if !read_only {
            store.set_write_pragmas()?;
        }
        migrate::check_version(&store.conn, read_only)?;
        if !read_only {
            migrate::apply(&mut store.conn)?;
        }
        Ok(store)
    }

    /// A command that only reads needs no big page cache: its scans read each page
    /// about once, and a cache sized for imports would only raise its memory. Sorts
    /// (a register's date order) spill to a temporary file past the cache, so a
    /// query's memory stays bounded whatever the ledger's size.
    pub fn tune_for_reading(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", READ_CACHE_KIB)?;
        self.conn.pragma_update(None, "temp_store", "DEFAULT")?;
        Ok(())
    }

    /// The connection's settings as `open` left them (an export or an import changes
    /// its cache size and temporary store for a while): for a store kept open and
    /// used again.
    pub fn reset_settings(&self) -> Result<()> {
        if self.read_only {
            self.tune_for_reading()
        } else {
            self.set_write_pragmas()
        }
    }

    /// Leaves the write-ahead log's checkpoints to `checkpoint`, called by a thread
    /// of its own, instead of the commit that happens to fill the log: copying it
    /// into the ledger file (and syncing that) then no longer lands on one
    /// treasurer's request now and then.
    pub fn defer_checkpoints(&self) -> Result<()> {
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(())
    }

    /// Copies into the ledger file what the write-ahead log holds, as far as no
    /// reader still needs it (a passive checkpoint: it waits for no one).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// No transaction is open on the connection.
    pub fn is_idle(&self) -> bool {
        self.conn.is_autocommit()
    }

    fn set_write_pragmas(&self) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // Big imports touch several indexes at once; 2 MiB (the default) thrashes.
        self.conn
            .pragma_update(None, "cache_size", WRITE_CACHE_KIB)?;
        // Statement journals (kept so one failed statement can be undone inside a
        // transaction) stay in memory instead of a temporary file.
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    fn check_is_ledger(&self) -> Result<()> {
        let id: std::result::Result<i64, rusqlite::Error> =
            self.conn
                .pragma_query_value(None, "application_id", |row| row.get(0));
        match id {
            Ok(APPLICATION_ID) => Ok(()),
            Ok(_) => Err(Error::input(StoreMessage::NotALedger {
                path: self.path.display().to_string(),
            })),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::NotADatabase =>
            {
                Err(Error::input(StoreMessage::NotSqlite {
                    path: self.path.display().to_string(),
                }))
            }
            Err(e) => Err(e.into()),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Runs `work` in one `BEGIN IMMEDIATE` transaction: all of it or none of it,
    /// the chained rows it inserts recorded before the commit. For the store's own
    /// writes (the chart); commands go through `write`.
    fn in_transaction<T>(
        &mut self,
        recorded_by: &str,
        recorded_at: &str,
        work: impl FnOnce(&Transaction<'_>, &mut records::Collector) -> Result<T>,
    ) -> Result<T> {
        self.write_or_rollback(|tx| {
            let mut collector = records::Collector::default();
            let value = work(tx, &mut collector)?;
            let head = records::chain_head(tx)?;
            records::append_record(tx, &collector, head, recorded_by, recorded_at)?;
            Ok((value, true))
        })
    }
}

fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Sets a ledger setting once (meta is append-only and chained).
fn meta_set(
    conn: &Connection,
    collector: &mut records::Collector,
    key: &str,
    value: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)",
        [key, value],
    )?;
    collector.add("meta", &[&key, &value])
}

#[cfg(unix)]
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|e| {
            Error::io(
                crate::error::message::IoMessage::Create {
                    path: path.display().to_string(),
                },
                e,
            )
        })
}

#[cfg(not(unix))]
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(drop)
        .map_err(|e| {
            Error::io(
                crate::error::message::IoMessage::Create {
                    path: path.display().to_string(),
                },
                e,
            )
        })
}

impl Store {
    /// Counts every transaction committed from now on in `commits`: a front end
    /// learns that the ledger changed even when it cannot print the result.
    pub fn count_commits_in(&mut self, commits: std::sync::Arc<std::sync::atomic::AtomicU64>) {
        self.commits = Some(commits);
    }

    /// Runs one command's writes in one `BEGIN IMMEDIATE` transaction: `work` gets
    /// the unit of work (an `Appender`, which implements `UnitOfWork`); the derived
    /// totals are written and the transaction committed only if everything
    /// succeeded (DESIGN.md invariant 7).
    pub fn write<T>(
        &mut self,
        stamp: &Stamp<'_>,
        work: impl FnOnce(&mut Appender<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write_or_rollback(|tx| {
            let mut appender = Appender::new(tx, stamp)?;
            let value = work(&mut appender)?;
            appender.finish()?;
            Ok((value, true))
        })
    }
}

impl Store {
    /// `write_or_rollback` for a bulk import, with SQLite's own foreign-key lookups
    /// switched off for the transaction (a fifth of a big import's writing time; the
    /// pragma cannot change inside a transaction). The import makes every reference
    /// itself: each posting's account and fund are checked against the chart in
    /// memory, parties are read or created in the same transaction, entry ids are
    /// assigned in sequence. `verify integrity` runs SQLite's foreign_key_check over
    /// the whole file.
    pub fn write_bulk_or_rollback<T>(
        &mut self,
        stamp: &Stamp<'_>,
        work: impl FnOnce(&mut Appender<'_>) -> Result<(T, bool)>,
    ) -> Result<T> {
        if !self.read_only {
            self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        }
        let result = self.write_or_rollback(|tx| {
            let mut appender = Appender::new(tx, stamp)?;
            work(&mut appender)
        });
        if !self.read_only {
            self.conn.pragma_update(None, "foreign_keys", "ON")?;
        }
        result
    }

    /// Like `write`, but `work` decides whether to commit (true) or roll back (false)
    /// — for dry runs and for imports whose lines turned out bad.
    fn write_or_rollback<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> Result<(T, bool)>,
    ) -> Result<T> {
        if self.read_only {
            return Err(Error::conflict(StoreMessage::ReadOnly));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (value, commit) = work(&tx)?;
        if commit {
            tx.commit()?;
            if let Some(commits) = &self.commits {
                commits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        } else {
            tx.rollback()?;
        }
        Ok(value)
    }
}

/// SQLite's errors in words a treasurer can act on: a full disk, a write that failed
/// (a file-size limit, a failing disk) and a ledger on read-only media each get one
/// sentence saying what happened to the command and what to do; anything else keeps
/// SQLite's own words. Every `?` on a rusqlite result comes through here.
impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        storage_error(error)
    }
}

fn storage_error(error: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    let extended_code = error.sqlite_error().map(|e| e.extended_code);
    match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => Error::failed(crate::error::message::IoMessage::DiskFull),
        Some(ErrorCode::SystemIoFailure)
            if extended_code == Some(rusqlite::ffi::SQLITE_IOERR_WRITE) =>
        {
            Error::failed(crate::error::message::IoMessage::LedgerWriteFailed)
        }
        Some(ErrorCode::ReadOnly) => {
            Error::failed(crate::error::message::IoMessage::LedgerReadOnly)
        }
        _ => Error::Storage(error.to_string()),
    }
}

/// Refuses a ledger reached through a symbolic link (which could be swapped under
/// the treasurer) or writable by everyone (which anyone could rewrite).
fn check_file_safety(path: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::Read {
                path: path.display().to_string(),
            },
            e,
        )
    })?;
    if meta.file_type().is_symlink() {
        let target = std::fs::canonicalize(path)
            .map_or_else(|_| "its target".to_string(), |t| t.display().to_string());
        return Err(Error::conflict(StoreMessage::SymbolicLink {
            path: path.display().to_string(),
            target,
        }));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o002 != 0 {
            return Err(Error::conflict(StoreMessage::WorldWritable {
                path: path.display().to_string(),
            }));
        }
    }
    Ok(())
}
