//! `backup PATH`: a consistent copy taken with SQLite's online backup while other
//! processes may be writing, switched to rollback-journal mode (not WAL) so that an
//! auditor can open it read-only from read-only media. It is written through the
//! output guard (`crate::output`): never over the ledger, never half a file.

use super::Store;
use crate::error::message::StoreMessage;
use crate::error::{Error, Field, Result};
use crate::output::Guard;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// How often a busy step is retried (50 ms apart) before the backup gives up.
const BACKUP_TRIES_MAX: u32 = 1200;

impl Store {
    /// Copies the ledger to `target` through `guard`: into a temporary file beside it,
    /// checked, then put in place; the ledger's own files are refused, and an existing
    /// file is replaced only as the guard allows.
    /// Without `with_signing_key` the copy holds no receipt signing secret: the rows
    /// are deleted with SQLite's secure delete and the file vacuumed, so no page of
    /// the copy keeps them.
    pub fn backup_to(&self, target: &Path, guard: &Guard, with_signing_key: bool) -> Result<()> {
        guard.check(target)?;
        refuse_a_database_in_use(target)?;
        let (temporary, file) = guard.temporary_for(target)?;
        drop(file);
        self.copy_into(temporary.path(), with_signing_key)?;
        guard.place(temporary, target)
    }

    fn copy_into(&self, target: &Path, with_signing_key: bool) -> Result<()> {
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
                        return Err(Error::conflict(StoreMessage::BackupBusy));
                    }
                }
            }
        }
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        if !with_signing_key {
            copy.pragma_update(None, "secure_delete", "ON")?;
            copy.execute("DELETE FROM signing_secrets", [])?;
            copy.execute_batch("VACUUM")?;
        }
        let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(Error::verify(StoreMessage::BackupDamaged { detail: check }));
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

/// Refuses to replace a file with a -wal or -journal beside it: SQLite would apply that
/// to the copy when it is opened.
fn refuse_a_database_in_use(target: &Path) -> Result<()> {
    for suffix in ["-wal", "-journal"] {
        let mut side = target.as_os_str().to_owned();
        side.push(suffix);
        if Path::new(&side).symlink_metadata().is_ok() {
            return Err(Error::conflict_in(
                Field::Path,
                StoreMessage::SideFileBeside {
                    path: target.display().to_string(),
                    side: Path::new(&side).display().to_string(),
                },
            ));
        }
    }
    Ok(())
}
