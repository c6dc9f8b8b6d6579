//! `backup PATH`: a consistent copy taken with SQLite's online backup while other
//! processes may be writing, switched to rollback-journal mode (not WAL) so that an
//! auditor can open it read-only from read-only media.

use super::{Store, create_private_file};
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// How often a busy step is retried (50 ms apart) before the backup gives up.
const BACKUP_TRIES_MAX: u32 = 1200;

impl Store {
    /// Copies the ledger to `target`, which must not exist; returns the copy's path.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if target.symlink_metadata().is_ok() {
            return Err(Error::conflict(format!(
                "{} already exists; backup never overwrites — choose a new file name",
                target.display()
            )));
        }
        create_private_file(target)?;
        let outcome = self.copy_into(target);
        if outcome.is_err() {
            let _ = std::fs::remove_file(target);
        }
        outcome
    }

    fn copy_into(&self, target: &Path) -> Result<()> {
        let mut copy = Connection::open_with_flags(target, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        {
            use rusqlite::backup::{Backup, StepResult};
            let backup = Backup::new(&self.conn, &mut copy)?;
            // All pages in one step (-1), under one read transaction, so the copy is
            // one consistent snapshot even while another process writes; retry while
            // a writer holds a lock it needs.
            let mut tries = 0;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More | StepResult::Busy | StepResult::Locked
                        if tries < BACKUP_TRIES_MAX =>
                    {
                        tries += 1;
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    _ => {
                        return Err(Error::conflict(
                            "the ledger stayed busy during the backup; try again when the other writer is done",
                        ));
                    }
                }
            }
        }
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(Error::Verify(format!(
                "the backup copy failed SQLite's integrity check: {check}"
            )));
        }
        drop(copy);
        for suffix in ["-wal", "-shm"] {
            let mut side = target.as_os_str().to_owned();
            side.push(suffix);
            let _ = std::fs::remove_file(side);
        }
        Ok(())
    }
}
